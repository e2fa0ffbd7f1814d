/**
 * How the API is declared. Each domain declares its methods once (name → zod input/output) in
 * `api/contract/<domain>.ts`; `api/contract.ts` merges them. Everything else derives from that
 * one object: the preload's exposed methods, ipcMain registration, the browser-mode HTTP routes,
 * the renderer's client, and the handler types. No channel name or type is written twice.
 *
 * Pure (zod only): imported by the renderer too.
 */
import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** One line for docs and errors. */
  readonly summary: string;
  /**
   * True for methods that write to the library. After one succeeds, the dispatcher asks the search
   * service to catch up with the change log, so a search right after a write sees it.
   */
  readonly mutates?: boolean;
}

export type ContractShape = Readonly<Record<string, MethodSpec>>;

export function defineContract<const C extends ContractShape>(contract: C): C {
  return contract;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * Merges domain contracts into one. Two domains declaring the same method name is a programming
 * error caught at startup (and by the unit tests), never a silent override.
 */
export function mergeContracts<const Parts extends readonly ContractShape[]>(
  ...parts: Parts
): UnionToIntersection<Parts[number]> {
  const merged: Record<string, MethodSpec> = {};
  for (const part of parts) {
    for (const [name, spec] of Object.entries(part)) {
      if (name in merged) throw new Error(`API method ${name} is declared by two contracts`);
      if (!METHOD_NAME_PATTERN.test(name)) throw new Error(`API method name ${name} is not of the form domain.verb`);
      merged[name] = spec;
    }
  }
  return merged as UnionToIntersection<Parts[number]>;
}

export type MethodName<C extends ContractShape> = keyof C & string;
export type InputOf<C extends ContractShape, K extends MethodName<C>> = z.input<C[K]['input']>;
export type ParsedInputOf<C extends ContractShape, K extends MethodName<C>> = z.output<C[K]['input']>;
export type OutputOf<C extends ContractShape, K extends MethodName<C>> = z.output<C[K]['output']>;

/** The typed client the renderer holds: `api.call('articles.list', {...})` or `api['articles.list']({...})`. */
export type Client<C extends ContractShape> = {
  readonly [K in MethodName<C>]: (input: InputOf<C, K>) => Promise<OutputOf<C, K>>;
};

/** An API error as it crosses a process boundary: a code and a message meant for the analyst. */
export interface ApiErrorPayload {
  readonly code: string;
  readonly message: string;
}

/**
 * What a call returns across IPC and HTTP: Electron's `ipcMain.handle` keeps only an error's message,
 * so errors travel as data, and the client turns them back into `ApiError`s.
 */
export type ApiResult<T = unknown> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ApiErrorPayload };

/** Method names are plain dotted words (`articles.list`); anything else is refused before lookup. */
export const METHOD_NAME_PATTERN = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;

export class ApiError extends Error {
  readonly code: string;
  constructor(payload: ApiErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.code = payload.code;
  }
}
