/**
 * Edit distance helpers for scoring anchor candidates. Pure.
 * Levenshtein with two rows: quotes are at most a few thousand characters, contexts 32.
 */

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Keep the shorter string in the row.
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  let prev = new Uint32Array(short.length + 1);
  let curr = new Uint32Array(short.length + 1);
  for (let j = 0; j <= short.length; j++) prev[j] = j;
  for (let i = 1; i <= long.length; i++) {
    curr[0] = i;
    const ci = long.charCodeAt(i - 1);
    for (let j = 1; j <= short.length; j++) {
      const cost = ci === short.charCodeAt(j - 1) ? 0 : 1;
      const del = (prev[j] as number) + 1;
      const ins = (curr[j - 1] as number) + 1;
      const sub = (prev[j - 1] as number) + cost;
      curr[j] = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
    }
    [prev, curr] = [curr, prev];
  }
  return prev[short.length] as number;
}

/** 1 for identical strings, 0 for nothing in common (distance relative to the longer one). */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return Math.max(0, 1 - levenshtein(a, b) / longest);
}
