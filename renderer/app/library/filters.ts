/**
 * The library's filter and sort state, shared by the navigation pane (where the facets are) and the
 * library table (which lists what they select). A tiny external store read with useSyncExternalStore.
 */
import { useSyncExternalStore } from 'react';

export type SortKey = 'imported' | 'published' | 'title' | 'source' | 'highlights';

export interface LibraryFilters {
  readonly tag?: string;
  readonly source?: string;
  readonly language?: string;
  readonly hasHighlights?: boolean;
  readonly sort: SortKey;
  readonly order: 'asc' | 'desc';
  /** Narrows the visible rows by title/source as you type (client-side; full search is Ctrl+K). */
  readonly text: string;
}

let state: LibraryFilters = { sort: 'imported', order: 'desc', text: '' };
const listeners = new Set<() => void>();

export function setFilters(patch: Partial<LibraryFilters>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

export function clearFilters(): void {
  setFilters({ tag: undefined, source: undefined, language: undefined, hasHighlights: undefined, text: '' });
}

export function useFilters(): LibraryFilters {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

export function hasActiveFilters(filters: LibraryFilters): boolean {
  return Boolean(filters.tag || filters.source || filters.language || filters.hasHighlights || filters.text);
}

const languageNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'language' }) : null;

/** "ar" → "Arabic"; unknown codes are shown as they are. */
export function languageName(code: string | null | undefined): string {
  if (!code) return 'Unknown';
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    return code;
  }
}
