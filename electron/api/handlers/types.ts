import type { Library } from '../../core/library.js';
import type { SearchService } from '../../core/search/types.js';
import type { LibrarySession } from '../session.js';
import type { ContractShape, MethodName, OutputOf, ParsedInputOf } from '../define.js';

/** What every handler gets: the open library and the search service (a worker in the app and the server). */
export interface ApiContext {
  readonly library: Library;
  readonly search: SearchService;
  /**
   * Present in the app and `quire serve`: the long-running holder of the library, which can enter recovery
   * mode (damaged database) and reopen the library after a restore. Absent in tests that build a context by hand.
   */
  readonly session?: LibrarySession;
}

/**
 * The handlers for one domain's contract. Inputs arrive already parsed by the contract's zod schema
 * (the transports do that, in the main process); outputs are checked against the output schema.
 */
export type Handlers<C extends ContractShape> = {
  readonly [K in MethodName<C>]: (ctx: ApiContext, input: ParsedInputOf<C, K>) => OutputOf<C, K> | Promise<OutputOf<C, K>>;
};
