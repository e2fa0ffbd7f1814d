import { test } from 'vitest';
import { join } from 'node:path';
import { copyFileSync } from 'node:fs';
import { exportDossier } from '../../../electron/core/export/index.js';
import { buildCorpusLibrary } from './corpus-library.js';
test.skipIf(!process.env['QX'])('dump', async () => {
  const lib = await buildCorpusLibrary();
  lib.library.db.prepare(`UPDATE articles SET url = ? WHERE id = ?`).run('https://ar.example.net/news/manama-tehran', lib.articles.ar);
  for (const f of ['pdf', 'html', 'md'] as const) {
    const out = join(lib.dir, `d.${f}`);
    await exportDossier(lib.library, lib.dossierId, { format: f, out });
    copyFileSync(out, `/tmp/qx/d.${f}`);
  }
  lib.dispose();
}, 60000);
