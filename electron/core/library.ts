import { closeSync, mkdirSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { QuireError } from './errors.js';
import { createLogger } from './log.js';
import { openDatabase, schemaVersion, type Db } from './db/open.js';
import { OriginalsStore } from './originals.js';
import { defaultLibraryDir } from './paths.js';
import { cleanPartialBackups } from './backup/create.js';
import { isDatabaseDamage, LibraryDamagedError } from './backup/damage.js';
import { latestBackup } from './backup/store.js';

const log = createLogger('library');

export const DATABASE_FILE = 'quire.sqlite';

/**
 * An open library folder: `quire.sqlite`, `originals/`, `search/` (the persisted index), `backups/`.
 * Domain modules take `(db, …)`; services that also touch files take the library.
 */
export interface Library {
  readonly dir: string;
  readonly db: Db;
  readonly originals: OriginalsStore;
  readonly searchDir: string;
  close(): void;
}

export interface OpenLibraryOptions {
  /** Defaults to QUIRE_LIBRARY, then the platform's app-data folder for Quire. */
  readonly dir?: string;
}

/** Hooks run once each time a library is opened, after migrations (seeding defaults, for example). */
const openHooks: ((library: Library) => void)[] = [];

export function onLibraryOpen(hook: (library: Library) => void): void {
  openHooks.push(hook);
}

export function openLibrary(options: OpenLibraryOptions = {}): Library {
  const dir = resolve(options.dir ?? defaultLibraryDir());
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new QuireError('library_not_folder', `The library path ${dir} is a file, not a folder.`);
  }
  mkdirSync(dir, { recursive: true });
  const db = openDatabaseOrExplain(dir);
  const originals = new OriginalsStore(join(dir, 'originals'));
  const referenced = db.prepare(`SELECT 1 FROM articles WHERE original_sha256 = ? LIMIT 1`);
  const leftovers = originals.cleanLeftovers((sha256) => referenced.get(sha256) !== undefined);
  if (leftovers.removed > 0) log.debug(`removed ${leftovers.removed} unfinished original(s) from an interrupted import`);
  if (leftovers.recovered > 0) log.debug(`moved ${leftovers.recovered} original(s) of committed articles into place after an interrupted import`);
  const searchDir = join(dir, 'search');
  mkdirSync(searchDir, { recursive: true });
  const library: Library = {
    dir,
    db,
    originals,
    searchDir,
    close: () => {
      if (db.open) db.close();
    },
  };
  try {
    for (const hook of openHooks) hook(library);
  } catch (error) {
    library.close();
    throw isDatabaseDamage(error) ? LibraryDamagedError.from(dir, error) : error;
  }
  const partials = cleanPartialBackups(dir);
  if (partials > 0) log.debug(`removed ${partials} unfinished backup(s) of a process that stopped while backing up`);
  return library;
}

/**
 * Opens the database, turning SQLite's "damaged file" errors into a LibraryDamagedError that names the
 * newest good backup and the restore command. An empty (0-byte) file is how a new library starts, but in
 * a library that has backups or originals it is a half-copied or truncated database, not a fresh start:
 * opening it would silently present an empty library.
 */
function openDatabaseOrExplain(dir: string): Db {
  const file = join(dir, DATABASE_FILE);
  if (existsSync(file) && statSync(file).isFile() && statSync(file).size === 0 && hasHistory(dir)) {
    throw LibraryDamagedError.from(dir, new Error('the database file is empty (0 bytes): it was truncated or only partly copied'));
  }
  const shortBy = truncatedBy(file);
  if (shortBy !== null) throw LibraryDamagedError.from(dir, new Error(shortBy));
  try {
    return openDatabase(file);
  } catch (error) {
    if (isDatabaseDamage(error)) throw LibraryDamagedError.from(dir, error);
    throw error;
  }
}

/**
 * A cheap test for a truncated or partly copied file: SQLite's header records how many pages the database
 * has (valid when "version-valid-for" equals the change counter); a file shorter than that lost its end.
 * Skipped while a WAL file exists: a checkpoint in progress writes page 1 before it extends the file.
 */
function truncatedBy(file: string): string | null {
  if (!existsSync(file) || existsSync(`${file}-wal`)) return null;
  const size = statSync(file).size;
  if (size < 100) return null;
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return null;
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  if (header.readUInt32BE(92) !== header.readUInt32BE(24) || pages === 0) return null;
  const expected = pages * pageSize;
  return size < expected ? `the file is shorter than its header says (${size} of ${expected} bytes): it was truncated or only partly copied` : null;
}

function hasHistory(dir: string): boolean {
  if (latestBackup(dir)) return true;
  const originals = join(dir, 'originals');
  return existsSync(originals) && readdirSync(originals).some((name) => /^[0-9a-f]{64}$/.test(name));
}

export function libraryInfo(library: Library): {
  path: string;
  schemaVersion: number;
  articles: number;
  annotations: number;
  notes: number;
  dossiers: number;
  labels: number;
} {
  const count = (table: string): number =>
    (library.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    path: library.dir,
    schemaVersion: schemaVersion(library.db),
    articles: count('articles'),
    annotations: count('annotations'),
    notes: count('notes'),
    dossiers: count('dossiers'),
    labels: count('labels'),
  };
}
