/**
 * The search worker thread: owns the index and its own read-only connection to the library's
 * database, so loading, rebuilding and querying never run on the main (UI/server) thread.
 * Started by service.ts (`createSearchService(library, { mode: 'worker' })`).
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage, QuireError } from '../errors.js';
import { createLogger } from '../log.js';
import type { WorkerInit, WorkerRequest, WorkerResponse } from './protocol.js';
import { SearchCore } from './searcher.js';

const log = createLogger('search-worker');
const init = workerData as WorkerInit;
const port = parentPort;
if (!port) throw new Error('search worker started outside a worker thread');

const db = new Database(init.dbPath, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const core = new SearchCore(db, init.searchDir);

let opened = false;
let closed = false;
let pumping = false;
let persistTimer: NodeJS.Timeout | null = null;
/** `rebuild` requests wait for the rebuild they started to finish. */
let rebuildWaiters: number[] = [];

function reply(message: WorkerResponse): void {
  port?.postMessage(message);
}

function fail(id: number, error: unknown): void {
  reply({ id, ok: false, message: errorMessage(error), ...(error instanceof QuireError ? { code: error.code } : {}) });
}

function schedulePersist(): void {
  if (persistTimer || closed || core.pendingChanges === 0) return;
  persistTimer = setTimeout(() => {
    persistTimer = null;
    if (!closed) core.persist();
  }, init.persistDelayMs);
}

/** Runs pending work (rebuild batches) in slices so messages are answered in between. */
function pump(): void {
  if (pumping || closed) return;
  pumping = true;
  const slice = (): void => {
    if (closed) return;
    let more = false;
    try {
      more = core.step(25);
    } catch (error) {
      log.warn(`search index rebuild failed: ${errorMessage(error)}`);
    }
    if (more) {
      setImmediate(slice);
    } else {
      pumping = false;
      // Loaded or rebuilt: reopen the tail shard and build the term dictionary now, so neither the
      // first edit nor the first type-ahead pays for it.
      try {
        core.prepare();
      } catch (error) {
        log.debug(`prepare failed: ${errorMessage(error)}`);
      }
      for (const id of rebuildWaiters) reply({ id, ok: true, value: undefined });
      rebuildWaiters = [];
    }
  };
  setImmediate(slice);
}

function ensureOpen(): void {
  if (opened) return;
  opened = true;
  core.open();
  pump();
}

function catchUp(limit?: number): number {
  ensureOpen();
  const applied = core.catchUp(limit);
  if (applied > 0) schedulePersist();
  return applied;
}

/** A bite of the log at a time: a big import by another process must not stall queries. */
const POLL_BITE = 2_000;
function poll(): void {
  if (closed) return;
  try {
    if (catchUp(POLL_BITE) >= POLL_BITE) setImmediate(poll);
  } catch (error) {
    log.debug(`catch-up failed: ${errorMessage(error)}`);
  }
}

function handle(message: WorkerRequest): void {
  try {
    switch (message.op) {
      case 'search':
        ensureOpen();
        reply({ id: message.id, ok: true, value: core.search(message.request) });
        return;
      case 'refresh':
        // refresh() promises the edit is searchable when it resolves: finish loading first (launch only).
        ensureOpen();
        while (core.loading) core.step(1000);
        catchUp();
        reply({ id: message.id, ok: true, value: undefined });
        return;
      case 'status':
        ensureOpen();
        reply({ id: message.id, ok: true, value: core.status() });
        return;
      case 'persist':
        ensureOpen();
        reply({ id: message.id, ok: true, value: core.persist(true) });
        return;
      case 'rebuild':
        ensureOpen();
        core.startRebuild('requested');
        rebuildWaiters.push(message.id);
        pump();
        return;
      case 'close':
        closed = true;
        if (persistTimer) clearTimeout(persistTimer);
        if (opened && !core.rebuilding) core.persist();
        db.close();
        reply({ id: message.id, ok: true, value: undefined });
        port?.close();
        return;
    }
  } catch (error) {
    fail(message.id, error);
  }
}

port.on('message', (message: WorkerRequest) => {
  if (closed) return fail(message.id, new QuireError('search_closed', 'Search has been closed.'));
  handle(message);
});

// Load (or start rebuilding) right away, after the first messages had a chance to queue.
setImmediate(() => {
  if (closed) return;
  try {
    ensureOpen();
  } catch (error) {
    log.warn(`could not open the search index: ${errorMessage(error)}`);
  }
});

if (init.pollMs > 0) {
  // Another process (the CLI) may write to the same library: its changes reach the log, we catch up.
  const timer = setInterval(() => {
    if (closed) return clearInterval(timer);
    poll();
  }, init.pollMs);
  timer.unref();
}
