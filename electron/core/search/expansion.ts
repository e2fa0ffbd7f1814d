/**
 * From a query word to the dictionary words it stands for, each with the weight of its kind of match
 * (ranking.ts): the word itself, its stem and name variants (variants.ts), the words it begins (the
 * word being typed), and close spellings (typos).
 */
import type SearchableMap from 'minisearch/SearchableMap';
import { CROSS_SCRIPT_WEIGHT, EXACT_WEIGHT, FUZZY_WEIGHT, NAME_WEIGHT, PREFIX_WEIGHT, STEM_WEIGHT } from './ranking.js';
import type { VariantTable } from './variants.js';

const MAX_PREFIX_EXPANSIONS = 50;
const MAX_FUZZY_EXPANSIONS = 20;
/** A known word this rare may itself be a typo in the text: still look for close spellings. */
const FUZZY_WHEN_DF_AT_MOST = 2;

export function fuzzyDistance(term: string): number {
  const n = [...term].length;
  return n <= 3 ? 0 : n <= 7 ? 1 : 2;
}

/** A term of the dictionary a query word stands for, and how much a match on it counts. */
export interface Expansion {
  readonly termId: number;
  readonly term: string;
  readonly weight: number;
  /** A stem or name variant: scored with the query word's rarity when that is lower (ranking.ts). */
  readonly variant?: boolean;
}

/** What expansion needs of the index's dictionary. */
export interface Lexicon {
  readonly vocab: ReadonlyMap<string, number>;
  readonly terms: readonly string[];
  dictionary(): SearchableMap<number>;
  documentFrequency(id: number): number;
  /** The variant table, or null when variants are not wanted (baseline analysis, exact words). */
  variants(): VariantTable | null;
}

export function expandTerm(lexicon: Lexicon, term: string, prefix: boolean, fuzzy: boolean): Expansion[] {
  const { vocab, terms } = lexicon;
  const df = (id: number): number => lexicon.documentFrequency(id);
  const out: Expansion[] = [];
  const exact = vocab.get(term);
  if (exact !== undefined) out.push({ termId: exact, term, weight: EXACT_WEIGHT });
  const table = lexicon.variants();
  if (table) {
    const found = table.lookup(term, vocab, (prefix) => lexicon.dictionary().atPrefix(prefix));
    const add = (ids: readonly number[], weight: number): void => {
      for (const id of ids) out.push({ termId: id, term: terms[id] ?? '', weight, variant: true });
    };
    add(found.stems, STEM_WEIGHT);
    add(found.names, NAME_WEIGHT);
    add(found.crossScript, CROSS_SCRIPT_WEIGHT);
  }
  if (prefix) {
    const taken = new Set(out.map((e) => e.termId));
    const found: [string, number][] = [];
    for (const [t, id] of lexicon.dictionary().atPrefix(term)) if (!taken.has(id)) found.push([t, id]);
    found.sort((a, b) => df(b[1]) - df(a[1]));
    for (const [t, id] of found.slice(0, MAX_PREFIX_EXPANSIONS)) out.push({ termId: id, term: t, weight: PREFIX_WEIGHT });
  }
  // A known word is only widened to its nearest spellings (distance 1): distance 2 is for unknown words.
  const maxDistance = fuzzy ? Math.min(fuzzyDistance(term), exact === undefined ? 2 : 1) : 0;
  if (maxDistance > 0 && (exact === undefined || df(exact) <= FUZZY_WHEN_DF_AT_MOST)) {
    const already = new Set(out.map((e) => e.termId));
    const found: [string, number, number][] = [];
    // Closest spellings first: distance 2 is searched only when nothing is 1 away (it costs far more).
    for (let d = 1; d <= maxDistance && found.length === 0; d++) {
      for (const [t, [id, distance]] of lexicon.dictionary().fuzzyGet(term, d)) {
        if (!already.has(id)) found.push([t, id, distance]);
      }
    }
    found.sort((a, b) => a[2] - b[2] || df(b[1]) - df(a[1]));
    for (const [t, id, distance] of found.slice(0, MAX_FUZZY_EXPANSIONS)) {
      out.push({ termId: id, term: t, weight: FUZZY_WEIGHT[distance] ?? 0.2 });
    }
  }
  return out;
}
