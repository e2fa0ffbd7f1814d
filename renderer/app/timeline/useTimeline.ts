/**
 * Loads the events of a timeline scope. A search scope is resolved to the articles the search finds
 * (a highlight or a note found counts for its article); everything else is asked of the API as is.
 * Reloads when the library changes (an import, a promoted highlight); a late answer for a scope the
 * analyst has already left is dropped.
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { daysInMonth } from '../../../electron/common/event-date';
import { describeError, useApp } from '../context';
import type { TimelineScopeParam } from './scope';
import type { TimelineApiScope, TimelineEvent } from './types';

/** The most articles a search scope takes (the search API's page limit). */
const SEARCH_LIMIT = 500;
const PENDING_RETRY_MS = 1000;

/** The first and last day a bound covers (`2016` → 2016-01-01 … 2016-12-31). */
function firstDay(bound: string): string {
  return bound.length === 4 ? `${bound}-01-01` : bound.length === 7 ? `${bound}-01` : bound;
}

function lastDay(bound: string): string {
  if (bound.length === 4) return `${bound}-12-31`;
  if (bound.length === 7) return `${bound}-${String(daysInMonth(Number(bound.slice(0, 4)), Number(bound.slice(5, 7)))).padStart(2, '0')}`;
  return bound;
}

export interface TimelineState {
  readonly events: readonly TimelineEvent[] | null;
  readonly error: string | null;
  /** For a search scope: how many articles it found. */
  readonly searchArticles: number | null;
  /** Articles whose dates are still being read: their events come in the next listing. */
  readonly pending: number;
  readonly reload: () => void;
}

async function apiScope(scope: TimelineScopeParam): Promise<{ scope: TimelineApiScope; searchArticles: number | null }> {
  switch (scope.kind) {
    case 'library':
      return { scope: { kind: 'library' }, searchArticles: null };
    case 'tag':
      return { scope: { kind: 'tag', tag: scope.tag }, searchArticles: null };
    case 'dossier':
      return { scope: { kind: 'dossier', id: scope.id }, searchArticles: null };
    case 'articles':
      return { scope: { kind: 'articles', ids: [...scope.ids] }, searchArticles: null };
    case 'search': {
      const found = await api['search.query']({ query: scope.query, limit: SEARCH_LIMIT });
      const ids = [...new Set(found.results.map((hit) => hit.articleId).filter((id): id is string => id !== null))];
      return { scope: { kind: 'articles', ids }, searchArticles: ids.length };
    }
  }
}

export function useTimeline(scope: TimelineScopeParam, range: { after?: string; before?: string }): TimelineState {
  const { libraryVersion } = useApp();
  const [events, setEvents] = useState<readonly TimelineEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [searchArticles, setSearchArticles] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [pending, setPending] = useState(0);
  const sequence = useRef(0);
  const retry = useRef(0);
  const key = JSON.stringify(scope);

  useEffect(() => {
    const mine = ++sequence.current;
    window.clearTimeout(retry.current);
    const load = async (): Promise<void> => {
      try {
        const resolved = await apiScope(scope);
        if (range.after && range.before && firstDay(range.after) > lastDay(range.before)) {
          if (mine === sequence.current) {
            setEvents([]);
            setError('“From” is later than “To”: nothing can be in between.');
          }
          return;
        }
        if (resolved.scope.kind === 'articles' && resolved.scope.ids.length === 0) {
          if (mine === sequence.current) {
            setEvents([]);
            setSearchArticles(resolved.searchArticles);
            setError(null);
          }
          return;
        }
        const result = await api['timeline.list']({
          scope: resolved.scope,
          ...(range.after ? { after: range.after } : {}),
          ...(range.before ? { before: range.before } : {}),
        });
        if (mine !== sequence.current) return;
        setEvents(result.events);
        setPending(result.pending);
        setSearchArticles(resolved.searchArticles);
        setError(null);
        // Some articles' dates are still being read (a library from before the timeline): list again shortly.
        if (result.pending > 0) retry.current = window.setTimeout(() => setVersion((v) => v + 1), PENDING_RETRY_MS);
      } catch (e) {
        if (mine !== sequence.current) return;
        setError(describeError(e, 'load the timeline'));
        setEvents([]);
      }
    };
    void load();
    return () => window.clearTimeout(retry.current);
    // `key` stands for `scope` (a new object on every render).
  }, [key, range.after, range.before, libraryVersion, version]);

  return { events, error, searchArticles, pending, reload: () => setVersion((v) => v + 1) };
}
