/**
 * Re-anchoring: finding an annotation's text again after the article's text changed
 * (a corrected typo, a re-imported better copy, an edit in the reader).
 *
 * The cascade, cheapest and surest first; each step is tried only if the previous one found nothing:
 *   1. unchanged — the range lies in a part of the text the change did not touch (same characters
 *      before it, or after it, to the end of the text): it keeps its place, shifted if needed.
 *      Without the old text: the quote and both contexts are still at the stored offsets.
 *   2. quote     — the exact quote occurs in the new text; among several occurrences the one whose
 *      surroundings best match the stored prefix/suffix, then the nearest to where it was, wins.
 *      A match is taken only with support: a matching context, or a quote long enough to be
 *      distinctive and found exactly once.
 *   3. fuzzy     — approximate matches of the quote (approx-string-match, Myers' algorithm, as used
 *      by Hypothesis) near the expected place and anywhere, plus the text bracketed by the stored
 *      prefix and suffix; scored on quote, prefix, suffix and position, and accepted only above
 *      thresholds that need the context to agree. Prefer orphaning to misplacing.
 *   4. orphaned  — nothing trustworthy: the annotation keeps its quote, note and label, and waits
 *      for the analyst to re-attach or delete it.
 *
 * Pure: no DB. Offsets are UTF-16 code units in the plain text (see common/document.ts).
 */
import approxSearch from 'approx-string-match';
import { similarity } from './distance.js';
import { anchorFromRange, CONTEXT_LENGTH, exactOccurrences, type Anchor } from './selectors.js';

/** What is stored for an annotation; orphans have no offsets. */
export interface StoredAnchor {
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number | null;
  readonly end: number | null;
}

export type AnchorMethod = 'unchanged' | 'quote' | 'fuzzy';

export type ReanchorResult =
  | {
      readonly status: 'anchored';
      readonly anchor: Anchor;
      readonly method: AnchorMethod;
      /** 0–1: how well quote and context match (1 for exact text with exact context). */
      readonly score: number;
    }
  | { readonly status: 'orphaned'; readonly reason: string };

// ---- Thresholds (see docs/anchoring.md for how they were chosen) ----

/** A context side "agrees" when it is at least this similar to the stored one. */
const CONTEXT_AGREES = 0.6;
/** A context side is "intact" at this similarity (used when the quote itself changed a lot). */
const CONTEXT_INTACT = 0.8;
/** …and as good as unchanged at this one. */
const CONTEXT_EXACT = 0.95;
/** An exact quote this long (trimmed) and found once is distinctive enough on its own. */
const DISTINCTIVE_LENGTH = 24;
/** Fuzzy matches: most errors searched for, as a share of the quote's length. */
const FUZZY_MAX_ERROR_RATE = 0.3;
/** Fuzzy matches need a quote this long, this similar with both context sides agreeing… */
const FUZZY_MIN_LENGTH = 12;
const FUZZY_QUOTE_SIMILAR = 0.8;
/** …or this similar with one side agreeing (the other side was edited too). */
const FUZZY_QUOTE_VERY_SIMILAR = 0.9;
/** Text bracketed by both intact contexts only needs to be this similar to the quote… */
const BRACKETED_QUOTE_SIMILAR = 0.5;
/** …or to keep this share of the quote's words in order (words inserted inside a short quote). */
const BRACKETED_WORDS_KEPT = 0.75;
/** A long quote this similar is accepted even when its surroundings changed (a moved paragraph with a typo fixed). */
const LONG_QUOTE_SIMILAR = 0.9;
const LONG_QUOTE_LENGTH = 40;

// ---- What the change touched ----

/**
 * The change between the old and new text seen as one replaced region: the common beginning and the
 * common end. Ranges entirely outside that region are provably unchanged.
 */
export interface ChangeMap {
  readonly oldLength: number;
  readonly newLength: number;
  /** Characters the two texts share at the beginning. */
  readonly head: number;
  /** Characters the two texts share at the end (not overlapping `head`). */
  readonly tail: number;
}

export function changeMap(oldText: string, newText: string): ChangeMap {
  const limit = Math.min(oldText.length, newText.length);
  let head = 0;
  while (head < limit && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < limit - head &&
    oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)
  ) {
    tail++;
  }
  return { oldLength: oldText.length, newLength: newText.length, head, tail };
}

/** Where an untouched old range is in the new text, or null if the change touched it. */
function mapUnchanged(map: ChangeMap, start: number, end: number): { start: number; end: number } | null {
  if (end <= map.head) return { start, end };
  if (start >= map.oldLength - map.tail) {
    const delta = map.newLength - map.oldLength;
    return { start: start + delta, end: end + delta };
  }
  return null;
}

/** Best guess of where an old offset went: exact outside the changed region, unchanged inside it. */
function mapOffset(map: ChangeMap | null, offset: number): number {
  if (!map) return offset;
  if (offset <= map.head) return offset;
  if (offset >= map.oldLength - map.tail) return offset + map.newLength - map.oldLength;
  return Math.min(offset, map.newLength);
}

/**
 * True if a candidate lies in untouched text that was somewhere else than the annotation before the
 * change: an older copy of the same words (a repeated passage), not the annotation's own text.
 */
function isOtherOldText(map: ChangeMap | null, stored: StoredAnchor, c: { start: number; end: number }): boolean {
  if (!map || stored.start === null) return false;
  let oldStart: number;
  if (c.end <= map.head) oldStart = c.start;
  else if (c.start >= map.newLength - map.tail) oldStart = c.start - (map.newLength - map.oldLength);
  else return false;
  return oldStart !== stored.start;
}

// ---- Scoring a candidate range ----

interface Candidate {
  readonly start: number;
  readonly end: number;
}

interface Scored extends Candidate {
  readonly quoteSim: number;
  readonly prefixSim: number;
  readonly suffixSim: number;
  readonly nearness: number;
  readonly score: number;
}

/**
 * A stored context shorter than CONTEXT_LENGTH means the text began (prefix) or ended (suffix) there;
 * one code unit less can come from not splitting a surrogate pair.
 */
const reachesTextEdge = (context: string): boolean => context.length < CONTEXT_LENGTH - 1;

/** How well the text before `start` matches the stored prefix. */
function prefixSimilarity(text: string, start: number, prefix: string): number {
  // A prefix that reached the start of the text is compared with everything before the candidate.
  const window = reachesTextEdge(prefix)
    ? text.slice(Math.max(0, start - CONTEXT_LENGTH), start)
    : text.slice(Math.max(0, start - prefix.length), start);
  if (prefix === '' && window === '') return 1;
  return similarity(prefix, window);
}

function suffixSimilarity(text: string, end: number, suffix: string): number {
  const window = reachesTextEdge(suffix) ? text.slice(end, end + CONTEXT_LENGTH) : text.slice(end, end + suffix.length);
  if (suffix === '' && window === '') return 1;
  return similarity(suffix, window);
}

function scoreCandidate(text: string, stored: StoredAnchor, expected: number | null, c: Candidate): Scored {
  const slice = text.slice(c.start, c.end);
  const quoteSim = slice === stored.quote ? 1 : similarity(stored.quote, slice);
  const prefixSim = prefixSimilarity(text, c.start, stored.prefix);
  const suffixSim = suffixSimilarity(text, c.end, stored.suffix);
  const nearness = expected === null ? 0.5 : Math.max(0, 1 - Math.abs(c.start - expected) / Math.max(text.length, 1));
  // Weights after Hypothesis's match-quote (quote 50, prefix 20, suffix 20, position 2), position raised a
  // little so that it decides between otherwise equal candidates (a duplicated passage).
  const score = (50 * quoteSim + 20 * prefixSim + 20 * suffixSim + 4 * nearness) / 94;
  return { ...c, quoteSim, prefixSim, suffixSim, nearness, score };
}

function best(candidates: readonly Scored[]): Scored | undefined {
  let top: Scored | undefined;
  for (const c of candidates) {
    if (!top || c.score > top.score || (c.score === top.score && c.nearness > top.nearness)) top = c;
  }
  return top;
}

/** Letters, digits and combining marks (Arabic harakat included) make up words. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && WORD_CHAR.test(ch);

/**
 * Whether a candidate cuts a word where the original quote did not: a quote that began and ended on
 * word boundaries must still do so (it keeps "at a" from matching the start of "at also").
 */
function cutsWordsLikeOriginal(text: string, stored: StoredAnchor, c: Candidate): boolean {
  const quote = stored.quote;
  const originalCutStart = isWordChar(stored.prefix.slice(-1)) && isWordChar(quote[0]);
  const originalCutEnd = isWordChar(quote[quote.length - 1]) && isWordChar(stored.suffix[0]);
  const cutStart = isWordChar(text[c.start - 1]) && isWordChar(text[c.start]);
  const cutEnd = isWordChar(text[c.end - 1]) && isWordChar(text[c.end]);
  return (originalCutStart || !cutStart) && (originalCutEnd || !cutEnd);
}

/** Share of the quote's words found, in order, in the candidate (insertions inside a quote keep it at 1). */
function wordRetention(quote: string, candidate: string): number {
  const a = quote.split(/\s+/).filter(Boolean);
  const b = candidate.split(/\s+/).filter(Boolean);
  if (a.length === 0) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const word of a) {
    const curr = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      curr[j] = word === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, curr[j - 1] as number);
    }
    prev = curr;
  }
  return (prev[b.length] as number) / a.length;
}

const agreeingSides = (c: Scored): number =>
  (c.prefixSim >= CONTEXT_AGREES ? 1 : 0) + (c.suffixSim >= CONTEXT_AGREES ? 1 : 0);

// ---- The steps ----

/** Exact occurrences of the quote, best first by context and nearness, with the support each has. */
function exactCandidates(text: string, stored: StoredAnchor, expected: number | null, change: ChangeMap | null): Scored[] {
  return exactOccurrences(text, stored.quote)
    .map((start) => ({ start, end: start + stored.quote.length }))
    .filter((c) => cutsWordsLikeOriginal(text, stored, c) && !isOtherOldText(change, stored, c))
    .map((c) => scoreCandidate(text, stored, expected, c));
}

/**
 * Whether an exact occurrence has enough support: a context side that agrees (both for a short quote,
 * which occurs by chance), or a distinctive quote found exactly once.
 */
function acceptExact(stored: StoredAnchor, c: Scored, occurrences: number): boolean {
  const length = stored.quote.trim().length;
  if (agreeingSides(c) >= (length < FUZZY_MIN_LENGTH ? 2 : 1)) return true;
  // A short quote found once, with one side of its context exactly as it was (its paragraph moved).
  if (occurrences === 1 && Math.max(c.prefixSim, c.suffixSim) >= CONTEXT_EXACT) return true;
  return occurrences === 1 && length >= DISTINCTIVE_LENGTH;
}

/** Approximate matches of the quote: near where it should be, and anywhere (the library returns only the best). */
function approximateCandidates(text: string, stored: StoredAnchor, expected: number | null): Candidate[] {
  const quote = stored.quote;
  const maxErrors = Math.min(Math.floor(quote.length * FUZZY_MAX_ERROR_RATE), 512);
  if (maxErrors < 1) return [];
  const found: Candidate[] = approxSearch(text, quote, maxErrors).map((m) => ({ start: m.start, end: m.end }));
  if (expected !== null) {
    const from = Math.max(0, expected - 2 * quote.length - 200);
    const to = Math.min(text.length, expected + 3 * quote.length + 200);
    for (const m of approxSearch(text.slice(from, to), quote, maxErrors)) found.push({ start: from + m.start, end: from + m.end });
  }
  return found.map((c) => snapToContext(text, stored, c));
}

/** Moves a fuzzy match's edges onto the stored context when it is found intact right next to them. */
function snapToContext(text: string, stored: StoredAnchor, c: Candidate): Candidate {
  const reach = 8;
  let { start, end } = c;
  if (stored.prefix.length >= 8) {
    const from = Math.max(0, start - reach - stored.prefix.length);
    const at = text.slice(from, start + reach).lastIndexOf(stored.prefix);
    if (at >= 0) start = from + at + stored.prefix.length;
  }
  if (stored.suffix.length >= 8) {
    const from = Math.max(start, end - reach);
    const at = text.slice(from, end + reach + stored.suffix.length).indexOf(stored.suffix);
    if (at >= 0) end = from + at;
  }
  return end > start ? { start, end } : c;
}

/** The text between an intact prefix and an intact suffix: what the quote became after an edit inside it. */
function bracketedCandidates(text: string, stored: StoredAnchor): Candidate[] {
  const { prefix, suffix, quote } = stored;
  const found: Candidate[] = [];
  const maxGap = Math.ceil(quote.length * 1.5) + 16;
  // Where the quote may start: after an occurrence of the prefix, or after the text's own beginning.
  let starts: number[];
  if (reachesTextEdge(prefix)) starts = text.startsWith(prefix) ? [prefix.length] : [];
  else starts = exactOccurrences(text, prefix).map((at) => at + prefix.length);
  for (const start of starts.slice(0, 50)) {
    if (reachesTextEdge(suffix)) {
      const end = text.length - suffix.length;
      if (text.endsWith(suffix) && end > start && end - start <= maxGap) found.push({ start, end });
      continue;
    }
    const end = text.indexOf(suffix, start);
    if (end > start && end - start <= maxGap) found.push({ start, end });
  }
  return found;
}

/** Drops white space a candidate gained at its edges when the quote had none there. */
function trimLikeQuote(text: string, quote: string, c: Candidate): Candidate {
  let { start, end } = c;
  if (!/^\s/.test(quote)) while (start < end && /\s/.test(text[start] as string)) start++;
  if (!/\s$/.test(quote)) while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return end > start ? { start, end } : c;
}

function acceptFuzzy(text: string, stored: StoredAnchor, c: Scored): boolean {
  const length = stored.quote.trim().length;
  if (length >= FUZZY_MIN_LENGTH) {
    if (c.quoteSim >= FUZZY_QUOTE_SIMILAR && agreeingSides(c) === 2) return true;
    if (c.quoteSim >= FUZZY_QUOTE_VERY_SIMILAR && agreeingSides(c) === 1) return true;
  }
  if (c.prefixSim >= CONTEXT_INTACT && c.suffixSim >= CONTEXT_INTACT && (stored.prefix !== '' || stored.suffix !== '')) {
    // Both sides intact: the edit happened inside the quote (words inserted, removed or corrected).
    if (c.quoteSim >= BRACKETED_QUOTE_SIMILAR) return true;
    if (wordRetention(stored.quote, text.slice(c.start, c.end)) >= BRACKETED_WORDS_KEPT) return true;
  }
  return c.quoteSim >= LONG_QUOTE_SIMILAR && length >= LONG_QUOTE_LENGTH;
}

function fuzzyStep(text: string, stored: StoredAnchor, expected: number | null, change: ChangeMap | null): Scored | undefined {
  if (stored.quote.trim().length < 2) return undefined;
  const raw = [...approximateCandidates(text, stored, expected), ...bracketedCandidates(text, stored)];
  const seen = new Set<string>();
  const scored: Scored[] = [];
  for (const candidate of raw) {
    const c = trimLikeQuote(text, stored.quote, candidate);
    const key = `${c.start}:${c.end}`;
    if (seen.has(key) || !cutsWordsLikeOriginal(text, stored, c) || isOtherOldText(change, stored, c)) continue;
    seen.add(key);
    scored.push(scoreCandidate(text, stored, expected, c));
  }
  return best(scored.filter((c) => acceptFuzzy(text, stored, c)));
}

// ---- The cascade ----

export interface ReanchorOptions {
  /** The change from the old text, when known (`changeMap(oldText, newText)`): enables step 1 proper. */
  readonly change?: ChangeMap | null;
}

export function reanchor(newText: string, stored: StoredAnchor, options: ReanchorOptions = {}): ReanchorResult {
  const change = options.change ?? null;
  if (stored.quote === '') return { status: 'orphaned', reason: 'The highlight has no quoted text to look for.' };

  // 1. Unchanged place.
  if (stored.start !== null && stored.end !== null) {
    if (change) {
      const mapped = mapUnchanged(change, stored.start, stored.end);
      if (mapped && newText.slice(mapped.start, mapped.end) === stored.quote && cutsWordsLikeOriginal(newText, stored, mapped)) {
        return { status: 'anchored', anchor: anchorFromRange(newText, mapped.start, mapped.end), method: 'unchanged', score: 1 };
      }
    } else {
      const here = anchorFromRange(newText, stored.start, stored.end);
      if (
        stored.end <= newText.length &&
        here.quote === stored.quote &&
        here.prefix === stored.prefix &&
        here.suffix === stored.suffix
      ) {
        return { status: 'anchored', anchor: here, method: 'unchanged', score: 1 };
      }
    }
  }

  const expected = stored.start === null ? null : mapOffset(change, stored.start);

  // 2. The exact quote. A copy that only half agrees with the context loses to a place where both
  //    context sides are intact around an edited quote (the same words repeated elsewhere in the text).
  const exactAll = exactCandidates(newText, stored, expected, change);
  const exact = best(exactAll.filter((c) => acceptExact(stored, c, exactAll.length)));
  if (exact && agreeingSides(exact) === 2) {
    return { status: 'anchored', anchor: anchorFromRange(newText, exact.start, exact.end), method: 'quote', score: exact.score };
  }

  // 3. Approximate.
  const fuzzy = fuzzyStep(newText, stored, expected, change);
  const fuzzyBracketed =
    fuzzy &&
    fuzzy.prefixSim >= CONTEXT_INTACT &&
    fuzzy.suffixSim >= CONTEXT_INTACT &&
    // Overlapping the exact quote, it is the same place with words inserted next to the quote: keep the exact text.
    !(exact && fuzzy.start < exact.end && exact.start < fuzzy.end);
  if (exact && !fuzzyBracketed) {
    return { status: 'anchored', anchor: anchorFromRange(newText, exact.start, exact.end), method: 'quote', score: exact.score };
  }
  if (fuzzy) {
    return { status: 'anchored', anchor: anchorFromRange(newText, fuzzy.start, fuzzy.end), method: 'fuzzy', score: fuzzy.score };
  }

  // 4. Orphaned.
  return { status: 'orphaned', reason: 'The quoted text is no longer in the article.' };
}

/** Re-anchors many annotations after one change of text (the change is computed once). */
export function reanchorAll(oldText: string | null, newText: string, anchors: readonly StoredAnchor[]): ReanchorResult[] {
  const change = oldText === null ? null : changeMap(oldText, newText);
  return anchors.map((stored) => reanchor(newText, stored, { change }));
}
