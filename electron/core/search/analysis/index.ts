/**
 * The analyser: what a normalised word stands for beyond its own spelling. The index keeps exact
 * spellings only; at query time a word is widened to the dictionary words that share its stem or its
 * name key (variants.ts), so the exact spelling can still be asked for alone (`=word`, quotes) and
 * ranks above its variants.
 *
 * The language of a word is decided by its script, since one article mixes them: Latin → English
 * (Porter2), Arabic script → Arabic/Persian light stemming.
 */
import { stemArabicScript } from './arabic.js';
import { stemEnglish } from './english.js';

export { stemArabicScript } from './arabic.js';
export { stemEnglish } from './english.js';
export { arabicNameKey, latinNameKey, nameKey } from './names.js';

/**
 * 'linguistic' (the default): stems and name variants. 'baseline': exactly the analysis before it
 * (normalised spellings, prefixes and typos only), kept so the benchmarks can compare both in one run.
 */
export type Analysis = 'baseline' | 'linguistic';
export const DEFAULT_ANALYSIS: Analysis = 'linguistic';

/** Bump when a stemming or name rule changes: a saved index built by another analyser is rebuilt. */
export const ANALYZER_VERSION = 2;

/** The identity of an analysis as recorded in a saved index. */
export function analyzerId(analysis: Analysis): string {
  return analysis === 'baseline' ? 'baseline' : `linguistic-${ANALYZER_VERSION}`;
}

/** The stem of a normalised word by its script (the word itself when no rule applies). */
export function stem(term: string): string {
  const code = term.charCodeAt(0);
  if (code < 0x80) return stemEnglish(term);
  if (code >= 0x0600 && code <= 0x06ff) return stemArabicScript(term);
  return term;
}
