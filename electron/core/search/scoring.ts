/**
 * The scoring kernel: BM25+ over one shard's posting lists into reusable typed arrays, phrase
 * candidates (every word present, word-pair filter passed), and top-k selection. Tight loops without
 * closures, so scores stay unboxed doubles and a query allocates almost nothing per posting.
 */
import { FIELD_BOOST, FIELD_COUNT } from './fields.js';
import { VARIANT_FIELD_BOOST } from './ranking.js';
import { SHARD_SIZE, bloomHas, findKey, type Shard } from './shard.js';

// BM25+ parameters, as MiniSearch uses them.
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;

/** A posting key with the weight of its match and its inverse document frequency. */
export interface KeyWeight {
  readonly key: number;
  readonly weight: number;
  readonly idf: number;
  /**
   * Which spelling of the query word this key belongs to (one per dictionary word, across fields):
   * a query word's score is its best spelling's, not their sum (accumulateWord).
   */
  readonly spelling: number;
  /** A stem or name variant: not boosted by its field (ranking.ts, VARIANT_FIELD_BOOST). */
  readonly variant: boolean;
}

/** Scratch arrays reused by every query (the index is single-threaded). */
export class Scratch {
  readonly scores = new Float64Array(SHARD_SIZE);
  readonly masks = new Uint32Array(SHARD_SIZE);
  readonly termMasks = new Uint32Array(SHARD_SIZE);
  readonly excluded = new Uint8Array(SHARD_SIZE);
  readonly exPhrase = new Uint32Array(SHARD_SIZE);
  readonly seen = new Uint8Array(SHARD_SIZE);
  readonly tmpScore = new Float64Array(SHARD_SIZE);
  readonly wordScore = new Float64Array(SHARD_SIZE);
  readonly wordMask = new Uint32Array(SHARD_SIZE);
  /** Unpacked postings of the open shard (at most one entry per document). */
  readonly openDocs = new Uint16Array(SHARD_SIZE);
  readonly openTfs = new Uint8Array(SHARD_SIZE);
  /** accumulateWord: one spelling's score per document, the word's best so far, and who has either. */
  readonly spellScore = new Float64Array(SHARD_SIZE);
  readonly bestScore = new Float64Array(SHARD_SIZE);
  readonly spellDocs = new Uint16Array(SHARD_SIZE);
  readonly wordDocs = new Uint16Array(SHARD_SIZE);
  readonly inSpell = new Uint8Array(SHARD_SIZE);
  readonly inWord = new Uint8Array(SHARD_SIZE);
  reset(): void {
    this.scores.fill(0);
    this.masks.fill(0);
    this.termMasks.fill(0);
    this.excluded.fill(0);
    this.exPhrase.fill(0);
  }
}

/**
 * The postings of one key in a shard as parallel views (doc numbers, frequencies): sealed shards
 * hand out their typed arrays, the open shard unpacks its lists into scratch buffers.
 */
export function postingsOf(shard: Shard, key: number, scratch: Scratch): { docs: ArrayLike<number>; tfs: ArrayLike<number>; start: number; end: number } | null {
  if (shard.sealed) {
    const i = findKey(shard.keys, key);
    if (i < 0) return null;
    return { docs: shard.docs, tfs: shard.tfs, start: shard.offsets[i] ?? 0, end: shard.offsets[i + 1] ?? 0 };
  }
  const list = shard.postings[key];
  if (!list) return null;
  const docs = scratch.openDocs;
  const tfs = scratch.openTfs;
  for (let p = 0; p < list.length; p++) {
    const packed = list[p] ?? 0;
    docs[p] = packed >>> 8;
    tfs[p] = packed & 255;
  }
  return { docs, tfs, start: 0, end: list.length };
}

/**
 * Adds `weight × boost × BM25+` of one posting list into `out` (no closures in the loop: scores stay
 * unboxed) and ORs `bit` into `mask` (and `mask2` when given) for each document.
 */
export function accumulate(
  shard: Shard,
  key: number,
  weight: number,
  idf: number,
  avg: number,
  scratch: Scratch,
  out: Float64Array,
  mask: Uint32Array,
  bit: number,
  mask2: Uint32Array | null,
): void {
  const postings = postingsOf(shard, key, scratch);
  if (!postings) return;
  const { docs, tfs, start, end } = postings;
  const f = key % FIELD_COUNT;
  const lens = shard.fieldLens;
  const w = weight * (FIELD_BOOST[f] ?? 1) * idf;
  const k1b = K1 * (1 - B);
  const k1bAvg = (K1 * B) / avg;
  for (let p = start; p < end; p++) {
    const doc = docs[p] as number;
    const tf = tfs[p] as number;
    const len = lens[doc * FIELD_COUNT + f] as number;
    out[doc] = (out[doc] as number) + w * (DELTA + (tf * (K1 + 1)) / (tf + k1b + k1bAvg * len));
    mask[doc] = (mask[doc] as number) | bit;
    if (mask2) mask2[doc] = (mask2[doc] as number) | bit;
  }
}

/**
 * Adds one query word's score into `out`: for each document, the best over the word's spellings
 * (the word itself, its stems and name variants, completions, typos) of that spelling's weighted
 * BM25+ summed over fields. Summing over spellings instead would let a story that uses two variants
 * ("السودانية" and "سودانية") or a variant in its title outrank one with the exact word in its body:
 * each spelling's own term frequency saturates separately, so two variants add up to more than one
 * exact match even at a lower weight (as Lucene's SynonymQuery avoids by scoring synonyms as one term).
 * A variant also gets no field boost (VARIANT_FIELD_BOOST), or a variant in a title would still outrank
 * the exact word in a body. `keys` come grouped by spelling (consecutive keys share `spelling`). Touched documents are kept in
 * lists so the cost follows the postings, not the shard size.
 */
export function accumulateWord(
  shard: Shard,
  keys: readonly KeyWeight[],
  avg: readonly number[],
  scratch: Scratch,
  out: Float64Array,
  mask: Uint32Array,
  bit: number,
  mask2: Uint32Array | null,
): void {
  const { spellScore, bestScore, spellDocs, wordDocs, inSpell, inWord } = scratch;
  let nWord = 0;
  let i = 0;
  while (i < keys.length) {
    const spelling = (keys[i] as KeyWeight).spelling;
    let nSpell = 0;
    for (; i < keys.length && (keys[i] as KeyWeight).spelling === spelling; i++) {
      const k = keys[i] as KeyWeight;
      const postings = postingsOf(shard, k.key, scratch);
      if (!postings) continue;
      const { docs, tfs, start, end } = postings;
      const f = k.key % FIELD_COUNT;
      const lens = shard.fieldLens;
      const w = k.weight * (k.variant ? VARIANT_FIELD_BOOST : (FIELD_BOOST[f] ?? 1)) * k.idf;
      const k1b = K1 * (1 - B);
      const k1bAvg = (K1 * B) / (avg[f] ?? 1);
      for (let p = start; p < end; p++) {
        const doc = docs[p] as number;
        const tf = tfs[p] as number;
        const len = lens[doc * FIELD_COUNT + f] as number;
        spellScore[doc] = (spellScore[doc] as number) + w * (DELTA + (tf * (K1 + 1)) / (tf + k1b + k1bAvg * len));
        if (!inSpell[doc]) {
          inSpell[doc] = 1;
          spellDocs[nSpell++] = doc;
        }
      }
    }
    for (let j = 0; j < nSpell; j++) {
      const doc = spellDocs[j] as number;
      const s = spellScore[doc] as number;
      if (!inWord[doc]) {
        inWord[doc] = 1;
        wordDocs[nWord++] = doc;
        bestScore[doc] = s;
      } else if (s > (bestScore[doc] as number)) {
        bestScore[doc] = s;
      }
      spellScore[doc] = 0;
      inSpell[doc] = 0;
    }
  }
  for (let j = 0; j < nWord; j++) {
    const doc = wordDocs[j] as number;
    out[doc] = (out[doc] as number) + (bestScore[doc] as number);
    mask[doc] = (mask[doc] as number) | bit;
    if (mask2) mask2[doc] = (mask2[doc] as number) | bit;
    bestScore[doc] = 0;
    inWord[doc] = 0;
  }
}

/** Sets `flags[doc] = 1` for every document of a posting list. */
export function flag(shard: Shard, key: number, scratch: Scratch, flags: Uint8Array): void {
  const postings = postingsOf(shard, key, scratch);
  if (!postings) return;
  for (let p = postings.start; p < postings.end; p++) flags[postings.docs[p] as number] = 1;
}

/**
 * Marks in `scratch.seen` the documents of a shard that contain every word of a phrase (each word
 * in any of its fields): seen[d] === words.length; their summed scores are in scratch.tmpScore.
 * Returns false when the phrase cannot match here.
 */
export function phraseDocs(
  shard: Shard,
  words: readonly (readonly KeyWeight[])[],
  pairs: readonly number[],
  avg: readonly number[],
  scratch: Scratch,
): boolean {
  if (words.length === 0 || words.length > 250) return false;
  const { seen, tmpScore, wordScore, wordMask } = scratch;
  seen.fill(0);
  tmpScore.fill(0);
  for (let w = 0; w < words.length; w++) {
    wordScore.fill(0);
    wordMask.fill(0);
    for (const k of words[w] ?? []) accumulate(shard, k.key, k.weight, k.idf, avg[k.key % FIELD_COUNT] ?? 1, scratch, wordScore, wordMask, 1, null);
    let any = false;
    for (let d = 0; d < shard.size; d++) {
      if (wordMask[d] && seen[d] === w) {
        seen[d] = w + 1;
        tmpScore[d] = (tmpScore[d] as number) + (wordScore[d] as number);
        any = true;
      }
    }
    if (!any) return false;
  }
  // Candidates whose word-pair filter lacks one of the phrase's pairs cannot contain it.
  const n = words.length;
  const blooms = shard.blooms;
  let any = false;
  for (let d = 0; d < shard.size; d++) {
    if (seen[d] !== n) continue;
    for (const pair of pairs) {
      if (!bloomHas(blooms, d, pair)) {
        seen[d] = 0;
        break;
      }
    }
    if (seen[d] === n) any = true;
  }
  return any;
}

/** Indices 0..n-1 of the k best by `better`, best first, without sorting everything. */
export function topK(n: number, k: number, better: (a: number, b: number) => boolean): number[] {
  if (k <= 0) return [];
  // A min-heap (worst of the kept at the root) of size k.
  const heap: number[] = [];
  const worse = (a: number, b: number): boolean => better(b, a);
  const up = (i: number): void => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i] ?? 0, heap[parent] ?? 0)) break;
      [heap[i], heap[parent]] = [heap[parent] ?? 0, heap[i] ?? 0];
      i = parent;
    }
  };
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l] ?? 0, heap[m] ?? 0)) m = l;
      if (r < heap.length && worse(heap[r] ?? 0, heap[m] ?? 0)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] ?? 0, heap[i] ?? 0];
      i = m;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < k) {
      heap.push(i);
      up(heap.length - 1);
    } else if (better(i, heap[0] ?? 0)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}
