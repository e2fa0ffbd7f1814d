import type { searchContract } from '../contract/search.js';
import type { SearchStatus } from '../../core/search/types.js';
import type { ApiContext, Handlers } from './types.js';

/** A service without status reporting (a test double) is taken to be ready. */
async function statusOf(ctx: ApiContext): Promise<SearchStatus> {
  if (ctx.search.status) return ctx.search.status();
  return { ready: true, indexed: 0, rebuilding: false, seq: 0 };
}

export const searchHandlers: Handlers<typeof searchContract> = {
  'search.query': async (ctx, input) => {
    const response = await ctx.search.search(input);
    return {
      ...response,
      results: response.results.map(({ titleMatches, ...hit }) => ({ ...hit, matches: [...hit.matches], ...(titleMatches ? { titleMatches: [...titleMatches] } : {}) })),
    };
  },

  'search.status': (ctx) => statusOf(ctx),

  'search.rebuild': async (ctx) => {
    // The rebuild runs in the worker; answer with the status once it has started, not when it ends.
    void ctx.search.rebuild().catch(() => undefined);
    return statusOf(ctx);
  },
};
