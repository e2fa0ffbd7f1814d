import { mkdirSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { QuireError } from './errors.js';
import { createLogger } from './log.js';
import { openDatabase, schemaVersion, type Db } from './db/open.js';
import { OriginalsStore } from './originals.js';
import { defaultLibraryDir } from './paths.js';

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
  const db = openDatabase(join(dir, DATABASE_FILE));
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
    throw error;
  }
  return library;
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
