/**
 * Reading stored text for a query: checking exact phrases (same tokens, same order, after the one
 * normalisation) and cutting a one-line snippet around the best cluster of matches.
 */
import type { FieldName } from './fields.js';
import { hasOnlyAsciiWords, tokenize, type Token } from './normalize.js';
import type { ParsedQuery, PhraseQuery, QueryField } from './query.js';
import type { DocText } from './source.js';
import type { SearchMatch } from './types.js';

/** Longer texts are only searched for snippets in their first part (a 500-page PDF stays fast). */
const SNIPPET_SCAN_CHARS = 300_000;
const SNIPPET_LENGTH = 180;

/** Where `phrase` occurs in `tokens` (token index), or -1. */
export function findPhrase(tokens: readonly Token[], phrase: readonly string[], from = 0): number {
  const n = phrase.length;
  if (n === 0) return -1;
  outer: for (let i = from; i + n <= tokens.length; i++) {
    for (let j = 0; j < n; j++) if (tokens[i + j]?.term !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}

const PHRASE_FIELDS: readonly FieldName[] = ['title', 'body', 'note', 'label', 'tag', 'source', 'byline'];
function fieldsFor(field: QueryField | null): readonly FieldName[] {
  return field === null ? PHRASE_FIELDS : [field];
}

class TokenCache {
  private readonly cache = new Map<FieldName, Token[]>();
  constructor(private readonly doc: DocText) {}
  text(field: FieldName): string {
    return this.doc.fields[field] ?? '';
  }
  get(field: FieldName): Token[] {
    let tokens = this.cache.get(field);
    if (!tokens) {
      tokens = tokenize(this.doc.fields[field] ?? '');
      this.cache.set(field, tokens);
    }
    return tokens;
  }
}

const ASCII_TERM = /^[a-z0-9]+$/;
const BEFORE = '(?<![A-Za-z0-9])';
const AFTER = '(?![A-Za-z0-9])';

/** A regular expression equivalent to "these terms as consecutive tokens" in a text whose words are all ASCII. */
function asciiPhrasePattern(terms: readonly string[]): string | null {
  return terms.every((t) => ASCII_TERM.test(t)) ? terms.join('[^A-Za-z0-9]+') : null;
}

function phraseIn(cache: TokenCache, phrase: PhraseQuery): boolean {
  const pattern = asciiPhrasePattern(phrase.terms);
  return fieldsFor(phrase.field).some((f) => {
    const text = cache.text(f);
    if (!text) return false;
    if (pattern !== null && hasOnlyAsciiWords(text)) return new RegExp(`${BEFORE}${pattern}${AFTER}`, 'i').test(text);
    return findPhrase(cache.get(f), phrase.terms) >= 0;
  });
}

/**
 * True when the document really satisfies the phrases: each clause in `clauses` (bits) has one of
 * its phrases in the text, and no excluded phrase in `excluded` (bits) is there.
 */
export function verifyPhrases(doc: DocText, query: ParsedQuery, clauses: number, excluded: number): boolean {
  const cache = new TokenCache(doc);
  for (let c = 0; c < query.clauses.length; c++) {
    if (!(clauses & (1 << c))) continue;
    const phrases = (query.clauses[c]?.alternatives ?? []).filter((a): a is PhraseQuery => a.kind === 'phrase');
    if (!phrases.some((p) => phraseIn(cache, p))) return false;
  }
  for (let x = 0; x < query.excluded.length; x++) {
    if (!(excluded & (1 << x))) continue;
    const alt = query.excluded[x];
    if (alt?.kind === 'phrase' && phraseIn(cache, alt)) return false;
  }
  return true;
}

export interface Snippet {
  readonly field: FieldName;
  readonly snippet: string;
  readonly matches: SearchMatch[];
  /** The first marked match, in the field's own text. */
  readonly textStart?: number;
  readonly textEnd?: number;
}

interface Span {
  start: number;
  end: number;
  term: string;
}

/** Spans of `text` to mark: words that matched, and whole phrases. */
function matchSpans(text: string, matched: ReadonlySet<string>, phrases: readonly (readonly string[])[]): Span[] {
  const scanned = text.length > SNIPPET_SCAN_CHARS ? text.slice(0, SNIPPET_SCAN_CHARS) : text;
  if (hasOnlyAsciiWords(scanned)) {
    // Native regex scan, same result as tokenising: phrases first so they win where they start.
    const alternatives: string[] = [];
    for (const phrase of phrases) {
      const pattern = asciiPhrasePattern(phrase);
      if (pattern !== null) alternatives.push(pattern);
    }
    for (const term of matched) if (ASCII_TERM.test(term)) alternatives.push(term);
    if (alternatives.length === 0) return [];
    const re = new RegExp(`${BEFORE}(?:${alternatives.join('|')})${AFTER}`, 'gi');
    const spans: Span[] = [];
    for (let m = re.exec(scanned); m !== null; m = re.exec(scanned)) {
      spans.push({ start: m.index, end: m.index + m[0].length, term: m[0].toLowerCase() });
    }
    return spans;
  }
  const tokens = tokenize(scanned);
  const spans: Span[] = [];
  const covered = new Uint8Array(tokens.length);
  for (const phrase of phrases) {
    for (let i = findPhrase(tokens, phrase); i >= 0; i = findPhrase(tokens, phrase, i + phrase.length)) {
      const first = tokens[i];
      const last = tokens[i + phrase.length - 1];
      if (!first || !last) break;
      spans.push({ start: first.start, end: last.end, term: phrase.join(' ') });
      covered.fill(1, i, i + phrase.length);
    }
  }
  tokens.forEach((t, i) => {
    if (!covered[i] && matched.has(t.term)) spans.push({ start: t.start, end: t.end, term: t.term });
  });
  return spans.sort((a, b) => a.start - b.start);
}

/** Where the matched words and phrases are in a title (the snippet marks its own field only). */
export function titleSpans(title: string, matched: ReadonlySet<string>, phrases: readonly (readonly string[])[]): { start: number; end: number }[] {
  return matchSpans(title, matched, phrases).map((s) => ({ start: s.start, end: s.end }));
}

/** The query's phrases (positive ones), as term lists. */
export function queryPhrases(query: ParsedQuery): string[][] {
  const out: string[][] = [];
  for (const clause of query.clauses) for (const alt of clause.alternatives) if (alt.kind === 'phrase') out.push([...alt.terms]);
  return out;
}

/** One line of text around the best cluster of matches, with the matches' offsets in it. */
export function buildSnippet(
  doc: DocText,
  matched: ReadonlySet<string>,
  phrases: readonly (readonly string[])[],
  preferred: readonly FieldName[] = ['body', 'note', 'title'],
): Snippet {
  let field: FieldName = preferred.find((f) => doc.fields[f]) ?? 'body';
  let spans: Span[] = [];
  for (const f of preferred) {
    const text = doc.fields[f];
    if (!text) continue;
    const found = matchSpans(text, matched, phrases);
    if (found.length > 0) {
      field = f;
      spans = found;
      break;
    }
  }
  const text = doc.fields[field] ?? '';
  // The window that covers the most distinct matched terms, starting a little before its first match.
  let bestStart = 0;
  let bestCount = -1;
  for (let i = 0; i < spans.length && i < 400; i++) {
    const s = spans[i];
    if (!s) continue;
    const terms = new Set<string>();
    for (let j = i; j < spans.length && (spans[j]?.end ?? 0) <= s.start + SNIPPET_LENGTH - 40; j++) terms.add(spans[j]?.term ?? '');
    if (terms.size > bestCount) {
      bestCount = terms.size;
      bestStart = s.start;
    }
  }
  let start = spans.length === 0 ? 0 : Math.max(0, bestStart - 40);
  if (start > 0) {
    const space = text.slice(start, bestStart).search(/\s/);
    if (space >= 0) start += space + 1;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const lastSpace = text.slice(start, end).search(/\s\S*$/);
    if (lastSpace > SNIPPET_LENGTH / 2) end = start + lastSpace;
  }
  // Whitespace runs (paragraph breaks) become single spaces: a snippet is one line.
  const prefix = start > 0 ? '…' : '';
  let out = prefix;
  const map = new Int32Array(end - start + 1);
  let prevSpace = false;
  for (let i = start; i < end; i++) {
    map[i - start] = out.length;
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) {
      if (!prevSpace) out += ' ';
      prevSpace = true;
    } else {
      out += ch;
      prevSpace = false;
    }
  }
  map[end - start] = out.length;
  const trimmed = out.trimEnd();
  const snippet = end < text.length ? `${trimmed}…` : trimmed;
  const matches: SearchMatch[] = [];
  let first: Span | undefined;
  for (const s of spans) {
    if (s.start < start || s.end > end) continue;
    first ??= s;
    matches.push({ field, start: map[s.start - start] ?? 0, end: Math.min(map[s.end - start] ?? 0, trimmed.length) });
  }
  const result: Snippet = { field, snippet, matches };
  return first ? { ...result, textStart: first.start, textEnd: first.end } : result;
}
