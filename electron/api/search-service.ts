/**
 * The one place the app (electron/main.ts) and browser mode (electron/serve.ts) create the search
 * service for a library, so both get the same kind: a worker thread that loads (or rebuilds) the
 * index in the background, so the window and the API answer at once and search never blocks them.
 */
import type { Library } from '../core/library.js';
import { createSearchService } from '../core/search/index.js';
import type { SearchService } from '../core/search/types.js';

export function startSearchService(library: Library): SearchService {
  return createSearchService(library, { mode: 'worker' });
}
