/**
 * Does a PDF's text layer give back the words that were printed? The yardstick for the Arabic-script
 * print fonts (docs/pdf-arabic.md) and for the export and import tests: compares an extraction with
 * its source after removing what tools legitimately disagree on (harakat and their order, tatweel,
 * bidi controls, ZWNJ/ZWJ, which have no glyph, punctuation at word edges, and the space between a
 * number and a word, which poppler moves when it isolates a number inside right-to-left text:
 * "في ١٠ آذار" comes out "في ١٠آذار"), and nothing else. A
 * word split by a spurious space, glued to its neighbour, reversed, or spelled with presentation
 * forms does not match.
 */

const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const JOINER_CONTROLS = /[\u200c\u200d]/g;
/** Harakat, Quranic marks, superscript alef, tatweel. */
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
/** Arabic presentation forms A and B: glyph codes, not text. */
export const PRESENTATION_FORMS = /[\ufb50-\ufdff\ufe70-\ufefc]/gu;
const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/** Text reduced to what every faithful extraction agrees on; words separated by single spaces. */
export function comparableText(text: string): string {
  return text
    .normalize('NFC')
    .replace(BIDI_CONTROLS, '')
    .replace(JOINER_CONTROLS, '')
    .replace(ARABIC_MARKS, '')
    .replaceAll('\u0000', '')
    .replace(/(\p{Nd})(?=[^\s\p{Nd}])|([^\s\p{Nd}])(?=\p{Nd})/gu, '$1$2 ')
    .split(/\s+/)
    .map((word) => word.replace(EDGE_PUNCTUATION, ''))
    .filter(Boolean)
    .join(' ');
}

export function comparableWords(text: string): string[] {
  const flat = comparableText(text);
  return flat ? flat.split(' ') : [];
}

export function countPresentationForms(text: string): number {
  return text.match(PRESENTATION_FORMS)?.length ?? 0;
}

export interface WordCheck {
  /** Source words (with repeats). */
  readonly words: number;
  /** Source words that are not in the extraction as whole words (counted with multiplicity). */
  readonly missing: readonly string[];
  /** The source's words occur in the extraction as one contiguous run, in logical order. */
  readonly inOrder: boolean;
  /** Presentation-form characters in the raw extraction. */
  readonly presentationForms: number;
}

/** Compares an extraction with the text that was printed (see the module comment for what is ignored). */
export function checkWords(source: string, extracted: string): WordCheck {
  const want = comparableWords(source);
  const have = new Map<string, number>();
  for (const word of comparableWords(extracted)) have.set(word, (have.get(word) ?? 0) + 1);
  const missing: string[] = [];
  for (const word of want) {
    const n = have.get(word) ?? 0;
    if (n > 0) have.set(word, n - 1);
    else missing.push(word);
  }
  const inOrder = want.length > 0 && ` ${comparableText(extracted)} `.includes(` ${want.join(' ')} `);
  return { words: want.length, missing, inOrder, presentationForms: countPresentationForms(extracted) };
}

/** True when the check found the source intact: every word whole, in order, no presentation forms. */
export function intact(check: WordCheck): boolean {
  return check.missing.length === 0 && check.inOrder && check.presentationForms === 0;
}
