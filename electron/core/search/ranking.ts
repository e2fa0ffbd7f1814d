/**
 * How much each kind of match counts, in one place. A document's score for a query word is the best,
 * over the dictionary words the query word stands for, of weight × field boost × BM25+ summed over
 * fields (the best, not the sum: two variants in one story must not add up to more than the word
 * itself; scoring.ts, accumulateWord). The weights order the kinds of match: exact spelling > same
 * stem or name variant > completion of the word being typed > typo.
 */

/** The word as typed (after normalisation). */
export const EXACT_WEIGHT = 1;
/** Another word with the same stem: "embassies" for embassy, "العقوبات" for عقوبات, "تحریم‌ها" for تحریم. */
export const STEM_WEIGHT = 0.7;
/** Another spelling of the same name: "Araqchi" for Araghchi, "عراقجي" for عراقچی. */
export const NAME_WEIGHT = 0.6;
/**
 * The field boost of a stem or name variant (fields.ts boosts titles 3×): the title's boost is for the
 * word itself, or "Universities …" in a title outranks "universe" in a body for the query universe, and
 * "Qassim date festival" in a title outranks Naim Qasim in a body for Qasim (bench/relevance measured it).
 */
export const VARIANT_FIELD_BOOST = 1;
/** The same name in the other script, by consonant skeleton ("عراقجي" for Araghchi); off unless crossScriptNames. */
export const CROSS_SCRIPT_WEIGHT = 0.55;
/** A word the typed prefix begins (type-ahead on the last word). */
export const PREFIX_WEIGHT = 0.5;
/** A close spelling, by edit distance (index 1 and 2; 0 is the word itself). */
export const FUZZY_WEIGHT: readonly number[] = [EXACT_WEIGHT, 0.4, 0.25];

/**
 * A variant (stem or name) is scored with the rarity of the word itself when that is lower: a rare
 * plural must not outrank a common singular only because it is rarer (BM25's idf would say so).
 */
export function variantIdf(variantIdf: number, exactIdf: number | undefined): number {
  return exactIdf === undefined ? variantIdf : Math.min(variantIdf, exactIdf);
}
