/** Match ranges for marking search results: cleaned up from the index, or found by the typed words. */
export interface MatchRange {
  readonly start: number;
  readonly end: number;
}

/** Sorted, clamped, non-overlapping ranges. */
export function normaliseMatches(text: string, matches: readonly MatchRange[]): MatchRange[] {
  const sorted = matches
    .map((m) => ({ start: Math.max(0, m.start), end: Math.min(text.length, m.end) }))
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.start - b.start);
  const out: MatchRange[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && m.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, m.end) };
    else out.push(m);
  }
  return out;
}

/**
 * Where the typed words occur in a title (the index gives offsets for the snippet only): plain
 * case-insensitive matching of each free word, enough to show why a title matched.
 */
export function termMatches(text: string, query: string): MatchRange[] {
  const words = query
    .replace(/"/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 1 && !w.includes(':') && !w.startsWith('-') && w !== 'OR')
    // =word asks for that spelling: the = is query syntax, not part of the word.
    .map((w) => (w.startsWith('=') ? w.slice(1) : w))
    .filter((w) => w.length > 0);
  const haystack = text.toLocaleLowerCase();
  const out: MatchRange[] = [];
  for (const word of words) {
    const needle = word.toLocaleLowerCase();
    let at = haystack.indexOf(needle);
    while (at >= 0) {
      out.push({ start: at, end: at + needle.length });
      at = haystack.indexOf(needle, at + needle.length);
    }
  }
  return out;
}
