/**
 * A plain connection to a database file that is not the live library (a snapshot being verified, a backup
 * about to be restored, the live file probed read-only). It honours QUIRE_SQLITE_NATIVE_BINDING like
 * db/open.ts, so under `npm start` Electron loads its own build of better-sqlite3, not Node's.
 */
import Database from 'better-sqlite3';

export function rawDatabase(file: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Database.Database {
  const nativeBinding = process.env['QUIRE_SQLITE_NATIVE_BINDING'];
  return new Database(file, { ...options, ...(nativeBinding ? { nativeBinding } : {}) });
}
