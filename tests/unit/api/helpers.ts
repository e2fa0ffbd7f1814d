import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../../electron/api/handlers.js';
import type { ApiContract, ApiMethod } from '../../../electron/api/contract.js';
import type { InputOf, OutputOf } from '../../../electron/api/define.js';
import type { ApiContext } from '../../../electron/api/handlers/types.js';
import { openLibrary, type Library } from '../../../electron/core/library.js';
import type { SearchRequest, SearchResponse, SearchService } from '../../../electron/core/search/types.js';

/** A search service that records what the dispatcher asks of it (the real one is tested by the search suite). */
export class RecordingSearch implements SearchService {
  refreshes = 0;
  refreshDelayMs = 0;
  async search(_request: SearchRequest): Promise<SearchResponse> {
    return { total: 0, results: [], ready: true };
  }
  async refresh(): Promise<void> {
    this.refreshes++;
    if (this.refreshDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.refreshDelayMs));
  }
  async rebuild(): Promise<void> {}
  async close(): Promise<void> {}
}

export interface ApiFixture {
  readonly dir: string;
  readonly library: Library;
  readonly search: RecordingSearch;
  readonly ctx: ApiContext;
  /** Calls a method through the real dispatcher; throws with the error payload when it fails. */
  call<K extends ApiMethod>(method: K, input: InputOf<ApiContract, K>): Promise<OutputOf<ApiContract, K>>;
  cleanup(): void;
}

export function apiFixture(): ApiFixture {
  const dir = mkdtempSync(join(tmpdir(), 'quire-'));
  const library = openLibrary({ dir });
  const search = new RecordingSearch();
  const ctx: ApiContext = { library, search };
  return {
    dir,
    library,
    search,
    ctx,
    async call(method, input) {
      const result = await dispatch(ctx, method, input);
      if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
      return result.value as never;
    },
    cleanup() {
      library.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function utf8Base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
