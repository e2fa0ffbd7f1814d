/**
 * Every handler, merged, and the one entry point all three doors use: `dispatch(ctx, method, input)`.
 * IPC (electron/api/ipc.ts) and HTTP (electron/serve.ts) are thin transports around it, so input
 * validation, output checks and error mapping happen in exactly one place, in the main process.
 */
import { z } from 'zod';
import { apiContract, type ApiContract } from './contract.js';
import { METHOD_NAME_PATTERN, type ApiErrorPayload, type ApiResult, type MethodSpec } from './define.js';
import { annotationsHandlers } from './handlers/annotations.js';
import { articlesHandlers } from './handlers/articles.js';
import { backupHandlers } from './handlers/backup.js';
import { dossiersHandlers } from './handlers/dossiers.js';
import { exportHandlers } from './handlers/export.js';
import { importHandlers } from './handlers/import.js';
import { notesHandlers } from './handlers/notes.js';
import { searchHandlers } from './handlers/search.js';
import { timelineHandlers } from './handlers/timeline.js';
import type { ApiContext, Handlers } from './handlers/types.js';
import { isDatabaseDamage, LibraryDamagedError } from '../core/backup/damage.js';
import { QuireError, errorMessage } from '../core/errors.js';
import { createLogger } from '../core/log.js';

const log = createLogger('api');

/** A missing handler is a type error here, and `assertHandlersComplete` catches it again at startup. */
export const apiHandlers: Handlers<ApiContract> = {
  ...articlesHandlers,
  ...importHandlers,
  ...searchHandlers,
  ...annotationsHandlers,
  ...notesHandlers,
  ...dossiersHandlers,
  ...exportHandlers,
  ...timelineHandlers,
  ...backupHandlers,
};

export type AnyHandler = (ctx: ApiContext, input: unknown) => unknown;

const specs = apiContract as unknown as Readonly<Record<string, MethodSpec>>;
const handlers = apiHandlers as unknown as Readonly<Record<string, AnyHandler>>;

/** Every contract method has a handler and no handler lacks a method. Throws listing the gaps. */
export function assertHandlersComplete(
  contract: Readonly<Record<string, unknown>> = specs,
  implemented: Readonly<Record<string, unknown>> = handlers,
): void {
  const missing = Object.keys(contract).filter((name) => typeof implemented[name] !== 'function');
  const extra = Object.keys(implemented).filter((name) => !(name in contract));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `API handlers do not match the contract: ${[
        missing.length ? `no handler for ${missing.join(', ')}` : '',
        extra.length ? `handlers without a contract entry: ${extra.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ')}`,
    );
  }
}
assertHandlersComplete();

/** Error codes and the HTTP status browser mode answers with. */
export function httpStatusFor(code: string): number {
  switch (code) {
    case 'invalid_input':
    case 'usage':
    case 'unknown_method':
      return 400;
    case 'not_found':
      return 404;
    case 'already_exists':
      return 409;
    case 'internal':
      return 500;
    default:
      // Other QuireErrors (an import that failed, a newer schema): the request was understood but refused.
      return 422;
  }
}

/** Tuning for tests and transports. */
export interface DispatchOptions {
  /** How long a write waits for the search index to catch up before answering anyway. */
  readonly refreshWaitMs?: number;
}

const DEFAULT_REFRESH_WAIT_MS = 2000;

export function isApiMethod(method: string): boolean {
  return METHOD_NAME_PATTERN.test(method) && Object.hasOwn(specs, method);
}

export type Dispatch = (ctx: ApiContext, method: string, rawInput: unknown, options?: DispatchOptions) => Promise<ApiResult>;

/**
 * Builds the dispatcher for a contract and its handlers. The app uses `dispatch` (the whole API);
 * tests build their own over a small contract to reach the error paths.
 */
export function createDispatcher(
  contract: Readonly<Record<string, MethodSpec>>,
  implemented: Readonly<Record<string, AnyHandler>>,
): Dispatch {
  return async (ctx, method, rawInput, options = {}) => {
    if (!METHOD_NAME_PATTERN.test(method) || !Object.hasOwn(contract, method) || !Object.hasOwn(implemented, method)) {
      return fail({ code: 'unknown_method', message: `Quire has no operation called “${String(method).slice(0, 100)}”.` });
    }
    const spec = contract[method] as MethodSpec;
    const handler = implemented[method] as AnyHandler;

    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail({ code: 'invalid_input', message: describeInvalid(method, parsed.error) });

    let value: unknown;
    try {
      value = await handler(ctx, parsed.data);
    } catch (error) {
      if (isDatabaseDamage(error)) {
        // The database turned out damaged mid-operation: the app enters recovery mode (api/session.ts).
        const damage = ctx.session ? ctx.session.noteDamage(error) : LibraryDamagedError.from(ctx.library.dir, error);
        return fail({ code: damage.code, message: damage.message });
      }
      if (error instanceof QuireError) return fail({ code: error.code, message: error.message });
      // Not an analyst-facing error: a bug. The details go to the log, the analyst gets plain words.
      log.warn(`${method} failed: ${errorMessage(error)}`, error);
      return fail({ code: 'internal', message: `Something went wrong in Quire (${method}). The details were logged.` });
    }

    if (spec.mutates) await refreshSearch(ctx, options.refreshWaitMs ?? DEFAULT_REFRESH_WAIT_MS);

    const output = spec.output.safeParse(value);
    if (!output.success) {
      // The handler and its contract disagree: a bug in Quire, not in the caller's input.
      log.warn(`${method} returned a value that does not match its contract`, z.prettifyError(output.error));
      return fail({ code: 'internal', message: `Quire produced an unexpected answer for ${method}; the problem was logged.` });
    }
    return { ok: true, value: output.data };
  };
}

/** The whole API: validates input, runs the handler, checks the output, maps errors. */
export const dispatch: Dispatch = createDispatcher(specs, handlers);

/**
 * After a write, the search index catches up with the change log. The write is committed either way;
 * waiting (briefly) means a search right after an import already finds it.
 */
async function refreshSearch(ctx: ApiContext, waitMs: number): Promise<void> {
  if (ctx.session?.damaged) return;
  // In recovery mode (or after a restore) there may be no search service to refresh.
  const refresh = Promise.resolve()
    .then(() => ctx.search.refresh())
    .catch((error: unknown) => log.warn('search refresh failed', error));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, waitMs);
  });
  await Promise.race([refresh, timeout]);
  clearTimeout(timer);
}

function fail(error: ApiErrorPayload): ApiResult {
  return { ok: false, error };
}

/** “articles.get: id: expected a string” — one line per problem, in words the developer of the caller reads. */
function describeInvalid(method: string, error: z.ZodError): string {
  const problems = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : '';
  return `Invalid input for ${method}: ${problems.join('; ')}${more}.`;
}
