/**
 * App-wide state that every screen reaches: where we are (route), the toast queue, the labels, and a
 * "library changed" counter that lists re-fetch on. Kept small on purpose: each screen owns its data.
 */
import { createContext, useContext } from 'react';
import { ApiError } from '../api';
import type { Navigate, Route } from './views';
import type { Label } from './data/types';

export interface ToastAction {
  readonly label: string;
  readonly run: () => void | Promise<void>;
}

export interface ToastInput {
  readonly message: string;
  readonly kind?: 'info' | 'success' | 'error';
  readonly action?: ToastAction;
  /** Milliseconds; errors and toasts with an action stay longer. */
  readonly timeout?: number;
}

export interface AppState {
  readonly route: Route;
  readonly navigate: Navigate;
  /** Goes back to the previous route (Alt+Left / the reader's back button). */
  readonly back: () => void;
  readonly libraryVersion: number;
  /** Call after anything that changes articles or highlights: lists and counts reload. */
  readonly libraryChanged: () => void;
  readonly toast: (toast: ToastInput) => void;
  readonly reportError: (error: unknown, doing?: string) => void;
  readonly openSearch: (query?: string) => void;
  readonly openShortcuts: () => void;
  readonly labels: readonly Label[];
  readonly reloadLabels: () => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside <App>');
  return state;
}

/** An error in the analyst's words: API errors already are; anything else gets a plain sentence. */
export function describeError(error: unknown, doing?: string): string {
  const prefix = doing ? `Could not ${doing}. ` : '';
  if (error instanceof ApiError) return prefix + error.message;
  if (error instanceof Error && error.message) return `${prefix}${error.message}`;
  return `${prefix}Something unexpected happened; try again.`;
}
