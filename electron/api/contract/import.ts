/**
 * Getting articles in: files uploaded by the browser-mode UI, paths from Electron's open dialog or a
 * drop, and pasted text or HTML. Each file is imported in its own transaction; the result lists what
 * was imported, what was already in the library, and what failed with a message naming the file.
 *
 * Pure (zod only): the renderer imports the types.
 */
import { z } from 'zod';
import { defineContract } from '../define.js';
import { directionSchema } from './common.js';

/** The import size limit when none is given, in megabytes (the same default as `quire import`). */
export const DEFAULT_IMPORT_MAX_MB = 50;
/** The largest limit an upload may ask for: base64 in one request costs memory in the main process. */
export const MAX_UPLOAD_MB = 200;

const tag = z.string().max(200);
const tags = z.array(tag).max(100);
const maxSizeMb = z.number().positive().max(MAX_UPLOAD_MB);

export const importedArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The path of the file (imports from disk) or its name (uploads); null for pasted text. */
  path: z.string().nullable(),
  language: z.string().nullable(),
  direction: directionSchema,
  /** SHA-256 of the original file as stored in the library's originals/. */
  sha256: z.string(),
});

/** The same shape as `quire import --json`. */
export const importReportSchema = z.object({
  imported: z.array(importedArticleSchema),
  /** Files whose content is already in the library, with the id of the article that has it. */
  duplicates: z.array(z.object({ path: z.string(), id: z.string() })),
  /** Files that could not be imported; `error` names the file and the reason in plain words. */
  failed: z.array(z.object({ path: z.string(), error: z.string() })),
});

export const importOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('imported'), article: importedArticleSchema }),
  z.object({ status: z.literal('duplicate'), id: z.string() }),
  z.object({ status: z.literal('failed'), error: z.string() }),
]);

const uploadedFileSchema = z
  .object({
    name: z.string().min(1).max(1000),
    /** The file's bytes, base64-encoded. */
    dataBase64: z.string().max(Math.ceil((MAX_UPLOAD_MB * 1024 * 1024 * 4) / 3) + 4),
    /** The browser's idea of the type (File.type), used only when the bytes and name say nothing. */
    mediaType: z.string().max(200).optional(),
    tags: tags.optional(),
  })
  .strict();

export const importContract = defineContract({
  'import.files': {
    summary: 'Imports uploaded files (browser mode): each becomes an article, is reported as a duplicate, or fails with a reason.',
    input: z
      .object({
        files: z.array(uploadedFileSchema).min(1).max(1000),
        /** Tags for every file, added to each file's own. */
        tags: tags.optional(),
        maxSizeMb: maxSizeMb.optional(),
      })
      .strict(),
    output: importReportSchema,
    mutates: true,
  },
  'import.paths': {
    summary: 'Imports files and folders from disk (the open dialog, drag and drop); folders are read recursively, hidden files skipped.',
    input: z
      .object({
        paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000),
        tags: tags.optional(),
        maxSizeMb: z.number().positive().max(10_000).optional(),
      })
      .strict(),
    output: importReportSchema,
    mutates: true,
  },
  'import.text': {
    summary: 'Creates an article from pasted text or HTML (HTML is extracted and sanitised like a web page).',
    input: z
      .object({
        text: z.string().max(50 * 1024 * 1024),
        html: z.string().max(50 * 1024 * 1024).optional(),
        title: z.string().max(1000).optional(),
        tags: tags.optional(),
      })
      .strict(),
    output: importOutcomeSchema,
    mutates: true,
  },
});

export type ImportReport = z.output<typeof importReportSchema>;
export type ImportOutcomeResult = z.output<typeof importOutcomeSchema>;
