/**
 * Length-preserving folding of a text for date matching. Every character maps to exactly one
 * character, so an offset in the folded text is the same offset in the article's plain text and a
 * match needs no mapping back.
 *
 * - Arabic-Indic (٠–٩) and Extended Arabic-Indic/Persian (۰–۹) digits become ASCII digits.
 * - Letter variants an analyst's sources mix become one letter: hamza forms of alef (أ إ آ ٱ → ا),
 *   Arabic and Persian yeh and alef maqsura (ي ى → ی), Arabic and Persian kaf (ك → ک), teh marbuta
 *   and heh with yeh above (ة ۀ → ه).
 * - Short vowels, shadda, sukun, dagger alef and the hamza above (ژانویهٔ) become a tatweel (ـ), which
 *   the month patterns accept between any two letters, as they accept the tatweel itself and ZWNJ.
 */

const FOLD = new Map<string, string>();
for (let i = 0; i < 10; i++) {
  FOLD.set(String.fromCharCode(0x0660 + i), String(i));
  FOLD.set(String.fromCharCode(0x06f0 + i), String(i));
}
for (const c of 'أإآٱ') FOLD.set(c, 'ا');
for (const c of 'يى') FOLD.set(c, 'ی');
FOLD.set('ك', 'ک');
FOLD.set('ة', 'ه');
FOLD.set('ۀ', 'ه');
// Harakat (U+064B–U+065F), dagger alef (U+0670): marks, not letters.
for (let code = 0x064b; code <= 0x065f; code++) FOLD.set(String.fromCharCode(code), 'ـ');
FOLD.set('\u0670', 'ـ');

export function foldChar(c: string): string {
  return FOLD.get(c) ?? c;
}

/** The folded text: same length, same offsets. */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!);
  return out;
}

/** What may stand between two letters of a word: tatweel (and folded marks), ZWNJ. */
const JOINERS = '[ـ\\u200c]*';

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A regex source matching a word or words written in Arabic script, folded: marks, tatweel or ZWNJ
 * may stand between letters; words are separated by any run of spaces (or a ZWNJ in Persian
 * compounds). The name is folded first, so it may be written with any variant.
 */
export function wordPattern(name: string): string {
  return foldText(name)
    .trim()
    .split(/\s+/)
    .map((word) => [...word].map(escape).join(JOINERS))
    .join('[\\s\\u200c]+');
}

/** Letters of the Arabic script (for word boundaries): a match must not continue a word. */
export const ARABIC_LETTER = /[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f]/;

export function isArabicLetter(c: string | undefined): boolean {
  return c !== undefined && ARABIC_LETTER.test(c);
}
