/**
 * The two SearchService implementations: one backed by the worker thread (the app and the server:
 * search never runs on the main thread) and one in-process (the CLI and tests, where a short-lived
 * process wants complete answers).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { QuireError } from '../errors.js';
import { DATABASE_FILE, type Library } from '../library.js';
import { createLogger } from '../log.js';
import type { WorkerInit, WorkerReplies, WorkerRequest, WorkerResponse } from './protocol.js';
import { SearchCore } from './searcher.js';
import type { SearchRequest, SearchResponse, SearchService, SearchStatus } from './types.js';

const log = createLogger('search');

/** The compiled worker: beside this file when running from dist/, else (vitest on sources) from dist/. */
export function defaultWorkerPath(): string {
  const here = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(here)) return here;
  return fileURLToPath(new URL('../../../dist/electron/core/search/worker.js', import.meta.url));
}

export interface WorkerServiceOptions {
  readonly workerPath?: string;
  readonly pollMs?: number;
  readonly persistDelayMs?: number;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export class WorkerSearchService implements SearchService {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  constructor(
    private readonly library: Library,
    private readonly options: WorkerServiceOptions = {},
  ) {
    this.start();
  }

  private start(): Worker {
    const path = this.options.workerPath ?? defaultWorkerPath();
    if (!existsSync(path)) {
      throw new QuireError('search_unavailable', `The search worker is missing (${path}): build the app first (npm run build).`);
    }
    const init: WorkerInit = {
      dbPath: join(this.library.dir, DATABASE_FILE),
      searchDir: this.library.searchDir,
      pollMs: this.options.pollMs ?? 1_000,
      persistDelayMs: this.options.persistDelayMs ?? 10_000,
    };
    const worker = new Worker(path, { workerData: init });
    worker.on('message', (message: WorkerResponse) => {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(new QuireError(message.code ?? 'search_failed', message.message));
    });
    const lost = (reason: string): void => {
      if (this.worker === worker) this.worker = null;
      for (const [, waiter] of this.pending) waiter.reject(new QuireError('search_failed', `Search stopped unexpectedly: ${reason}`));
      this.pending.clear();
    };
    worker.on('error', (error) => {
      log.warn(`search worker failed: ${error.message}`);
      lost(error.message);
    });
    worker.on('exit', (code) => {
      if (!this.closed) lost(`the worker exited (code ${code})`);
    });
    this.worker = worker;
    return worker;
  }

  private call<K extends WorkerRequest['op']>(op: K, extra: Partial<WorkerRequest> = {}): Promise<WorkerReplies[K]> {
    if (this.closed) return Promise.reject(new QuireError('search_closed', 'Search has been closed.'));
    // A worker that died is replaced: the new one reloads the saved index and catches up.
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<WorkerReplies[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...extra, id, op } as WorkerRequest);
    });
  }

  search(request: SearchRequest): Promise<SearchResponse> {
    return this.call('search', { request } as Partial<WorkerRequest>);
  }

  refresh(): Promise<void> {
    return this.call('refresh');
  }

  rebuild(): Promise<void> {
    return this.call('rebuild');
  }

  status(): Promise<SearchStatus> {
    return this.call('status');
  }

  /** Saves the index now (normally done 10 s after the last change, and at close). */
  persist(): Promise<boolean> {
    return this.call('persist');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    const worker = this.worker;
    if (worker) {
      try {
        await this.call('close');
      } catch {
        // It is going away anyway.
      }
    }
    this.closed = true;
    if (worker) await worker.terminate();
    this.worker = null;
  }
}

/**
 * Search in the calling thread. `search()` first finishes any load or rebuild, so answers are
 * complete (`ready: true`): right for the CLI and tests, wrong for a UI thread.
 */
export class InlineSearchService implements SearchService {
  private readonly core: SearchCore;
  private opened = false;
  private closed = false;

  constructor(library: Library) {
    this.core = new SearchCore(library.db, library.searchDir);
  }

  private ready(): SearchCore {
    if (this.closed) throw new QuireError('search_closed', 'Search has been closed.');
    if (!this.opened) {
      this.opened = true;
      this.core.open();
    }
    this.core.finish();
    return this.core;
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    const core = this.ready();
    core.catchUp();
    return core.search(request);
  }

  async refresh(): Promise<void> {
    this.ready().catchUp();
  }

  async rebuild(): Promise<void> {
    this.opened = true;
    this.core.rebuildNow();
  }

  async status(): Promise<SearchStatus> {
    return this.ready().status();
  }

  async persist(): Promise<boolean> {
    return this.ready().persist(true);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.opened) this.core.persist();
    this.closed = true;
  }
}
