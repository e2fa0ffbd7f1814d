/**
 * Restores a backup into place. Order matters, so that a crash at any step loses nothing:
 *
 * 1. the backup is checked first (its SHA-256 against its manifest, then `integrity_check`): a damaged
 *    backup is refused before anything in the library is touched;
 * 2. refused while another live process (the app, `quire serve`) holds the library (quire.lock), unless
 *    the live database is unreadable anyway;
 * 3. an archive's originals are copied in (each verified against its name);
 * 4. the snapshot is copied next to the live file as `quire.sqlite.restoring-<stamp>`;
 * 5. the live database is kept as `quire.sqlite.damaged-<stamp>` (a hard link, so the name `quire.sqlite`
 *    never goes missing), its `-wal`/`-shm` moved beside it as `…damaged-<stamp>-wal`/`-shm` (so SQLite
 *    would still read them together, and the old WAL can never be replayed onto the restored file);
 * 6. the copy is renamed over `quire.sqlite` (atomic);
 * 7. the search index is cleared and (CLI) rebuilt.
 * Quire never deletes the damaged copy.
 */
import type Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { QuireError } from '../errors.js';
import { DATABASE_FILE, openLibrary } from '../library.js';
import { OriginalsStore } from '../originals.js';
import { clearIndex } from '../search/store.js';
import { SearchCore } from '../search/searcher.js';
import { copyOriginalVerified } from './archive.js';
import { countRows, type RowCounts } from './manifest.js';
import { fileStamp } from './names.js';
import { describeHolder, heldBy } from './lock.js';
import { sha256File } from './snapshot.js';
import { resolveBackup, type Backup } from './store.js';
import { rawDatabase } from './sqlite.js';
import { verifyDatabaseFile } from './verify.js';

export const RESTORING_PREFIX = `${DATABASE_FILE}.restoring-`;
export const DAMAGED_PREFIX = `${DATABASE_FILE}.damaged-`;

export interface RestoreResult {
  readonly restored: Backup;
  readonly damagedCopy: string | null;
  readonly articles: number;
  readonly annotations: number;
  readonly notes: number;
  readonly dossiers: number;
  /** Originals the restored articles refer to that are in neither the library nor the backup. */
  readonly warnings: string[];
}

export interface RestoreOptions {
  readonly now?: Date;
  /** Rebuild the search index before returning (CLI). The app's search worker rebuilds it in the background instead. */
  readonly rebuildIndex?: boolean;
}

/** Whether the live database opens and passes a quick check (a missing file is not readable). */
export function liveDatabaseReadable(libraryDir: string): boolean {
  const file = join(libraryDir, DATABASE_FILE);
  if (!existsSync(file)) return false;
  let db: Database.Database | null = null;
  try {
    db = rawDatabase(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    return rows.length === 1 && rows[0]?.quick_check === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

function fsyncPath(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Directories cannot be fsynced on every platform; the renames are still atomic.
  }
}

export async function restoreBackup(libraryDir: string, ref: string | null, options: RestoreOptions = {}): Promise<RestoreResult> {
  const entry = resolveBackup(libraryDir, ref);
  const { backup, manifest } = entry;

  if ((await sha256File(entry.databasePath)) !== manifest.sha256) {
    throw new QuireError('backup_damaged', `The backup ${backup.path} has changed since it was made (its SHA-256 no longer matches); it was not restored. Choose an older one (\`quire backups\`).`);
  }
  const verification = verifyDatabaseFile(entry.databasePath);
  if (!verification.ok) {
    throw new QuireError('backup_damaged', `The backup ${backup.path} is damaged (${verification.problem}); it was not restored. Choose an older one (\`quire backups\`).`);
  }

  const holder = heldBy(libraryDir);
  if (holder && liveDatabaseReadable(libraryDir)) {
    throw new QuireError(
      'library_in_use',
      `The library is open in ${describeHolder(holder)}. Restore from the app (Library ▸ Backups), or quit it first; nothing was changed.`,
    );
  }

  mkdirSync(libraryDir, { recursive: true });
  const originals = new OriginalsStore(join(libraryDir, 'originals'));
  const warnings: string[] = [];
  for (const hash of manifest.originals) {
    if (originals.has(hash)) continue;
    const fromArchive = entry.originalsDir ? join(entry.originalsDir, hash) : null;
    if (fromArchive && existsSync(fromArchive)) copyOriginalVerified(fromArchive, originals.dir, hash);
    else warnings.push(`The original ${hash} is in neither the library nor the backup; \`quire check\` names its article.`);
  }

  const stamp = fileStamp(options.now ?? new Date());
  const live = join(libraryDir, DATABASE_FILE);
  const restoring = join(libraryDir, `${RESTORING_PREFIX}${stamp}`);
  copyFileSync(entry.databasePath, restoring);
  fsyncPath(restoring);

  let damagedCopy: string | null = null;
  if (existsSync(live)) {
    damagedCopy = join(libraryDir, `${DAMAGED_PREFIX}${stamp}`);
    try {
      linkSync(live, damagedCopy);
    } catch {
      copyFileSync(live, damagedCopy);
    }
    for (const suffix of ['-wal', '-shm', '-journal']) {
      if (existsSync(live + suffix)) renameSync(live + suffix, damagedCopy + suffix);
    }
  }
  renameSync(restoring, live);
  fsyncPath(libraryDir);

  const searchDir = join(libraryDir, 'search');
  if (existsSync(searchDir)) clearIndex(searchDir);

  const library = openLibrary({ dir: libraryDir });
  let counts: RowCounts;
  try {
    counts = countRows(library.db);
    if (options.rebuildIndex) {
      const core = new SearchCore(library.db, library.searchDir);
      core.rebuildNow();
      core.persist(true);
    }
  } finally {
    library.close();
  }
  return {
    restored: backup,
    damagedCopy,
    articles: counts.articles,
    annotations: counts.annotations,
    notes: counts.notes,
    dossiers: counts.dossiers,
    warnings,
  };
}
