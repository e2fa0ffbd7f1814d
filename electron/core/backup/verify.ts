/**
 * Verifies a database file that nobody writes to (a fresh snapshot, a backup about to be restored):
 * `PRAGMA integrity_check` and the row counts. Opened read-only, so a damaged file is never touched.
 * Not `foreign_key_check`: a row pointing nowhere is a logical slip `quire check` names, and refusing to back
 * up (or restore) a library because of one would leave the analyst with no backup at all.
 */
import type Database from 'better-sqlite3';
import { errorMessage } from '../errors.js';
import { rawDatabase } from './sqlite.js';
import { countRows, type RowCounts } from './manifest.js';

export type Verification =
  | { readonly ok: true; readonly counts: RowCounts; readonly schemaVersion: number }
  | { readonly ok: false; readonly problem: string };

export function verifyDatabaseFile(path: string): Verification {
  let db: Database.Database | null = null;
  try {
    db = rawDatabase(path, { readonly: true, fileMustExist: true });
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      return { ok: false, problem: `integrity check failed: ${integrity.slice(0, 3).join('; ')}` };
    }
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion === 0) return { ok: false, problem: 'it is not a Quire database (no schema)' };
    return { ok: true, counts: countRows(db), schemaVersion };
  } catch (error) {
    return { ok: false, problem: errorMessage(error) };
  } finally {
    db?.close();
  }
}
