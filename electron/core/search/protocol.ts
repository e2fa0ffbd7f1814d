/** Messages between the main thread (service.ts) and the search worker (worker.ts). */
import type { SearchRequest, SearchResponse, SearchStatus } from './types.js';

export interface WorkerInit {
  readonly dbPath: string;
  readonly searchDir: string;
  /** How often the worker looks for changes written by other processes (the CLI), in ms; 0 = never. */
  readonly pollMs: number;
  /** Save this long after the last indexed change, in ms. */
  readonly persistDelayMs: number;
}

export type WorkerRequest =
  | { readonly id: number; readonly op: 'search'; readonly request: SearchRequest }
  | { readonly id: number; readonly op: 'refresh' }
  | { readonly id: number; readonly op: 'rebuild' }
  | { readonly id: number; readonly op: 'status' }
  | { readonly id: number; readonly op: 'persist' }
  | { readonly id: number; readonly op: 'close' };

export interface WorkerReplies {
  search: SearchResponse;
  refresh: undefined;
  rebuild: undefined;
  status: SearchStatus;
  persist: boolean;
  close: undefined;
}

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly code?: string };
