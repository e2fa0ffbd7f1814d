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
import { anchorFromRange, exactOccurrences, type Anchor } from './selectors.js';

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
/** An exact quote this long (trimmed) and found once is distinctive enough on its own. */
const DISTINCTIVE_LENGTH = 24;
/** Fuzzy matches: most errors searched for, as a share of the quote's length. */
const FUZZY_MAX_ERROR_RATE = 0.3;
/** Fuzzy matches with one agreeing context side need a quote this similar, and this long. */
const FUZZY_QUOTE_SIMILAR = 0.8;
const FUZZY_MIN_LENGTH = 12;
/** Text bracketed by both intact contexts only needs to be this similar to the quote. */
const BRACKETED_QUOTE_SIMILAR = 0.5;
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

/** How well the text before `start` matches the stored prefix (same length window). */
function prefixSimilarity(text: string, start: number, prefix: string): number {
  if (prefix === '') return start === 0 ? 1 : 0.5;
  return similarity(prefix, text.slice(Math.max(0, start - prefix.length), start));
}

function suffixSimilarity(text: string, end: number, suffix: string): number {
  if (suffix === '') return end === text.length ? 1 : 0.5;
  return similarity(suffix, text.slice(end, end + suffix.length));
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

const agreeingSides = (c: Scored): number =>
  (c.prefixSim >= CONTEXT_AGREES ? 1 : 0) + (c.suffixSim >= CONTEXT_AGREES ? 1 : 0);

// ---- The steps ----

function exactStep(text: string, stored: StoredAnchor, expected: number | null): Scored | undefined {
  const starts = exactOccurrences(text, stored.quote);
  if (starts.length === 0) return undefined;
  const top = best(starts.map((start) => scoreCandidate(text, stored, expected, { start, end: start + stored.quote.length })));
  if (!top) return undefined;
  const distinctive = starts.length === 1 && stored.quote.trim().length >= DISTINCTIVE_LENGTH;
  return agreeingSides(top) > 0 || distinctive ? top : undefined;
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
  if (prefix.length < 8 && prefix !== '') return found;
  if (suffix.length < 8 && suffix !== '') return found;
  const maxGap = Math.ceil(quote.length * 1.5) + 16;
  const starts = prefix === '' ? [0] : exactOccurrences(text, prefix).map((at) => at + prefix.length);
  for (const start of starts.slice(0, 50)) {
    if (suffix === '') {
      if (text.length - start <= maxGap) found.push({ start, end: text.length });
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

function acceptFuzzy(stored: StoredAnchor, c: Scored): boolean {
  const length = stored.quote.trim().length;
  if (c.quoteSim >= FUZZY_QUOTE_SIMILAR && agreeingSides(c) >= 1 && length >= FUZZY_MIN_LENGTH) return true;
  if (c.quoteSim >= BRACKETED_QUOTE_SIMILAR && c.prefixSim >= CONTEXT_INTACT && c.suffixSim >= CONTEXT_INTACT) {
    // Both sides intact: the edit happened inside the quote. A bare empty-context side does not count.
    return stored.prefix !== '' || stored.suffix !== '';
  }
  return c.quoteSim >= LONG_QUOTE_SIMILAR && length >= LONG_QUOTE_LENGTH;
}

function fuzzyStep(text: string, stored: StoredAnchor, expected: number | null): Scored | undefined {
  if (stored.quote.trim().length < 2) return undefined;
  const raw = [...approximateCandidates(text, stored, expected), ...bracketedCandidates(text, stored)];
  const seen = new Set<string>();
  const scored: Scored[] = [];
  for (const candidate of raw) {
    const c = trimLikeQuote(text, stored.quote, candidate);
    const key = `${c.start}:${c.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    scored.push(scoreCandidate(text, stored, expected, c));
  }
  const top = best(scored.filter((c) => acceptFuzzy(stored, c)));
  return top;
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
      if (mapped && newText.slice(mapped.start, mapped.end) === stored.quote) {
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

  // 2. The exact quote.
  const exact = exactStep(newText, stored, expected);
  if (exact) {
    return { status: 'anchored', anchor: anchorFromRange(newText, exact.start, exact.end), method: 'quote', score: exact.score };
  }

  // 3. Approximate.
  const fuzzy = fuzzyStep(newText, stored, expected);
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
