/**
 * Export: the live preview of the printed dossier, and exporting it to PDF, HTML, Markdown or JSON.
 *
 * `export.dossier` either writes the file at `savePath` (the desktop app, after its native save dialog)
 * or, without one, returns the file's bytes as base64 with a suggested file name (browser mode, which
 * then offers a download). PDF is printed by Chromium: Electron's engine in the app, headless Chromium
 * in browser mode.
 *
 * Pure (zod only): the renderer imports the types.
 */
import { z } from 'zod';
import { defineContract } from '../define.js';
import { idSchema as id } from './common.js';

export const exportFormatSchema = z.enum(['pdf', 'html', 'md', 'json']);
export const paperSchema = z.enum(['a4', 'letter']);

export const exportContract = defineContract({
  'export.preview': {
    summary: 'The dossier as the print view renders it (one self-contained HTML document, no scripts) for the live preview.',
    input: z.object({ dossierId: id, paper: paperSchema.optional() }).strict(),
    output: z.object({ html: z.string() }),
  },
  'export.dossier': {
    summary: 'Exports a dossier: writes it to savePath (desktop), or returns the bytes (base64) and a file name (browser).',
    input: z
      .object({
        dossierId: id,
        format: exportFormatSchema,
        paper: paperSchema.optional(),
        /** Absolute path chosen in the save dialog; its extension must match the format. */
        savePath: z.string().min(1).max(4096).optional(),
      })
      .strict(),
    output: z.object({
      format: exportFormatSchema,
      /** Suggested file name, from the dossier's title. */
      filename: z.string(),
      mediaType: z.string(),
      size: z.number().int(),
      /** Where the file was written (with savePath), else null. */
      path: z.string().nullable(),
      /** The file's bytes as base64 (without savePath), else null. */
      data: z.string().nullable(),
    }),
  },
});
