/**
 * W3C Web Annotation selectors for a range of an article's plain text.
 *
 * An annotation's anchor is the quoted text, up to 32 characters of context on each side
 * (TextQuoteSelector) and its offsets (TextPositionSelector), all in the plain text that
 * `documentPlainText` derives from the article's document. Offsets are UTF-16 code units, like
 * JavaScript strings and Lexical's selection offsets. Pure: no DB, no Node.
 */

/** How much context is kept on each side of a quote (the length Hypothesis and the W3C examples use). */
export const CONTEXT_LENGTH = 32;

export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}

/** What an annotation stores to find its text again. */
export interface Anchor {
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number;
  readonly end: number;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** True if `offset` falls between the two halves of a surrogate pair (an emoji, a rare CJK character). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** Why a range cannot be an anchor in `text`, or null if it can. */
export function rangeProblem(text: string, start: number, end: number): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return 'The start and end of a highlight must be whole numbers.';
  if (start < 0 || end > text.length) {
    return `The range ${start}–${end} is outside the article's text (${text.length} characters).`;
  }
  if (end <= start) return 'A highlight must cover at least one character (the end must come after the start).';
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    return 'The range cuts a character in half; select whole characters.';
  }
  if (text.slice(start, end).trim() === '') return 'A highlight cannot cover only blank space.';
  return null;
}

/**
 * Context of up to CONTEXT_LENGTH code units, never starting or ending inside a surrogate pair
 * (a lone surrogate would not survive being stored as UTF-8).
 */
function prefixOf(text: string, start: number): string {
  let from = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, from)) from += 1;
  return text.slice(from, start);
}

function suffixOf(text: string, end: number): string {
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, to)) to -= 1;
  return text.slice(end, to);
}

/** The anchor for [start, end) of `text`. The caller checks the range first (see `rangeProblem`). */
export function anchorFromRange(text: string, start: number, end: number): Anchor {
  return { quote: text.slice(start, end), prefix: prefixOf(text, start), suffix: suffixOf(text, end), start, end };
}

export function quoteSelector(anchor: Pick<Anchor, 'quote' | 'prefix' | 'suffix'>): TextQuoteSelector {
  return { type: 'TextQuoteSelector', exact: anchor.quote, prefix: anchor.prefix, suffix: anchor.suffix };
}

export function positionSelector(anchor: Pick<Anchor, 'start' | 'end'>): TextPositionSelector {
  return { type: 'TextPositionSelector', start: anchor.start, end: anchor.end };
}

/** Every start offset where `quote` occurs in `text`, overlapping occurrences included. */
export function exactOccurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  if (quote === '') return found;
  let from = 0;
  for (;;) {
    const at = text.indexOf(quote, from);
    if (at < 0) return found;
    found.push(at);
    from = at + 1;
  }
}

// ---- Forgiving search for quotes typed by hand (the CLI) ----

/**
 * Characters an analyst types differently from the article: curly vs straight quotes and apostrophes,
 * dashes, non-breaking and other spaces, the Arabic tatweel. Folding keeps one character per character
 * so offsets map back one to one.
 */
const FOLD: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
};

function foldChar(ch: string): string {
  const folded = FOLD[ch];
  if (folded !== undefined) return folded;
  if (/\s/.test(ch)) return ' ';
  return ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
}

/**
 * Folds `text` for matching: the folding above, lower case, runs of white space collapsed to one space,
 * tatweel dropped. Returns the folded string and, for each folded character, its offset in `text`.
 */
function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let lastWasSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\u0640') continue;
    const f = foldChar(ch);
    if (f === ' ') {
      if (lastWasSpace) continue;
      lastWasSpace = true;
    } else {
      lastWasSpace = false;
    }
    folded += f;
    map.push(i);
  }
  return { folded, map };
}

/**
 * Where `quote` occurs in `text`: exact occurrences if there are any, else occurrences that differ
 * only by quote marks, dashes, case, white space or tatweel (ranges in the original text).
 */
export function findQuote(text: string, quote: string): { start: number; end: number }[] {
  const exact = exactOccurrences(text, quote);
  if (exact.length > 0) return exact.map((start) => ({ start, end: start + quote.length }));
  const pattern = foldWithMap(quote.trim()).folded;
  if (pattern === '') return [];
  const { folded, map } = foldWithMap(text);
  return exactOccurrences(folded, pattern).map((at) => {
    const last = map[at + pattern.length - 1] as number;
    return { start: map[at] as number, end: last + 1 };
  });
}
