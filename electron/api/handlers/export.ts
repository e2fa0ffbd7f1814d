import { extname, isAbsolute } from 'node:path';
import type { exportContract } from '../contract/export.js';
import { UsageError } from '../../core/errors.js';
import { previewDossierHtml, renderDossierExport, writeFileAtomic, type ExportFormat } from '../../core/export/index.js';
import type { Handlers } from './types.js';

const EXTENSIONS: Readonly<Record<ExportFormat, readonly string[]>> = {
  pdf: ['.pdf'],
  html: ['.html', '.htm'],
  md: ['.md', '.markdown', '.txt'],
  json: ['.json'],
};

/**
 * A save path must be absolute and end in the format's extension: the API never writes, say, a
 * shell profile, whatever path a compromised page might send.
 */
function checkSavePath(path: string, format: ExportFormat): string {
  if (!isAbsolute(path)) throw new UsageError('The export path must be an absolute path.');
  const ext = extname(path).toLowerCase();
  if (!EXTENSIONS[format].includes(ext)) {
    throw new UsageError(`A ${format.toUpperCase()} export must be saved with the extension ${EXTENSIONS[format][0]}.`);
  }
  return path;
}

export const exportHandlers: Handlers<typeof exportContract> = {
  'export.preview': (ctx, { dossierId, paper }) => ({ html: previewDossierHtml(ctx.library, dossierId, paper ?? 'a4') }),

  'export.dossier': async (ctx, { dossierId, format, paper, savePath }) => {
    const target = savePath === undefined ? null : checkSavePath(savePath, format);
    const rendered = await renderDossierExport(ctx.library, dossierId, { format, paper: paper ?? 'a4' });
    const base = { format: rendered.format, filename: rendered.filename, mediaType: rendered.mediaType, size: rendered.bytes.byteLength };
    if (target) return { ...base, path: writeFileAtomic(target, rendered.bytes), data: null };
    return { ...base, path: null, data: Buffer.from(rendered.bytes).toString('base64') };
  },
};
