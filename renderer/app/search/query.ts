/**
 * The palette's filters are written as query syntax appended to what the analyst typed, so the
 * query shown is exactly the query searched (and can be learnt and typed directly next time).
 */
export type SearchType = 'all' | 'article' | 'annotation' | 'note';

export interface SearchFilters {
  readonly source?: string;
  readonly tag?: string;
  readonly label?: string;
  readonly lang?: string;
  readonly after?: string;
  readonly before?: string;
}

/** `value` as a query term: quoted when it holds spaces or quotes. */
export function quoteValue(value: string): string {
  return /[\s"]/.test(value) ? `"${value.replace(/"/g, '')}"` : value;
}

export function composeQuery(text: string, filters: SearchFilters): string {
  const parts = [text.trim()];
  for (const key of ['source', 'tag', 'label', 'lang', 'after', 'before'] as const) {
    const value = filters[key];
    if (value) parts.push(`${key}:${quoteValue(value)}`);
  }
  return parts.filter(Boolean).join(' ');
}
