/**
 * Sentences of an article's plain text, as offsets, in any of Quire's languages: a sentence ends at
 * . ! ? (and the Arabic ؟ and ۔) followed by a space, or at a line break (paragraphs are separated by
 * a blank line in the plain text). Common English abbreviations ("Jan.", "Mr.", "U.S.") and initials
 * do not end a sentence, so "Jan. 5, 2016" stays whole.
 */

export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

const ABBREVIATIONS = new Set(
  [
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'st', 'sen', 'rep', 'gov', 'pres',
    'no', 'vol', 'p', 'pp', 'fig', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'approx', 'ca', 'e.g', 'i.e', 'u.s', 'u.n', 'u.k',
  ],
);

const END = /[.!?؟۔]+["'”’)\]»]*(?=\s)|\n/g;

/** Longest sentence kept whole; a longer one is cut to a window around the date. */
export const MAX_SENTENCE = 600;

export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const match of text.matchAll(END)) {
    const at = match.index;
    if (match[0] !== '\n') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, at - 12), at))?.[1] ?? '';
      const bare = word.toLowerCase().replace(/^\.+/, '');
      // "Jan." "Mr." "U.S." and single initials ("A. Khamenei") do not end a sentence.
      if (ABBREVIATIONS.has(bare) || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue;
    }
    const end = at + match[0].length;
    pushTrimmed(spans, text, start, end);
    start = end;
  }
  pushTrimmed(spans, text, start, text.length);
  return spans;
}

function pushTrimmed(spans: SentenceSpan[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) spans.push({ start: s, end: e });
}

/** The sentence holding [start, end): the one it starts in, widened if the date runs past its end. */
export function sentenceAround(spans: readonly SentenceSpan[], start: number, end: number): SentenceSpan {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return { start, end };
  let last = found;
  while (last + 1 < spans.length && spans[last]!.end < end) last++;
  return { start: Math.min(spans[found]!.start, start), end: Math.max(spans[last]!.end, end) };
}

/** A sentence cut to at most MAX_SENTENCE characters around the date, at word boundaries. */
export function clipSentence(text: string, sentence: SentenceSpan, start: number, end: number): SentenceSpan {
  if (sentence.end - sentence.start <= MAX_SENTENCE) return sentence;
  const room = Math.max(0, MAX_SENTENCE - (end - start));
  let s = Math.max(sentence.start, start - Math.floor(room / 2));
  let e = Math.min(sentence.end, Math.max(end, s + MAX_SENTENCE));
  s = Math.max(sentence.start, Math.min(s, e - MAX_SENTENCE));
  // Do not cut a word in two.
  if (s > sentence.start) while (s < start && !/\s/.test(text[s - 1]!)) s++;
  if (e < sentence.end) while (e > end && !/\s/.test(text[e]!)) e--;
  return { start: s, end: e };
}
