/**
 * The query language, parsed into clauses that must all match (AND), each a set of alternatives (OR).
 *
 *   iran talks          both words (the last one also as a prefix, for type-ahead; typos tolerated)
 *   iran OR tehran      either word
 *   -saudi              leave out what contains the word (or -"a phrase")
 *   embassy             also its other forms and spellings (embassies; Araqchi for Araghchi): analysis/
 *   =embassy            that one spelling only
 *   "good neighborliness"  the exact words in this order, checked against the stored text (no stemming)
 *   title:deal source:reuters tag:iran label:claim author:desk   a word in that field
 *   lang:ar type:annotation   attributes (type: article, annotation or note)
 *   after:2016-01 before:2024-01-01   published date (after is inclusive, before exclusive)
 *
 * The parser never throws: what it cannot understand is searched as plain words or dropped, and
 * `warnings` says so in the analyst's words.
 */
import { DEFAULT_ANALYSIS, type Analysis } from './analysis/index.js';
import { isStopWord, tokenize } from './normalize.js';
import type { SearchDocType } from './types.js';

/** Text fields a query word can be restricted to. */
export type QueryField = 'title' | 'source' | 'tag' | 'label' | 'byline';

export interface TermQuery {
  readonly kind: 'term';
  readonly term: string;
  readonly field: QueryField | null;
  /** Also match words that start with it (the word being typed). */
  readonly prefix: boolean;
  /** Also match close spellings (typos). */
  readonly fuzzy: boolean;
  /** Also match other forms of the word and other spellings of a name (not for quotes and =word). */
  readonly variants: boolean;
}

export interface PhraseQuery {
  readonly kind: 'phrase';
  /** Every normalised word, in order, stop words included: what the stored text must contain. */
  readonly terms: readonly string[];
  /** The words looked up in the index (stop words are not indexed). */
  readonly indexed: readonly string[];
  readonly field: QueryField | null;
}

export type Alternative = TermQuery | PhraseQuery;

export interface Clause {
  readonly alternatives: readonly Alternative[];
}

export interface DateRange {
  /** Inclusive lower bound, days since 1970-01-01. */
  readonly from: number | null;
  /** Exclusive upper bound, days since 1970-01-01. */
  readonly to: number | null;
}

export interface ParsedQuery {
  readonly clauses: readonly Clause[];
  /** Words and phrases that exclude a result. */
  readonly excluded: readonly Alternative[];
  readonly types: readonly SearchDocType[];
  readonly langs: readonly string[];
  readonly dates: DateRange;
  readonly warnings: readonly string[];
}

const TEXT_FIELDS: Readonly<Record<string, QueryField>> = {
  title: 'title',
  source: 'source',
  tag: 'tag',
  tags: 'tag',
  label: 'label',
  byline: 'byline',
  author: 'byline',
};
const TYPE_NAMES: Readonly<Record<string, SearchDocType>> = {
  article: 'article',
  articles: 'article',
  annotation: 'annotation',
  annotations: 'annotation',
  highlight: 'annotation',
  highlights: 'annotation',
  note: 'note',
  notes: 'note',
};

/** Up to this many clauses are evaluated (each takes one bit of a 32-bit mask). */
export const MAX_CLAUSES = 24;

/** Language codes as stored by importers (ISO 639-1 or 639-3) compared in one form. */
const LANG_ALIASES: Readonly<Record<string, string>> = {
  eng: 'en', english: 'en', ara: 'ar', arb: 'ar', arabic: 'ar', fas: 'fa', pes: 'fa', per: 'fa', persian: 'fa',
  farsi: 'fa', fra: 'fr', fre: 'fr', french: 'fr', deu: 'de', ger: 'de', german: 'de', spa: 'es', spanish: 'es',
  rus: 'ru', russian: 'ru', zho: 'zh', cmn: 'zh', chi: 'zh', chinese: 'zh', urd: 'ur', urdu: 'ur', tur: 'tr',
  turkish: 'tr', heb: 'he', hebrew: 'he',
};
export function canonicalLang(code: string | null | undefined): string | null {
  if (!code) return null;
  const c = code.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (c === '' || c === 'und') return null;
  return LANG_ALIASES[c] ?? c;
}

/** Days since the epoch for YYYY, YYYY-MM or YYYY-MM-DD (also the start of an ISO timestamp). */
export function dayNumber(date: string): number | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(date.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** The first day after the period a date names: before:2016 means before 2016-01-01; after:2016 from 2016-01-01. */
function periodStart(date: string): number | null {
  return dayNumber(date);
}

interface RawToken {
  readonly text: string;
  readonly quoted: boolean;
  readonly negated: boolean;
  readonly field: string | null;
  /** The query ended right after this token (no trailing space): the word is still being typed. */
  readonly atEnd: boolean;
}

/** Splits the query into words, quoted phrases, -negations and field:values; notes unbalanced quotes. */
function lex(query: string, warnings: string[]): RawToken[] {
  const tokens: RawToken[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    while (i < n && /\s/.test(query[i] ?? '')) i++;
    if (i >= n) break;
    let negated = false;
    if (query[i] === '-') {
      negated = true;
      i++;
      if (i >= n || /\s/.test(query[i] ?? '')) {
        warnings.push('A lone "-" was ignored: put it right before a word to leave that word out, as in -saudi.');
        continue;
      }
    }
    let field: string | null = null;
    const fieldMatch = /^([A-Za-z]+):(?=\S)/.exec(query.slice(i));
    if (fieldMatch) {
      field = (fieldMatch[1] ?? '').toLowerCase();
      i += fieldMatch[0].length;
    }
    if (query[i] === '"' || query[i] === '“' || query[i] === '”') {
      i++;
      const start = i;
      while (i < n && query[i] !== '"' && query[i] !== '”' && query[i] !== '“') i++;
      const text = query.slice(start, i);
      if (i >= n) warnings.push('A quotation mark was not closed: the rest of the query was searched as a phrase.');
      else i++;
      tokens.push({ text, quoted: true, negated, field, atEnd: i >= n && !/\s$/.test(query) });
      continue;
    }
    const start = i;
    while (i < n && !/\s/.test(query[i] ?? '')) i++;
    tokens.push({ text: query.slice(start, i), quoted: false, negated, field, atEnd: i >= n });
  }
  return tokens;
}

/** Turns the words of one token into alternatives: a single term, or a phrase when several words. */
/** Latin articles written before a name with a hyphen (al-Sudani, el-Sisi, Al-Saud): the name alone is searched. */
const NAME_ARTICLES: ReadonlySet<string> = new Set(['al', 'el']);

function toAlternative(
  text: string,
  quoted: boolean,
  field: QueryField | null,
  typing: boolean,
  negated: boolean,
  analysis: Analysis,
): Alternative | null {
  const linguistic = analysis === 'linguistic';
  // =word: this spelling only (like a quoted word).
  const exact = quoted || (linguistic && text.length > 1 && text.startsWith('='));
  let words = tokenize(exact && !quoted ? text.slice(1) : text).map((t) => t.term);
  if (linguistic && !exact && words.length === 2 && NAME_ARTICLES.has(words[0] ?? '')) words = words.slice(1);
  if (words.length === 0) return null;
  if (words.length === 1) {
    // A quoted single word (or =word) is searched exactly: no other forms, no completion, no typo tolerance.
    const term = words[0] ?? '';
    return {
      kind: 'term',
      term,
      field,
      prefix: !exact && typing && !negated && term.length >= 2,
      fuzzy: !exact && !negated && field === null,
      variants: linguistic && !exact,
    };
  }
  // Several words in one token ("non-interference", a quoted phrase): they must appear in this order.
  return { kind: 'phrase', terms: words, indexed: words.filter((w) => !isStopWord(w)), field };
}

function isIndexable(alt: Alternative): boolean {
  return alt.kind === 'term' ? !isStopWord(alt.term) : alt.indexed.length > 0;
}

export interface ParseOptions {
  /** 'baseline' parses exactly as before stemming existed (no =word, no al-/el- rule, no variants). */
  readonly analysis?: Analysis;
}

export function parseQuery(query: string, options: ParseOptions = {}): ParsedQuery {
  const analysis = options.analysis ?? DEFAULT_ANALYSIS;
  const warnings: string[] = [];
  const clauses: Alternative[][] = [];
  const excluded: Alternative[] = [];
  const types = new Set<SearchDocType>();
  const langs = new Set<string>();
  let from: number | null = null;
  let to: number | null = null;
  let joinNext = false;
  let droppedCommon = false;

  const tokens = lex(query.normalize('NFC'), warnings);
  tokens.forEach((token, index) => {
    if (!token.quoted && !token.negated && token.field === null && token.text === 'OR') {
      if (clauses.length === 0 || index === tokens.length - 1) {
        warnings.push('"OR" needs a word on each side; it was ignored.');
      } else {
        joinNext = true;
      }
      return;
    }
    let field: QueryField | null = null;
    let text = token.text;
    if (token.field !== null) {
      const value = token.text.trim();
      switch (token.field) {
        case 'type': {
          const type = TYPE_NAMES[value.toLowerCase()];
          if (type) types.add(type);
          else warnings.push(`Unknown type "${value}": use type:article, type:annotation or type:note.`);
          return;
        }
        case 'lang':
        case 'language': {
          const lang = canonicalLang(value);
          if (lang) langs.add(lang);
          return;
        }
        case 'after':
        case 'before': {
          const day = periodStart(value);
          if (day === null) {
            warnings.push(`"${token.field}:${value}" is not a date: write it as 2024, 2024-03 or 2024-03-15.`);
          } else if (token.field === 'after') {
            from = from === null ? day : Math.max(from, day);
          } else {
            to = to === null ? day : Math.min(to, day);
          }
          return;
        }
        default: {
          const known = TEXT_FIELDS[token.field];
          if (known) field = known;
          else text = `${token.field}:${token.text}`; // "10:30", "http:…" and unknown names are plain words
        }
      }
    }
    const alt = toAlternative(text, token.quoted, field, token.atEnd && !token.quoted, token.negated, analysis);
    if (alt === null) {
      if (token.negated || joinNext) joinNext = false;
      return;
    }
    if (!isIndexable(alt)) {
      droppedCommon = true;
      return;
    }
    if (token.negated) {
      if (excluded.length < MAX_CLAUSES) excluded.push(alt);
      else if (!warnings.some((w) => w.startsWith('Only the first'))) warnings.push(`Only the first ${MAX_CLAUSES} exclusions are used.`);
      return;
    }
    const last = clauses[clauses.length - 1];
    if (joinNext && last) last.push(alt);
    else clauses.push([alt]);
    joinNext = false;
  });

  if (clauses.length > MAX_CLAUSES) {
    warnings.push(`Only the first ${MAX_CLAUSES} words of a query are used.`);
    clauses.length = MAX_CLAUSES;
  }
  if (from !== null && to !== null && from >= to) {
    warnings.push('The date range is empty: "after" is not before "before".');
  }
  if (droppedCommon && clauses.length === 0 && excluded.length === 0 && types.size + langs.size === 0 && from === null && to === null) {
    warnings.push('Only very common words were given; add a more specific word.');
  }
  return {
    clauses: clauses.map((alternatives) => ({ alternatives })),
    excluded,
    types: [...types],
    langs: [...langs],
    dates: { from, to },
    warnings,
  };
}

/** True when the query asks for nothing at all (empty, or only words too common to search). */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return (
    q.clauses.length === 0 &&
    q.types.length === 0 &&
    q.langs.length === 0 &&
    q.dates.from === null &&
    q.dates.to === null
  );
}
