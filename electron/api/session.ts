/**
 * The library as a long-running process (the desktop app, `quire serve`) holds it: open, or in recovery
 * mode when its database is damaged. Both shells use this one class, so recovery behaves the same in both:
 *
 * - at start it takes the library's lock (core/backup/lock.ts), opens the database and runs
 *   `PRAGMA quick_check` (once per start: a damaged page is found before the analyst meets it);
 * - when the database is damaged (at start, or a read fails later) it closes it and enters recovery:
 *   `library.health`, `backup.status` and `backup.restore` answer, every other method fails with
 *   `library_damaged` (the message names the newest good backup and the restore command);
 * - `restore` closes search and the database, restores, and reopens both: no restart needed;
 * - an automatic backup is made at open, every hour while open, and at close, when due.
 */
import type { Backup } from '../core/backup/store.js';
import { autoBackupIfDue, createBackup } from '../core/backup/create.js';
import { isDatabaseDamage, LibraryDamagedError } from '../core/backup/damage.js';
import { acquireLock, type LibraryLock } from '../core/backup/lock.js';
import { restoreBackup, type RestoreResult } from '../core/backup/restore.js';
import { QuireError } from '../core/errors.js';
import { openLibrary, type Library } from '../core/library.js';
import { createLogger } from '../core/log.js';
import type { SearchService } from '../core/search/types.js';
import type { ApiContext } from './handlers/types.js';

const log = createLogger('session');

/** How often a long-running app checks whether an automatic backup is due (the check costs well under 1 ms). */
const BACKUP_CHECK_MS = 60 * 60 * 1000;

export type LibraryHealth =
  | { readonly state: 'ok' }
  | { readonly state: 'damaged'; readonly problem: string; readonly latestBackup: Backup | null; readonly restoreCommand: string };

export interface LibrarySessionOptions {
  readonly dir: string;
  readonly by: 'app' | 'serve';
  readonly startSearch: (library: Library) => SearchService;
  /** Run `PRAGMA quick_check` when opening (default true). */
  readonly quickCheck?: boolean;
}

function quickCheck(library: Library): void {
  const rows = library.db.pragma('quick_check') as { quick_check: string }[];
  if (rows.length === 1 && rows[0]?.quick_check === 'ok') return;
  throw LibraryDamagedError.from(library.dir, new Error(`the quick check found damage: ${rows.slice(0, 3).map((r) => r.quick_check).join('; ')}`));
}

export class LibrarySession {
  readonly dir: string;
  readonly context: ApiContext;
  private library: Library | null = null;
  private search: SearchService | null = null;
  private damage: LibraryDamagedError | null = null;
  private restoring = false;
  private lock: LibraryLock | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: LibrarySessionOptions) {
    this.dir = options.dir;
    // Getters, so the transports keep one context object across recovery and reopening.
    const requireLibrary = (): Library => this.requireLibrary();
    const requireSearch = (): SearchService => this.requireSearch();
    this.context = {
      get library(): Library {
        return requireLibrary();
      },
      get search(): SearchService {
        return requireSearch();
      },
      session: this,
    };
  }

  /** Opens the library, or enters recovery mode when its database is damaged. Other errors are thrown. */
  open(): void {
    this.lock ??= acquireLock(this.dir, this.options.by);
    let library: Library | null = null;
    try {
      library = openLibrary({ dir: this.dir });
      if (this.options.quickCheck !== false) quickCheck(library);
    } catch (error) {
      library?.close();
      if (!isDatabaseDamage(error)) throw error;
      const first = this.damage === null;
      this.damage = LibraryDamagedError.from(this.dir, error);
      if (first) log.warn(`the library database is damaged; recovery mode: ${this.damage.problem}`);
      return;
    }
    this.library = library;
    this.damage = null;
    this.search = this.options.startSearch(library);
    this.backupIfDue();
    // An app left open for days still gets its daily backup: the same cheap check, once an hour.
    this.timer ??= setInterval(() => this.backupIfDue(), BACKUP_CHECK_MS);
    this.timer.unref();
  }

  private backupIfDue(): void {
    const library = this.library;
    if (!library || this.restoring) return;
    autoBackupIfDue(library).catch((error: unknown) => {
      if (isDatabaseDamage(error) && this.library === library) this.noteDamage(error);
    });
  }

  get damaged(): LibraryDamagedError | null {
    return this.damage;
  }

  health(): LibraryHealth {
    // Restored meanwhile from the command line (allowed while the database is unreadable): pick it up.
    if (this.damage && !this.restoring) this.open();
    const damage = this.damage;
    if (!damage) return { state: 'ok' };
    return { state: 'damaged', problem: damage.problem, latestBackup: damage.latestBackup, restoreCommand: damage.restoreCommand };
  }

  private requireLibrary(): Library {
    if (this.restoring) throw new QuireError('library_restoring', 'The library is being restored from a backup; try again in a moment.');
    if (this.damage) throw this.damage;
    if (!this.library) throw new QuireError('library_closed', 'The library is closed.');
    return this.library;
  }

  private requireSearch(): SearchService {
    this.requireLibrary();
    if (!this.search) throw new QuireError('library_closed', 'The library is closed.');
    return this.search;
  }

  /** A read or write met a damaged database: close it and enter recovery. Returns the error to show. */
  noteDamage(error: unknown): LibraryDamagedError {
    const damage = LibraryDamagedError.from(this.dir, error);
    if (this.library) {
      log.warn(`the library database is damaged; recovery mode: ${damage.problem}`);
      void this.closeOpen(false);
    }
    this.damage = damage;
    return damage;
  }

  async backupNow(): Promise<Backup> {
    return createBackup(this.requireLibrary(), { kind: 'manual' });
  }

  /** Restores a backup (null: the newest) and reopens the library and search. */
  async restore(ref: string | null): Promise<RestoreResult> {
    if (this.restoring) throw new QuireError('library_restoring', 'A restore is already running.');
    this.restoring = true;
    try {
      await this.closeOpen(false);
      // The search worker rebuilds the cleared index in the background once the library reopens.
      return await restoreBackup(this.dir, ref, { rebuildIndex: false });
    } finally {
      this.restoring = false;
      this.damage = null;
      this.open();
    }
  }

  private async closeOpen(backup: boolean): Promise<void> {
    const library = this.library;
    const search = this.search;
    this.library = null;
    this.search = null;
    if (search) await search.close().catch((error: unknown) => log.warn('search did not close cleanly', error));
    if (library) {
      // Closing: a damaged database is already reported; the backup is simply not made.
      if (backup) await autoBackupIfDue(library).catch(() => null);
      library.close();
    }
  }

  /** Closes search and the library (backing up when due) and releases the lock. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.closeOpen(true);
    this.lock?.release();
    this.lock = null;
  }
}
