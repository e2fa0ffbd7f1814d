/**
 * The one normalisation rule for search: every term that is indexed and every term that is queried
 * goes through `normalize`, so a spelling variant can never match on one side and not the other.
 *
 * Order matters: NFKC first (presentation forms, ligatures, full-width letters become ordinary
 * letters), then case folding, then canonical decomposition so that accents and Arabic hamza/madda
 * become separate marks that can be dropped, then letter unification, then NFC to recompose what is
 * left (Hangul, Indic scripts).
 */

/** Bump when any rule below changes: a saved index built with other rules is rebuilt. */
export const NORMALIZER_VERSION = 1;

/** Zero-width characters that sit inside words (Persian ZWNJ, ZWJ, BOM, soft hyphen, word joiner). */
// eslint-disable-next-line no-misleading-character-class -- each joiner is matched on its own, on purpose
const IN_WORD_INVISIBLES = /[\u200c\u200d\ufeff\u00ad\u2060]/g;

/**
 * Marks dropped after NFD: Latin/Greek/Cyrillic combining accents, and Arabic harakat, tanwin,
 * shadda, sukun, superscript alef, hamza above/below, madda and Quranic marks. Marks of other
 * scripts (Devanagari vowel signs…) carry meaning and are kept.
 */
const DROPPED_MARKS =
  // eslint-disable-next-line no-misleading-character-class -- combining marks are matched alone, to drop them
  /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u08d3-\u08e1\u08e3-\u08ff]/g;

/** Tatweel (kashida) only stretches a word visually. */
const TATWEEL = /\u0640/g;

/** One letter for each family of Arabic/Persian spellings. */
const LETTER_MAP: Readonly<Record<string, string>> = {
  '\u0671': '\u0627', // ٱ alef wasla → ا (أ إ آ already lost their hamza/madda marks in NFD)
  '\u0672': '\u0627',
  '\u0673': '\u0627',
  '\u0675': '\u0627',
  '\u0649': '\u064a', // ى alef maqsura → ي
  '\u06cc': '\u064a', // ی Persian yeh → ي
  '\u06d0': '\u064a',
  '\u06d2': '\u064a', // ے yeh barree
  '\u06a9': '\u0643', // ک Persian kaf → ك
  '\u06aa': '\u0643',
  '\u0629': '\u0647', // ة teh marbuta → ه (typed either way)
  '\u06c0': '\u0647', // ۀ
  '\u06c1': '\u0647', // ہ
  '\u06d5': '\u0647', // ە
  '\u0624': '\u0648', // ؤ (when not decomposed) → و
  '\u0626': '\u064a', // ئ → ي
  '\u00df': 'ss', // ß
  '\u017f': 's', // ſ
  '\u03c2': '\u03c3', // final sigma
  '\u0131': 'i', // dotless i
  '\u00f8': 'o', // ø has no decomposition
  '\u0153': 'oe',
  '\u00e6': 'ae',
  '\u0111': 'd',
  '\u0142': 'l',
  '\u00fe': 'th',
};
const LETTER_PATTERN = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'g');

/** Arabic-Indic (٠-٩) and Extended Arabic-Indic / Persian (۰-۹) digits → ASCII. */
const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
function asciiDigit(ch: string): string {
  const code = ch.charCodeAt(0);
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Normalises text for indexing and querying. Pure and idempotent: normalize(normalize(x)) === normalize(x).
 */
export function normalize(text: string): string {
  // Fast path: most English words need only lower-casing (and this is called for every token indexed).
  if (isAscii(text)) return text.toLowerCase();
  let s = text.normalize('NFKC').toLowerCase();
  s = s.normalize('NFD');
  s = s
    .replace(IN_WORD_INVISIBLES, '')
    .replace(DROPPED_MARKS, '')
    .replace(TATWEEL, '')
    .replace(LETTER_PATTERN, (ch) => LETTER_MAP[ch] ?? ch)
    .replace(EASTERN_DIGITS, asciiDigit);
  return s.normalize('NFC');
}

/** A word of a text, normalised, with its place in the original string (UTF-16 offsets). */
export interface Token {
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

/**
 * What a word is made of: letters, marks, digits, and the invisibles that sit inside Persian words.
 * Apostrophes and hyphens split ("Bahrain’s" → bahrain, s; "non-interference" → non, interference)
 * in the text and in the query alike, so phrases still match.
 */
// eslint-disable-next-line no-misleading-character-class -- joiners are word characters here, on purpose
const WORD = /[\p{L}\p{M}\p{N}\u200c\u200d\ufeff\u00ad\u2060]+/gu;

/** Terms longer than this are noise (base64, hashes) and would bloat the vocabulary. */
export const MAX_TERM_LENGTH = 40;

/** Normalising the same word again and again is the indexer's main cost: remember recent ones. */
const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

export function normalizeTerm(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const term = normalize(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, term);
  return term;
}

/**
 * True when every word of the text is made of ASCII letters and digits (punctuation such as curly
 * quotes and dashes may be anything). Then normalising a word is lower-casing it and a word is a run
 * of [a-z0-9], which lets tokenising, snippets and phrase checks use native regular expressions
 * (the results are identical to the general path; only faster).
 */
export function hasOnlyAsciiWords(text: string): boolean {
  // Pure ASCII (the common case) is answered natively; otherwise only the non-ASCII characters are looked at.
  if (Buffer.byteLength(text, 'utf8') === text.length) return true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x7f) continue;
    const ch = String.fromCodePoint(text.codePointAt(i) ?? code);
    if (WORD_CHAR.test(ch)) return false;
    if (ch.length === 2) i++;
  }
  return true;
}
// eslint-disable-next-line no-misleading-character-class -- joiners count as word characters, on purpose
const WORD_CHAR = /^[\p{L}\p{M}\p{N}\u200c\u200d\ufeff\u00ad\u2060]$/u;

function isAsciiWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7f) return false;
  return true;
}

const ASCII_WORD = /[a-z0-9]+/g;

/** Splits text into normalised terms with their original offsets (used for the index, queries, phrases and snippets). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  if (hasOnlyAsciiWords(text)) {
    const lower = text.toLowerCase();
    ASCII_WORD.lastIndex = 0;
    for (let m = ASCII_WORD.exec(lower); m !== null; m = ASCII_WORD.exec(lower)) {
      if (m[0].length <= MAX_TERM_LENGTH) tokens.push({ term: m[0], start: m.index, end: m.index + m[0].length });
    }
    return tokens;
  }
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const term = isAsciiWord(m[0]) ? m[0].toLowerCase() : normalizeTerm(m[0]);
    if (term === '' || term.length > MAX_TERM_LENGTH) continue;
    tokens.push({ term, start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** Just the terms, for indexing (no offset objects). */
export function terms(text: string): string[] {
  if (hasOnlyAsciiWords(text)) {
    const found = text.toLowerCase().match(ASCII_WORD) ?? [];
    return found.every((t) => t.length <= MAX_TERM_LENGTH) ? found : found.filter((t) => t.length <= MAX_TERM_LENGTH);
  }
  const out: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const term = isAsciiWord(m[0]) ? m[0].toLowerCase() : normalizeTerm(m[0]);
    if (term === '' || term.length > MAX_TERM_LENGTH) continue;
    out.push(term);
  }
  return out;
}

/**
 * Words too common to discriminate, in normalised form. They are not indexed (most of an index's
 * memory is their posting lists); phrases containing them are still verified against the stored text.
 */
const STOP_WORD_LIST = [
  // English
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'but', 'by', 'for', 'from', 'had', 'has', 'have', 'he', 'her',
  'his', 'i', 'if', 'in', 'into', 'is', 'it', 'its', 'of', 'on', 'or', 'our', 's', 'she', 'so', 'that', 'the',
  'their', 'them', 'there', 'they', 'this', 'to', 'was', 'we', 'were', 'which', 'who', 'will', 'with', 'would',
  'you', 'not', 'no', 'do', 'did', 'than', 'then', 'these', 'those', 'what', 'when', 'where', 'him', 'me', 'my',
  // Arabic (already normalised: no hamza on alef, ي for ى)
  'في', 'من', 'علي', 'الي', 'عن', 'مع', 'ان', 'او', 'ما', 'لا', 'هذا', 'هذه', 'التي', 'الذي', 'كان', 'و',
  // Persian
  'و', 'در', 'به', 'از', 'كه', 'را', 'با', 'اين', 'ان', 'براي', 'تا', 'هم', 'خود',
];
export const STOP_WORDS: ReadonlySet<string> = new Set(STOP_WORD_LIST.map((w) => normalize(w)));

export function isStopWord(term: string): boolean {
  return STOP_WORDS.has(term);
}
