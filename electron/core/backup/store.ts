/**
 * The backups a library has: every `quire-<stamp>.sqlite` in `<library>/backups/` whose manifest says it
 * was verified, newest first; and finding the one a command or the UI names (id, path, archive folder).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { QuireError, UsageError } from '../errors.js';
import { readManifest, type BackupKind, type BackupManifest } from './manifest.js';
import { ARCHIVE_MANIFEST, backupsDir, manifestNameFor, SNAPSHOT_PREFIX } from './names.js';

/** A verified backup as the CLI and the API show it. */
export interface Backup {
  /** The snapshot's file name (`quire-<stamp>.sqlite`) or, for an archive, its folder name. */
  readonly id: string;
  /** The snapshot file; for an archive, the archive folder. */
  readonly path: string;
  readonly createdAt: string;
  readonly kind: BackupKind;
  readonly articles: number;
  readonly annotations: number;
  readonly notes: number;
  readonly dossiers: number;
  readonly bytes: number;
}

/** A backup with what restore needs: the database file and its manifest. */
export interface BackupEntry {
  readonly backup: Backup;
  readonly manifest: BackupManifest;
  readonly databasePath: string;
  readonly manifestPath: string;
  /** For an archive: its originals/ folder. */
  readonly originalsDir: string | null;
}

function toBackup(id: string, path: string, manifest: BackupManifest, bytes: number): Backup {
  return {
    id,
    path,
    createdAt: manifest.createdAt,
    kind: manifest.kind,
    articles: manifest.counts.articles,
    annotations: manifest.counts.annotations,
    notes: manifest.counts.notes,
    dossiers: manifest.counts.dossiers,
    bytes,
  };
}

function snapshotEntry(databasePath: string): BackupEntry | null {
  const manifestPath = manifestNameFor(databasePath);
  const manifest = readManifest(manifestPath);
  if (!manifest || !existsSync(databasePath)) return null;
  return {
    backup: toBackup(basename(databasePath), databasePath, manifest, manifest.bytes),
    manifest,
    databasePath,
    manifestPath,
    originalsDir: null,
  };
}

/** An archive folder written by `quire backup --to DIR`: manifest.json, quire.sqlite, originals/. */
export function archiveEntry(folder: string): BackupEntry | null {
  const manifestPath = join(folder, ARCHIVE_MANIFEST);
  const manifest = readManifest(manifestPath);
  if (!manifest) return null;
  const databasePath = join(folder, manifest.database);
  if (!existsSync(databasePath)) return null;
  const originalsDir = join(folder, 'originals');
  return {
    backup: toBackup(basename(folder), folder, manifest, archiveBytes(manifest.bytes, originalsDir)),
    manifest,
    databasePath,
    manifestPath,
    originalsDir,
  };
}

function archiveBytes(databaseBytes: number, originalsDir: string): number {
  if (!existsSync(originalsDir)) return databaseBytes;
  let total = databaseBytes;
  for (const name of readdirSync(originalsDir)) total += statSync(join(originalsDir, name)).size;
  return total;
}

/** Every verified backup in the library's backups/ folder, newest first. */
export function listBackupEntries(libraryDir: string): BackupEntry[] {
  const dir = backupsDir(libraryDir);
  if (!existsSync(dir)) return [];
  const entries: BackupEntry[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(SNAPSHOT_PREFIX) || !name.endsWith('.sqlite')) continue;
    const entry = snapshotEntry(join(dir, name));
    if (entry) entries.push(entry);
  }
  return entries.sort((a, b) => b.backup.createdAt.localeCompare(a.backup.createdAt) || b.backup.id.localeCompare(a.backup.id));
}

export function listBackups(libraryDir: string): Backup[] {
  return listBackupEntries(libraryDir).map((entry) => entry.backup);
}

export function latestBackup(libraryDir: string): BackupEntry | null {
  return listBackupEntries(libraryDir)[0] ?? null;
}

/**
 * What `quire restore X` / `backup.restore {backup: X}` names: null for the newest backup; an id from
 * `quire backups`; a snapshot or manifest path; or an archive folder (or its manifest.json).
 */
export function resolveBackup(libraryDir: string, ref: string | null): BackupEntry {
  if (ref === null) {
    const latest = latestBackup(libraryDir);
    if (!latest) {
      throw new QuireError(
        'not_found',
        `There is no verified backup in ${backupsDir(libraryDir)} yet. Name an archive folder made with \`quire backup --to\` instead.`,
      );
    }
    return latest;
  }
  const byId = listBackupEntries(libraryDir).find((entry) => entry.backup.id === ref);
  if (byId) return byId;
  const path = resolve(ref);
  if (!existsSync(path)) throw new UsageError(`There is no backup called “${ref}”: not an id from \`quire backups\` and no such file or folder.`);
  if (statSync(path).isDirectory()) {
    const archive = archiveEntry(path);
    if (archive) return archive;
    throw new UsageError(`${path} is not a Quire backup archive (it has no valid ${ARCHIVE_MANIFEST}).`);
  }
  if (basename(path) === ARCHIVE_MANIFEST) {
    const archive = archiveEntry(dirname(path));
    if (archive) return archive;
  }
  const snapshot = snapshotEntry(path.endsWith('.json') ? path.replace(/\.json$/, '.sqlite') : path);
  if (snapshot) return snapshot;
  throw new UsageError(`${path} is not a verified Quire backup (its manifest is missing or unreadable).`);
}
