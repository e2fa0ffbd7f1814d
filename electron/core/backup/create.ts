/**
 * Backups into `<library>/backups/`: made, verified, then (automatic ones) rotated. Also the automatic
 * rule: back up at open or close when the newest backup is older than the interval (or there is none)
 * and the library changed since.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import type { Library } from '../library.js';
import { isDatabaseDamage } from './damage.js';
import { createLogger } from '../log.js';
import { changeFingerprint, type BackupKind } from './manifest.js';
import { backupsDir, manifestNameFor, partialPid, PARTIAL_PREFIX, processAlive, snapshotName } from './names.js';
import { selectKept } from './rotation.js';
import { readBackupSettings } from './settings.js';
import { writeSnapshot, type BeforeVerifyHook } from './snapshot.js';
import { listBackupEntries, type Backup } from './store.js';

const log = createLogger('backup');

export interface CreateBackupOptions {
  readonly kind?: Exclude<BackupKind, 'archive'>;
  /** The clock (tests inject one). */
  readonly now?: Date;
  readonly beforeVerify?: BeforeVerifyHook;
}

/** Makes a verified backup now; automatic backups are then rotated. Throws BackupFailedError. */
export async function createBackup(library: Library, options: CreateBackupOptions = {}): Promise<Backup> {
  const dir = backupsDir(library.dir);
  const kind = options.kind ?? 'manual';
  const snapshot = await writeSnapshot(library.db, dir, manifestNameFor, {
    kind,
    fileName: snapshotName,
    ...(options.now ? { now: options.now } : {}),
    ...(options.beforeVerify ? { beforeVerify: options.beforeVerify } : {}),
  });
  // Only now, with a verified new backup in place, may older ones go.
  if (kind === 'auto') rotate(library);
  const made = listBackupEntries(library.dir).find((entry) => entry.databasePath === snapshot.path);
  if (!made) throw new Error(`the backup just written is not listed: ${snapshot.path}`);
  return made.backup;
}

/**
 * Deletes the automatic backups the retention settings no longer keep. Manual backups ("Back up now",
 * `quire backup`) are the analyst's and stay until they delete them.
 */
export function rotate(library: Library): string[] {
  const { retention } = readBackupSettings(library.db);
  const autos = listBackupEntries(library.dir).filter((entry) => entry.manifest.kind === 'auto');
  const kept = selectKept(
    autos.map((entry) => ({ createdAt: entry.backup.createdAt, entry })),
    retention,
  );
  const keptEntries = new Set([...kept].map((item) => item.entry));
  const removed: string[] = [];
  for (const entry of autos) {
    if (keptEntries.has(entry)) continue;
    // Manifest first: a snapshot without one no longer counts, even if the second removal fails.
    rmSync(entry.manifestPath, { force: true });
    rmSync(entry.databasePath, { force: true });
    removed.push(entry.backup.id);
  }
  if (removed.length > 0) log.debug(`rotated out ${removed.length} backup(s): ${removed.join(', ')}`);
  return removed;
}

/** Whether an automatic backup is due, and why (for logs and tests). */
export function autoBackupDue(library: Library, now: Date = new Date()): { due: boolean; reason: string } {
  const fingerprint = changeFingerprint(library.db);
  const newest = listBackupEntries(library.dir)[0];
  if (!newest) {
    return fingerprint === 'empty' ? { due: false, reason: 'nothing to back up yet' } : { due: true, reason: 'never backed up' };
  }
  if (newest.manifest.fingerprint === fingerprint) return { due: false, reason: 'no changes since the last backup' };
  const { intervalHours } = readBackupSettings(library.db);
  const age = now.getTime() - Date.parse(newest.backup.createdAt);
  if (age < intervalHours * 3_600_000) return { due: false, reason: 'the last backup is recent' };
  return { due: true, reason: `the last backup is ${Math.floor(age / 3_600_000)} h old and the library changed since` };
}

/** `QUIRE_AUTO_BACKUP=0` turns automatic backups off (benchmarks, throwaway libraries). */
export function autoBackupEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['QUIRE_AUTO_BACKUP'] !== '0';
}

/**
 * Runs at open and at close. Cheap when nothing is due (a directory listing, a few small JSON files, a
 * handful of COUNT queries). A failed automatic backup is logged and never stops the analyst's command,
 * except when the database itself turned out damaged: that is thrown, for the recovery message.
 */
export async function autoBackupIfDue(library: Library, now: Date = new Date()): Promise<Backup | null> {
  if (!autoBackupEnabled()) return null;
  try {
    const { due, reason } = autoBackupDue(library, now);
    if (!due) return null;
    log.debug(`automatic backup: ${reason}`);
    return await createBackup(library, { kind: 'auto', now });
  } catch (error) {
    // A damaged database is the analyst's problem to hear about now (the recovery message), not a log line.
    if (isDatabaseDamage(error)) throw error;
    log.warn(`the automatic backup failed (${errorMessage(error)}); the library is unchanged and older backups were kept`);
    return null;
  }
}

/** Removes partial snapshots left by a process that died while backing up (run at open). */
export function cleanPartialBackups(libraryDir: string): number {
  const dir = backupsDir(libraryDir);
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(PARTIAL_PREFIX)) continue;
    const pid = partialPid(name);
    // A live writer (this process included) is still at it.
    if (pid !== null && processAlive(pid)) continue;
    rmSync(join(dir, name), { force: true });
    removed++;
  }
  return removed;
}
