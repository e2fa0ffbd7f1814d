/**
 * Backups, restore, the library check and the library's health (is the database readable?).
 *
 * `library.health`, `backup.status` and `backup.restore` also answer when the library's database is
 * damaged (recovery mode, docs/backups.md): every other method then fails with code `library_damaged`.
 *
 * Pure (zod only): the renderer imports the types.
 */
import { z } from 'zod';
import { defineContract } from '../define.js';
import { emptyInputSchema } from './common.js';

/** One verified backup: an automatic/manual snapshot in `<library>/backups/` or a portable archive. */
export const backupSchema = z.object({
  /** The file name without folder (`quire-2026-12-03T07-15-00-000Z.sqlite`); what `backup.restore` accepts besides a path. */
  id: z.string(),
  /** Absolute path of the snapshot file (for an archive: the archive folder). */
  path: z.string(),
  /** ISO 8601, UTC. */
  createdAt: z.string(),
  /** `auto`: made at open/close; `manual`: "Back up now" / `quire backup`; `archive`: `quire backup --to DIR`. */
  kind: z.enum(['auto', 'manual', 'archive']),
  articles: z.number().int(),
  annotations: z.number().int(),
  notes: z.number().int(),
  dossiers: z.number().int(),
  /** Size of the database snapshot (for an archive: snapshot plus originals). */
  bytes: z.number().int(),
});

export const retentionSchema = z.object({
  daily: z.number().int().min(0).max(365),
  weekly: z.number().int().min(0).max(520),
  monthly: z.number().int().min(0).max(1200),
});

export const backupStatusSchema = z.object({
  /** The newest verified backup, or null when the library was never backed up. */
  last: backupSchema.nullable(),
  /** Every verified backup in `<library>/backups/`, newest first. */
  backups: z.array(backupSchema),
  intervalHours: z.number(),
  retention: retentionSchema,
});

export const backupRestoreResultSchema = z.object({
  restored: backupSchema,
  /** Where the database that was replaced now lives (`quire.sqlite.damaged-<timestamp>`); null if there was none. */
  damagedCopy: z.string().nullable(),
  articles: z.number().int(),
  annotations: z.number().int(),
  notes: z.number().int(),
  dossiers: z.number().int(),
  /** Originals the restored articles need that are in neither the library nor the backup (also named by library.check). */
  warnings: z.array(z.string()),
});

export const checkProblemKindSchema = z.enum([
  'integrity', // PRAGMA integrity_check reported something
  'foreign_key', // PRAGMA foreign_key_check found a row pointing nowhere
  'database_unreadable', // the database could not be opened or read at all
  'original_tampered', // an original's bytes no longer hash to its name
  'original_missing', // an article's original file is gone
  'original_unreferenced', // a file in originals/ that no article refers to
  'temp_file', // a leftover temporary file (interrupted import or backup)
  'index_missing', // the saved search index is absent
  'index_stale', // the saved search index is behind the database
  'index_damaged', // the saved search index cannot be read
]);

export const checkProblemSchema = z.object({
  kind: checkProblemKindSchema,
  /** One line for the analyst, naming the article id and the original's file name where there is one. */
  message: z.string(),
  articleId: z.string().nullable(),
  /** The file concerned, relative to the library folder (`originals/<sha256>`), or null. */
  file: z.string().nullable(),
  /** `--repair` / `repair: true` can fix it without guessing. */
  repairable: z.boolean(),
});

export const checkReportSchema = z.object({
  healthy: z.boolean(),
  problems: z.array(checkProblemSchema),
  /** What `repair` did, one line each (empty unless repair was asked). */
  repaired: z.array(z.string()),
  checked: z.object({
    articles: z.number().int(),
    originals: z.number().int(),
    indexedArticles: z.number().int(),
  }),
});

export const libraryHealthSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ok') }),
  z.object({
    state: z.literal('damaged'),
    /** What is wrong, in the analyst's words (the SQLite message is included). */
    problem: z.string(),
    latestBackup: backupSchema.nullable(),
    /** The exact command that restores the newest good backup (`quire restore --latest --library "…"`). */
    restoreCommand: z.string(),
  }),
]);

export const backupSettingsInputSchema = z
  .object({
    intervalHours: z.number().min(1).max(24 * 30).optional(),
    retention: retentionSchema.partial().strict().optional(),
  })
  .strict();

export const backupContract = defineContract({
  'library.health': {
    summary: "Whether the library's database opens and reads; when not, what is wrong, the newest good backup and the restore command.",
    input: emptyInputSchema,
    output: libraryHealthSchema,
  },
  'library.check': {
    summary: 'Checks the database, every original (SHA-256) and the search index; with repair, fixes what needs no guessing and says what it did.',
    input: z.object({ repair: z.boolean().optional() }).strict(),
    output: checkReportSchema,
    mutates: true,
  },
  'backup.status': {
    summary: 'The newest backup, every backup (newest first), the interval and the rotation settings.',
    input: emptyInputSchema,
    output: backupStatusSchema,
  },
  'backup.create': {
    summary: 'Makes a verified backup now (SQLite online backup; originals are referenced by SHA-256, not copied).',
    input: emptyInputSchema,
    output: backupSchema,
  },
  'backup.restore': {
    summary: 'Restores a backup (path or id; null for the newest) into place, keeping the current database as quire.sqlite.damaged-<timestamp>, then rebuilds search.',
    input: z.object({ backup: z.string().min(1).max(4000).nullable() }).strict(),
    output: backupRestoreResultSchema,
    mutates: true,
  },
  'backup.setSettings': {
    summary: 'Changes the backup interval and how many daily, weekly and monthly backups are kept.',
    input: backupSettingsInputSchema,
    output: backupStatusSchema,
  },
});

export type BackupDto = z.output<typeof backupSchema>;
export type BackupStatusDto = z.output<typeof backupStatusSchema>;
export type BackupRestoreResultDto = z.output<typeof backupRestoreResultSchema>;
export type CheckReportDto = z.output<typeof checkReportSchema>;
export type CheckProblemDto = z.output<typeof checkProblemSchema>;
export type LibraryHealthDto = z.output<typeof libraryHealthSchema>;
export type RetentionDto = z.output<typeof retentionSchema>;
