/**
 * Back-fill: dates for articles imported before the timeline existed, or read by an older extractor.
 *
 * Opening a library never waits for it. After open, a background loop reads pending articles in small
 * batches (one transaction each, a few dozen milliseconds) with a pause between them, so the app and
 * `quire serve` stay responsive; its timers are unref'd, so a short CLI command exits without waiting.
 * Whoever needs complete dates now (a timeline listing, `quire timeline`) reads the pending articles of
 * its scope itself, first (`backfillDates` with or without a time budget). Two processes back-filling
 * one library at once is harmless: each article's rewrite is one idempotent transaction.
 */
import type { Db } from '../db/open.js';
import { onLibraryOpen, type Library } from '../library.js';
import { createLogger } from '../log.js';
import { articlesNeedingDates, writeArticleDates } from './store.js';

const log = createLogger('timeline');

export const BATCH_SIZE = 25;
const PAUSE_MS = 20;
const FIRST_DELAY_MS = 250;

export interface BackfillOptions {
  /** Only these articles (a timeline scope); absent: the whole library. */
  readonly ids?: readonly string[];
  /** Stop starting batches after this long (milliseconds); absent: until done. */
  readonly budgetMs?: number;
  readonly batchSize?: number;
  readonly onProgress?: (done: number) => void;
}

export interface BackfillResult {
  /** Articles read now. */
  readonly done: number;
  /** Articles of the scope still waiting (0 when complete). */
  readonly remaining: number;
}

function readBatch(db: Db, ids: readonly string[]): void {
  db.transaction(() => {
    for (const id of ids) writeArticleDates(db, id);
  })();
}

/** Reads the dates of pending articles, batch by batch, until done or out of budget. */
export function backfillDates(db: Db, options: BackfillOptions = {}): BackfillResult {
  const started = Date.now();
  const batchSize = options.batchSize ?? BATCH_SIZE;
  let done = 0;
  for (;;) {
    const batch = articlesNeedingDates(db, { ...(options.ids ? { ids: options.ids } : {}), limit: batchSize });
    if (batch.length === 0) return { done, remaining: 0 };
    if (options.budgetMs !== undefined && done > 0 && Date.now() - started >= options.budgetMs) {
      return { done, remaining: articlesNeedingDates(db, options.ids ? { ids: options.ids } : {}).length };
    }
    readBatch(db, batch);
    done += batch.length;
    options.onProgress?.(done);
  }
}

const running = new WeakSet<Db>();

/** Starts the background loop for a library (once per connection). */
export function startBackgroundBackfill(library: Library): void {
  const { db } = library;
  if (running.has(db)) return;
  running.add(db);
  let total = 0;
  const step = (): void => {
    if (!db.open) return;
    try {
      const batch = articlesNeedingDates(db, { limit: BATCH_SIZE });
      if (batch.length === 0) {
        if (total > 0) log.debug(`read the dates of ${total} article(s) in the background`);
        running.delete(db);
        return;
      }
      readBatch(db, batch);
      total += batch.length;
    } catch (error) {
      // A busy or closed database: try again at the next open (or the next timeline listing).
      log.warn('background date back-fill stopped', error);
      running.delete(db);
      return;
    }
    setTimeout(step, PAUSE_MS).unref();
  };
  setTimeout(step, FIRST_DELAY_MS).unref();
}

let registered = false;

/** Registers the back-fill with library open. Idempotent; runs when this module is loaded. */
export function registerDateBackfill(): void {
  if (registered) return;
  registered = true;
  onLibraryOpen(startBackgroundBackfill);
}

registerDateBackfill();
