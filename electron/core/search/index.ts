/**
 * Search: create one SearchService per open library.
 *
 *   const search = createSearchService(library, { mode: 'worker' }); // app and `quire serve`
 *   …                                                                  // handlers use ctx.search
 *   await search.refresh();   // after every write made through the API: the edit is searchable when it resolves
 *   await search.close();     // before library.close(): saves the index and stops the worker
 *
 * Creation returns at once and never blocks launch: the worker loads the saved index (or rebuilds it
 * from the database when it is missing, stale or damaged) in the background. Until then `search()`
 * answers from what is loaded so far with `ready: false`; `status()` reports progress.
 * The worker also polls the change log every second, so writes from another process (the CLI) show up.
 *
 * `mode: 'inline'` runs in the calling thread and finishes loading before the first answer (CLI, tests).
 * The worker is compiled JS (dist/electron/core/search/worker.js): build first (npm run build:node).
 *
 * Layout: normalize.ts (the one normalisation), query.ts (the query language), fields.ts (what is
 * indexed), engine.ts (the index), scoring.ts (BM25+ kernel, top k), shard.ts (postings), store.ts
 * (files on disk), source.ts (documents from SQLite), snippet.ts (phrases, snippets), searcher.ts
 * (load / catch up / rebuild / answer), worker.ts + service.ts + protocol.ts (threads).
 * Design and measurements: docs/performance.md (Search).
 */
import type { Library } from '../library.js';
import { InlineSearchService, WorkerSearchService, type WorkerServiceOptions } from './service.js';
import type { SearchService } from './types.js';

export interface CreateSearchOptions extends WorkerServiceOptions {
  readonly mode?: 'worker' | 'inline';
}

export function createSearchService(library: Library, options: CreateSearchOptions = {}): SearchService {
  return options.mode === 'inline' ? new InlineSearchService(library) : new WorkerSearchService(library, options);
}

export type { SearchService, SearchRequest, SearchResponse, SearchHit, SearchStatus, SearchFilters } from './types.js';
export { normalize, tokenize } from './normalize.js';
export { parseQuery } from './query.js';
