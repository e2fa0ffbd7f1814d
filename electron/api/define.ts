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
}

export type ContractShape = Readonly<Record<string, MethodSpec>>;

export function defineContract<const C extends ContractShape>(contract: C): C {
  return contract;
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

export class ApiError extends Error {
  readonly code: string;
  constructor(payload: ApiErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.code = payload.code;
  }
}
