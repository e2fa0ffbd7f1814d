/**
 * The one place the app (electron/main.ts) and browser mode (electron/serve.ts) create the search
 * service for a library, so both get the same kind (a worker thread that never blocks the API).
 */
import type { Library } from '../core/library.js';
import type { SearchRequest, SearchResponse, SearchService } from '../core/search/types.js';

/**
 * Until the search module is in this build, answers honestly that search is unavailable
 * (ready: false, with a message) rather than pretending to find nothing.
 */
class SearchUnavailable implements SearchService {
  async search(_request: SearchRequest): Promise<SearchResponse> {
    return { total: 0, results: [], ready: false, warning: 'Search is not available in this build of Quire.' };
  }
  async refresh(): Promise<void> {}
  async rebuild(): Promise<void> {}
  async close(): Promise<void> {}
}

/** Starts the library's search service without waiting for its index to load. */
export function startSearchService(_library: Library): SearchService {
  return new SearchUnavailable();
}
