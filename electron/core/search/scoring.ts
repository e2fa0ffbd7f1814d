/**
 * The scoring kernel: BM25+ over one shard's posting lists into reusable typed arrays, phrase
 * candidates (every word present, word-pair filter passed), and top-k selection. Tight loops without
 * closures, so scores stay unboxed doubles and a query allocates almost nothing per posting.
 */
import { FIELD_BOOST, FIELD_COUNT } from './fields.js';
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
