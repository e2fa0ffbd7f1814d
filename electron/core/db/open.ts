import Database from 'better-sqlite3';
import { QuireError } from '../errors.js';
import { createLogger } from '../log.js';
import { latestVersion, migrations, type Migration } from './migrations/index.js';

export type Db = Database.Database;

const log = createLogger('db');

/** How long a writer waits for another process (the app and the CLI share a library) before giving up. */
const BUSY_TIMEOUT_MS = 5000;

export class SchemaTooNewError extends QuireError {
  constructor(found: number, supported: number) {
    super(
      'schema_too_new',
      `This library was written by a newer version of Quire (schema ${found}; this version knows up to ${supported}). ` +
        'Update Quire to open it; the library has not been changed.',
    );
  }
}

export interface OpenDatabaseOptions {
  readonly readonly?: boolean;
  /** Only for tests of individual migrations. */
  readonly migrations?: readonly Migration[];
}

/**
 * Opens (creating if needed) a Quire database and brings its schema up to date.
 *
 * - WAL, so the app and the CLI can read while the other writes.
 * - `synchronous = FULL`: every commit is fsynced to the WAL before it returns, so what Quire acknowledged
 *   survives a power cut too, not only a crash (NORMAL could lose the last transactions). Measured cost:
 *   imports at 0.76–0.85× NORMAL's throughput, 0.15–3 ms more per small edit depending on load
 *   (bench/durability.mjs, docs/reliability.md): worth it for months of an analyst's work.
 * - `foreign_keys = ON`: SQLite's default is off.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  // `npm start` (scripts/start.mjs) builds a second better-sqlite3 binary for Electron's ABI and names it
  // here, so the Node binary stays in place for the CLI and tests. The packaged app clears it (main.ts).
  const nativeBinding = process.env['QUIRE_SQLITE_NATIVE_BINDING'];
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    timeout: BUSY_TIMEOUT_MS,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    migrate(db, options.migrations ?? migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies each pending migration in its own transaction; refuses a database newer than this code. */
export function migrate(db: Db, list: readonly Migration[] = migrations): void {
  const supported = list[list.length - 1]?.version ?? 0;
  const current = schemaVersion(db);
  if (current > supported) throw new SchemaTooNewError(current, supported);
  for (const migration of list) {
    if (migration.version <= schemaVersion(db)) continue;
    // IMMEDIATE: take the write lock first, then re-check, so two processes opening a new library
    // at once do not both apply the same migration.
    db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return;
      log.debug(`applying migration ${migration.version} ${migration.name}`);
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

export { latestVersion };
