/**
 * The dictionary grouped by stem and by name key (analysis/), so a query word finds the words of the
 * archive it stands for without indexing anything twice: the postings keep exact spellings only, and
 * this table (derived from the dictionary, rebuilt when the index loads) maps keys to term ids.
 *
 * Only terms whose key differs from themselves are stored: the term spelled like the key is found in
 * the dictionary itself (checked to really have that key), which keeps the table to a fraction of the
 * vocabulary.
 */
import { variantKeys } from './analysis/index.js';
import { skeletonKey, skeletonScript } from './analysis/skeleton.js';

/** At most this many variants of each kind per query word (most-frequent dictionary order is not known here: first come). */
const MAX_VARIANTS = 40;
/** Cross-script skeletons are coarse: fewer of them. */
const MAX_CROSS_SCRIPT = 20;

export interface Variants {
  readonly stems: readonly number[];
  readonly names: readonly number[];
  /** Spellings of the name in the other script (only with `crossScript`). */
  readonly crossScript: readonly number[];
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
  /** Each term's keys, computed once per term (the query side asks again for the same few words). */
  private readonly keyCache = new Map<string, { stem: string; name: string | null }>();

  private keys(term: string): { stem: string; name: string | null } {
    let k = this.keyCache.get(term);
    if (!k) {
      k = variantKeys(term);
      if (this.keyCache.size > 10_000) this.keyCache.clear();
      this.keyCache.set(term, k);
    }
    return k;
  }

  /** Registers a dictionary term (every term, once, as it gets its id). */
  add(term: string, id: number): void {
    const { stem, name } = variantKeys(term);
    if (stem !== term) push(this.byStem, stem, id);
    if (name !== null && name !== term) push(this.byName, name, id);
    if (this.bySkeleton) {
      const skeleton = skeletonKey(term);
      if (skeleton !== null) push(this.bySkeleton, skeleton, id);
    }
  }

  /** The ids of the dictionary words sharing a stem or a name key with `term` (not `term` itself). */
  lookup(term: string, vocab: ReadonlyMap<string, number>): Variants {
    const own = vocab.get(term);
    const { stem, name } = this.keys(term);
    // The dictionary word spelled like the key belongs to the group only if that really is its own key.
    const stemWord = this.keys(stem).stem === stem ? vocab.get(stem) : undefined;
    const stems = collect(this.byStem.get(stem), stemWord, own);
    const nameWord = name !== null && this.keys(name).name === name ? vocab.get(name) : undefined;
    const names = name === null ? [] : collect(this.byName.get(name), nameWord, own).filter((id) => !stems.includes(id));
    return { stems, names, crossScript: this.crossScript(term) };
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
