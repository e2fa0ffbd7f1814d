import { franc } from 'franc-min';
import type { Direction } from '../../common/document.js';

/**
 * Language and writing direction of an article.
 *
 * The language comes from franc (trigram statistics, the 82 most spoken languages), mapped to ISO 639-1.
 * Within Arabic script franc's Arabic/Persian call is cross-checked with the letters only one of the two
 * uses (Persian ی ک پ چ ژ گ and the zero-width non-joiner, Arabic ي ك ة ى), which decide short texts
 * and texts whose vocabulary is shared. The direction comes from the script of the text itself,
 * not from the language: a Persian article is RTL even when the language cannot be named.
 */

export interface DetectedLanguage {
  readonly language: string | null;
  readonly direction: Direction;
}

/** ISO 639-3 (what franc returns) → ISO 639-1 where a two-letter code exists. */
const ISO_639_1: Readonly<Record<string, string>> = {
  eng: 'en', spa: 'es', por: 'pt', ind: 'id', fra: 'fr', deu: 'de', jav: 'jv', vie: 'vi', ita: 'it', tur: 'tr',
  pol: 'pl', swh: 'sw', sun: 'su', ron: 'ro', hau: 'ha', fuv: 'ff', bos: 'bs', hrv: 'hr', nld: 'nl', srp: 'sr',
  ckb: 'ku', yor: 'yo', uzn: 'uz', zlm: 'ms', ibo: 'ig', tgl: 'tl', hun: 'hu', azj: 'az', ces: 'cs', run: 'rn',
  plt: 'mg', qug: 'qu', nya: 'ny', zyb: 'za', kin: 'rw', zul: 'zu', swe: 'sv', lin: 'ln', som: 'so', rus: 'ru',
  ukr: 'uk', bel: 'be', bul: 'bg', kaz: 'kk', koi: 'kv', arb: 'ar', urd: 'ur', pes: 'fa', pbu: 'ps', hin: 'hi',
  mar: 'mr', npi: 'ne', cmn: 'zh', ben: 'bn', jpn: 'ja', kor: 'ko', tel: 'te', tam: 'ta', guj: 'gu', kan: 'kn',
  mal: 'ml', mya: 'my', pan: 'pa', amh: 'am', tha: 'th', sin: 'si', ell: 'el', heb: 'he',
};

export function toIso6391(code: string): string {
  return ISO_639_1[code] ?? code;
}

const RTL_LANGUAGES = new Set(['ar', 'fa', 'ur', 'ps', 'he', 'yi', 'sd', 'ug', 'dv', 'ckb', 'skr']);

// Letters (not marks or digits) of the right-to-left scripts, and every other letter.
const RTL_LETTER = /(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/gu;
const LTR_LETTER = /(?![\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}])\p{L}/gu;
const ARABIC_SCRIPT = /(?=\p{L})\p{Script=Arabic}/gu;
const HEBREW = /(?=\p{L})\p{Script=Hebrew}/gu;

/** Letters (and the ZWNJ) that Persian writes and Arabic does not. */
const PERSIAN_MARKERS = /[\u06CC\u06A9\u067E\u0686\u0698\u06AF\u200C]/gu;
/** Letters Arabic writes and Persian spells otherwise (ي ك; ة and ى are rare in Persian). */
const ARABIC_MARKERS = /[\u064A\u0643\u0629\u0649]/gu;
/** Letters of Urdu (and Saraiki, Sindhi) that neither Arabic nor Persian uses. */
const URDU_MARKERS = /[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06D2]/gu;

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

/** How much text detection looks at: the start of a long article is representative, and franc is linear. */
const SAMPLE_CHARS = 6000;

export function detectDirection(text: string): Direction {
  const rtl = count(text, RTL_LETTER);
  const ltr = count(text, LTR_LETTER);
  return rtl > ltr ? 'rtl' : 'ltr';
}

function arabicScriptLanguage(sample: string, guess: string | null): string {
  const persian = count(sample, PERSIAN_MARKERS);
  const arabic = count(sample, ARABIC_MARKERS);
  const urdu = count(sample, URDU_MARKERS);
  if (urdu > 0 && urdu >= persian * 0.2) return guess === 'skr' ? 'skr' : 'ur';
  if (guess === 'ar' || guess === 'fa') {
    // franc mistakes texts with shared vocabulary; the spelling settles it when it is one-sided.
    if (guess === 'ar' && persian > arabic * 2 && persian >= 3) return 'fa';
    if (guess === 'fa' && arabic > persian * 2 && arabic >= 3) return 'ar';
    return guess;
  }
  if (guess !== null && guess !== 'ms') return guess;
  // franc had too little text (or chose Jawi Malay, rare in practice): decide by spelling.
  return persian > arabic ? 'fa' : 'ar';
}

/**
 * @param declared a language the document states (`<html lang>`), used when the text is too short
 *   for statistics.
 */
export function detectLanguage(text: string, declared: string | null = null): DetectedLanguage {
  const sample = text.slice(0, SAMPLE_CHARS);
  const direction = detectDirection(sample);
  const code = franc(sample, { minLength: 20 });
  let language: string | null = code === 'und' ? null : toIso6391(code);

  const arabicLetters = count(sample, ARABIC_SCRIPT);
  const hebrewLetters = count(sample, HEBREW);
  if (direction === 'rtl' && arabicLetters >= hebrewLetters && arabicLetters > 0) {
    language = arabicScriptLanguage(sample, language);
  } else if (direction === 'rtl' && hebrewLetters > 0) {
    // franc-min has no Hebrew model; Yiddish is told apart by its digraphs (װ ױ ײ) and pointed letters.
    language = /[\u05F0-\u05F2]/u.test(sample) ? 'yi' : 'he';
  }

  const declaredCode = normaliseDeclared(declared);
  if (language === null && declaredCode !== null) language = declaredCode;
  // A declared RTL language wins when the text itself has no letters to judge by.
  const finalDirection = count(sample, RTL_LETTER) + count(sample, LTR_LETTER) === 0 && declaredCode && RTL_LANGUAGES.has(declaredCode)
    ? 'rtl'
    : direction;
  return { language, direction: finalDirection };
}

/** `en-GB`, `EN`, `eng` → `en`; nonsense → null. */
export function normaliseDeclared(declared: string | null | undefined): string | null {
  if (!declared) return null;
  const primary = declared.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (/^[a-z]{2}$/.test(primary)) return primary;
  if (/^[a-z]{3}$/.test(primary)) return toIso6391(primary);
  return null;
}
