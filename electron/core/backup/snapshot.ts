/**
 * Makes one verified snapshot of a live library database:
 *
 * 1. SQLite's online backup API (`db.backup()`) copies the database page by page into a partial file,
 *    consistent even while the app or the CLI write (never a file copy of a live WAL database);
 * 2. the copy is switched to rollback-journal mode, so the backup is one self-contained file;
 * 3. it is verified on disk: `integrity_check`, `foreign_key_check`, row counts; its SHA-256 recorded;
 * 4. only then is it renamed into place and its manifest written (last: a snapshot without a manifest
 *    does not count). A snapshot that fails verification is deleted and the error thrown; nothing else
 *    in the folder is touched, so a failed backup never replaces a good one.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QuireError, errorMessage } from '../errors.js';
import type { Db } from '../db/open.js';
import { schemaVersion } from '../db/open.js';
import { changeFingerprint, MANIFEST_FORMAT, referencedOriginals, type BackupKind, type BackupManifest } from './manifest.js';
import { fileStamp, partialName } from './names.js';
import { rawDatabase } from './sqlite.js';
import { verifyDatabaseFile } from './verify.js';

export class BackupFailedError extends QuireError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('backup_failed', message, options);
    this.name = 'BackupFailedError';
  }
}

/** Test hook: runs on the partial copy before it is verified (to prove a bad copy never counts). */
export type BeforeVerifyHook = (partialPath: string) => void;

export interface SnapshotOptions {
  readonly kind: BackupKind;
  readonly now?: Date;
  /** The file name of the finished snapshot in `dir`. */
  readonly fileName: (stamp: string) => string;
  readonly beforeVerify?: BeforeVerifyHook;
}

export interface Snapshot {
  readonly path: string;
  readonly manifestPath: string;
  readonly manifest: BackupManifest;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Copies `db` into `dir` and verifies the copy; `manifestPath` is where the manifest goes. */
export async function writeSnapshot(
  db: Db,
  dir: string,
  manifestPathFor: (snapshotPath: string) => string,
  options: SnapshotOptions,
): Promise<Snapshot> {
  mkdirSync(dir, { recursive: true });
  const now = options.now ?? new Date();
  const stamp = fileStamp(now);
  const partial = join(dir, partialName(stamp));
  // Read before copying: the copy reflects at least these changes.
  const fingerprint = changeFingerprint(db);
  const originals = referencedOriginals(db);
  const version = schemaVersion(db);
  try {
    await db.backup(partial);
    const copy = rawDatabase(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    options.beforeVerify?.(partial);
    const verification = verifyDatabaseFile(partial);
    if (!verification.ok) throw new BackupFailedError(`The new backup did not pass verification (${verification.problem}); it was discarded and older backups were kept.`);
    if (verification.schemaVersion !== version) throw new BackupFailedError('The new backup has a different schema than the library; it was discarded.');
    fsyncFile(partial);
    const finalPath = join(dir, options.fileName(stamp));
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      kind: options.kind,
      createdAt: now.toISOString(),
      database: finalPath.slice(dir.length + 1),
      bytes: statSync(partial).size,
      sha256: await sha256File(partial),
      schemaVersion: verification.schemaVersion,
      counts: verification.counts,
      verified: true,
      fingerprint,
      originals,
    };
    renameSync(partial, finalPath);
    const manifestPath = manifestPathFor(finalPath);
    const tmpManifest = `${manifestPath}.${process.pid}.tmp`;
    writeFileSync(tmpManifest, `${JSON.stringify(manifest, null, 2)}\n`);
    fsyncFile(tmpManifest);
    renameSync(tmpManifest, manifestPath);
    return { path: finalPath, manifestPath, manifest };
  } catch (error) {
    rmSync(partial, { force: true });
    rmSync(`${partial}-journal`, { force: true });
    if (error instanceof QuireError) throw error;
    throw new BackupFailedError(`The backup could not be written: ${errorMessage(error)}. Older backups were kept.`, { cause: error });
  }
}
