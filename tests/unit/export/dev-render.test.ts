import { writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { loadDossierForExport } from '../../../electron/core/dossiers/model.js';
import { printDossierPdf } from '../../../electron/core/export/pdf.js';
import { renderPrintHtml } from '../../../electron/core/export/print-html.js';
import { buildCorpusLibrary } from './corpus-library.js';

test.skipIf(!process.env['QX'])('dev render', async () => {
  const lib = await buildCorpusLibrary();
  const d = loadDossierForExport(lib.library, lib.dossierId);
  writeFileSync('/tmp/qx/d.html', renderPrintHtml(d, { paper: 'a4' }).html);
  const t = Date.now();
  writeFileSync('/tmp/qx/d.pdf', await printDossierPdf(d, 'a4'));
  console.log('pdf ms', Date.now() - t);
  lib.dispose();
}, 120000);
