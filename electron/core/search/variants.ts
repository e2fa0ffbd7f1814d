/**
 * From a query word to the words of the dictionary that share its stem or its name key (analysis/),
 * so a query finds the words of the archive it stands for without indexing anything twice: the
 * postings keep exact spellings only.
 *
 * English stems are found at query time: every word with Porter2 stem S begins with S less its last
 * letter (embassy, embassies → embassi; hoping, hope → hope), so the dictionary's prefix walk gives
 * the candidates and only those are stemmed. Porter2 costs microseconds a word, too slow to run over a
 * 100k-article vocabulary when the index loads. Arabic-script stems and name keys are cheap (a few
 * string tests) and are kept in tables built from the dictionary as it loads; only terms whose key
 * differs from themselves are stored (the term spelled like the key is found in the dictionary
 * itself, checked to really have that key).
 */
import { nameKey, stemArabicScript, stemEnglish } from './analysis/index.js';
import { skeletonKey, skeletonScript } from './analysis/skeleton.js';

/** At most this many variants of each kind per query word. */
const MAX_VARIANTS = 40;
/** Cross-script skeletons are coarse: fewer of them. */
const MAX_CROSS_SCRIPT = 20;
/** Dictionary words looked at for one English stem (bounds the cost of a short, common stem). */
const MAX_STEM_CANDIDATES = 3_000;
/** Stems shorter than this are looked up as themselves (their shorter prefix is shared by too many words). */
const SHORT_STEM = 5;

export interface Variants {
  readonly stems: readonly number[];
  readonly names: readonly number[];
  /** Spellings of the name in the other script (only with `crossScript`). */
  readonly crossScript: readonly number[];
}

/** The dictionary's words that begin with a prefix (SearchableMap.atPrefix). */
export type PrefixWalk = (prefix: string) => Iterable<[string, number]>;

const isLatin = (term: string): boolean => term.charCodeAt(0) < 0x80;
const isArabicScript = (term: string): boolean => {
  const code = term.charCodeAt(0);
  return code >= 0x0600 && code <= 0x06ff;
};

/** Porter2 stems, remembered: the same candidates come back query after query. */
const englishStems = new Map<string, string>();
function englishStem(term: string): string {
  let stem = englishStems.get(term);
  if (stem === undefined) {
    stem = stemEnglish(term);
    if (englishStems.size >= 50_000) englishStems.clear();
    englishStems.set(term, stem);
  }
  return stem;
}

export class VariantTable {
  private readonly byStem = new Map<string, number[]>();
  private readonly byName = new Map<string, number[]>();
  /** Consonant skeleton → terms (every Latin and Arabic-script term that has one), when enabled. */
  private readonly bySkeleton: Map<string, number[]> | null;
  private readonly scriptOf: (id: number) => string | null;

  /** `terms` resolves ids for the cross-script check (the dictionary's own array). */
  constructor(options: { crossScript?: boolean; terms?: readonly string[] } = {}) {
    this.bySkeleton = options.crossScript ? new Map() : null;
    const terms = options.terms ?? [];
    this.scriptOf = (id) => skeletonScript(terms[id] ?? '');
  }

  /** Registers a dictionary term (every term, once, as it gets its id). */
  add(term: string, id: number): void {
    if (isArabicScript(term)) {
      const stem = stemArabicScript(term);
      if (stem !== term) push(this.byStem, stem, id);
    }
    const name = nameKey(term);
    if (name !== null && name !== term) push(this.byName, name, id);
    if (this.bySkeleton) {
      const skeleton = skeletonKey(term);
      if (skeleton !== null) push(this.bySkeleton, skeleton, id);
    }
  }

  /** The ids of the dictionary words sharing a stem or a name key with `term` (not `term` itself). */
  lookup(term: string, vocab: ReadonlyMap<string, number>, walk: PrefixWalk): Variants {
    const own = vocab.get(term);
    let stems: number[] = [];
    if (isLatin(term)) {
      stems = this.englishVariants(term, own, vocab, walk);
    } else if (isArabicScript(term)) {
      const stem = stemArabicScript(term);
      // The dictionary word spelled like the stem belongs to the group only if that really is its own stem.
      const stemWord = stemArabicScript(stem) === stem ? vocab.get(stem) : undefined;
      stems = collect(this.byStem.get(stem), stemWord, own);
    }
    const name = nameKey(term);
    const nameWord = name !== null && nameKey(name) === name ? vocab.get(name) : undefined;
    const names = name === null ? [] : collect(this.byName.get(name), nameWord, own).filter((id) => !stems.includes(id));
    return { stems, names, crossScript: this.crossScript(term) };
  }

  private englishVariants(term: string, own: number | undefined, vocab: ReadonlyMap<string, number>, walk: PrefixWalk): number[] {
    const stem = englishStem(term);
    if (!/^[a-z]{3,}$/.test(stem)) return [];
    const out: number[] = [];
    let looked = 0;
    for (const [word, id] of walk(stem.length >= SHORT_STEM ? stem.slice(0, -1) : stem)) {
      if (++looked > MAX_STEM_CANDIDATES || out.length >= MAX_VARIANTS) break;
      if (id !== own && englishStem(word) === stem) out.push(id);
    }
    // A short stem ending in i (spy → spi): the y spelling does not begin with it.
    if (stem.length < SHORT_STEM && stem.endsWith('i')) {
      const y = vocab.get(`${stem.slice(0, -1)}y`);
      if (y !== undefined && y !== own && !out.includes(y) && englishStem(`${stem.slice(0, -1)}y`) === stem) out.push(y);
    }
    return out;
  }

  /** Terms of the other script with the same consonant skeleton. */
  private crossScript(term: string): number[] {
    if (!this.bySkeleton) return [];
    const skeleton = skeletonKey(term);
    const script = skeletonScript(term);
    if (skeleton === null) return [];
    const out: number[] = [];
    for (const id of this.bySkeleton.get(skeleton) ?? []) {
      if (out.length >= MAX_CROSS_SCRIPT) break;
      if (this.scriptOf(id) !== script) out.push(id);
    }
    return out;
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

function collect(listed: readonly number[] | undefined, spelledAsKey: number | undefined, own: number | undefined): number[] {
  const out: number[] = [];
  if (spelledAsKey !== undefined && spelledAsKey !== own) out.push(spelledAsKey);
  for (const id of listed ?? []) {
    if (out.length >= MAX_VARIANTS) break;
    if (id !== own && id !== spelledAsKey) out.push(id);
  }
  return out;
}
