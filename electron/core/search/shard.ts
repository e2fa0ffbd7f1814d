/**
 * A shard holds up to SHARD_SIZE documents and their postings. Why not MiniSearch's own maps: a
 * posting in a JS Map costs ~30 bytes and a 100k-article library has ~25 million postings, which is
 * the 1.5 GB heap the issue measured. Here a sealed posting costs 3 bytes (a 16-bit local document
 * number and an 8-bit term frequency in typed arrays), loads with one file read, and sealed shards
 * never change: an edit tombstones the old copy and appends the new one to the open (tail) shard.
 *
 * Posting lists are keyed by `termId * FIELD_COUNT + field` and sorted by local document number.
 */
import { crc32 } from 'node:zlib';
import { FIELD_COUNT } from './fields.js';

/** 16-bit local document numbers. */
export const SHARD_SIZE = 16_384;

/**
 * Per document, a Bloom filter of its adjacent word pairs (2048 bits, two probes per pair). A phrase
 * candidate whose pairs are not all in the filter cannot contain the phrase, so most wrong candidates
 * are dropped without reading their text (~20% false positives per pair for a 600-word article).
 */
export const BLOOM_BYTES = 256;
const BLOOM_MASK = BLOOM_BYTES * 8 - 1;

/** 32-bit FNV-1a of a term. */
export function termHash(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The hash of a pair of adjacent terms. */
export function pairHash(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ b, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function bloomAdd(blooms: Uint8Array, doc: number, pair: number): void {
  const base = doc * BLOOM_BYTES;
  const p1 = pair & BLOOM_MASK;
  const p2 = (pair >>> 16) & BLOOM_MASK;
  blooms[base + (p1 >>> 3)] = (blooms[base + (p1 >>> 3)] as number) | (1 << (p1 & 7));
  blooms[base + (p2 >>> 3)] = (blooms[base + (p2 >>> 3)] as number) | (1 << (p2 & 7));
}

export function bloomHas(blooms: Uint8Array, doc: number, pair: number): boolean {
  const base = doc * BLOOM_BYTES;
  const p1 = pair & BLOOM_MASK;
  const p2 = (pair >>> 16) & BLOOM_MASK;
  return ((blooms[base + (p1 >>> 3)] as number) & (1 << (p1 & 7))) !== 0 && ((blooms[base + (p2 >>> 3)] as number) & (1 << (p2 & 7))) !== 0;
}

export interface ShardDocs {
  readonly ids: string[];
  readonly types: Uint8Array;
  readonly langs: Uint8Array;
  readonly dates: Int32Array;
  /** Terms per field per document: fieldLens[doc * FIELD_COUNT + field]. */
  readonly fieldLens: Uint16Array;
  /** 1 while the document is current; 0 once it was deleted or replaced. */
  readonly alive: Uint8Array;
  /** Word-pair Bloom filters, BLOOM_BYTES per document. */
  readonly blooms: Uint8Array;
}

export interface SealedShard extends ShardDocs {
  readonly sealed: true;
  readonly size: number;
  readonly keys: Uint32Array;
  readonly offsets: Uint32Array;
  readonly docs: Uint16Array;
  readonly tfs: Uint8Array;
}

export interface OpenShard extends ShardDocs {
  readonly sealed: false;
  size: number;
  /**
   * Packed postings by key: doc * 256 + tf (small integers, so V8 keeps them unboxed). A plain array
   * indexed by key (holes where a key has no posting): much faster than a Map while indexing.
   */
  readonly postings: (number[] | undefined)[];
}

export type Shard = SealedShard | OpenShard;

export function newOpenShard(): OpenShard {
  return {
    sealed: false,
    size: 0,
    ids: [],
    types: new Uint8Array(SHARD_SIZE),
    langs: new Uint8Array(SHARD_SIZE),
    dates: new Int32Array(SHARD_SIZE),
    fieldLens: new Uint16Array(SHARD_SIZE * FIELD_COUNT),
    alive: new Uint8Array(SHARD_SIZE),
    blooms: new Uint8Array(SHARD_SIZE * BLOOM_BYTES),
    postings: [],
  };
}

/** Appends one document: `keys[i]` (posting key) occurs `tfs[i]` times. Returns its local number. */
export function appendDoc(
  shard: OpenShard,
  doc: { id: string; type: number; lang: number; date: number; lengths: readonly number[] },
  keys: readonly number[],
  tfs: readonly number[],
  pairs: readonly number[],
): number {
  const local = shard.size;
  if (local >= SHARD_SIZE) throw new Error('shard is full');
  shard.ids.push(doc.id);
  shard.types[local] = doc.type;
  shard.langs[local] = doc.lang;
  shard.dates[local] = doc.date;
  for (let f = 0; f < FIELD_COUNT; f++) shard.fieldLens[local * FIELD_COUNT + f] = Math.min(doc.lengths[f] ?? 0, 0xffff);
  shard.alive[local] = 1;
  for (const pair of pairs) bloomAdd(shard.blooms, local, pair);
  const packedDoc = local * 256;
  const postings = shard.postings;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as number;
    const packed = packedDoc + Math.min(tfs[i] as number, 255);
    const list = postings[key];
    if (list) list.push(packed);
    else {
      // Grow with undefined (not holes) so the array stays in a fast elements kind.
      while (postings.length < key) postings.push(undefined);
      postings[key] = [packed];
    }
  }
  shard.size = local + 1;
  return local;
}

/** Freezes an open shard into the compact form (when it is full, and to write it to disk). */
export function seal(shard: OpenShard): SealedShard {
  let keyCount = 0;
  let total = 0;
  for (const list of shard.postings) {
    if (!list) continue;
    keyCount++;
    total += list.length;
  }
  const keys = new Uint32Array(keyCount);
  const offsets = new Uint32Array(keyCount + 1);
  const docs = new Uint16Array(total);
  const tfs = new Uint8Array(total);
  let at = 0;
  let i = 0;
  shard.postings.forEach((list, key) => {
    if (!list) return;
    keys[i] = key;
    offsets[i] = at;
    for (const packed of list) {
      docs[at] = packed >>> 8;
      tfs[at] = packed & 255;
      at++;
    }
    i++;
  });
  offsets[keyCount] = at;
  const n = shard.size;
  return {
    sealed: true,
    size: n,
    ids: shard.ids.slice(0, n),
    types: shard.types.slice(0, n),
    langs: shard.langs.slice(0, n),
    dates: shard.dates.slice(0, n),
    fieldLens: shard.fieldLens.slice(0, n * FIELD_COUNT),
    alive: shard.alive.slice(0, n),
    blooms: shard.blooms.slice(0, n * BLOOM_BYTES),
    keys,
    offsets,
    docs,
    tfs,
  };
}

/** Reopens the tail shard read from disk so it can take more documents. */
export function unseal(shard: SealedShard): OpenShard {
  const open = newOpenShard();
  open.size = shard.size;
  open.ids.push(...shard.ids);
  open.types.set(shard.types);
  open.langs.set(shard.langs);
  open.dates.set(shard.dates);
  open.fieldLens.set(shard.fieldLens);
  open.alive.set(shard.alive);
  open.blooms.set(shard.blooms);
  for (let i = 0; i < shard.keys.length; i++) {
    const start = shard.offsets[i] ?? 0;
    const end = shard.offsets[i + 1] ?? 0;
    const list = new Array<number>(end - start);
    for (let p = start; p < end; p++) list[p - start] = (shard.docs[p] ?? 0) * 256 + (shard.tfs[p] ?? 0);
    const key = shard.keys[i] ?? 0;
    while (open.postings.length < key) open.postings.push(undefined);
    open.postings[key] = list;
  }
  return open;
}

/** Binary search for a posting key in a sealed shard; -1 when absent. */
export function findKey(keys: Uint32Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid] ?? 0;
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Documents containing a posting key (its document frequency in this shard). */
export function postingLength(shard: Shard, key: number): number {
  if (shard.sealed) {
    const i = findKey(shard.keys, key);
    return i < 0 ? 0 : (shard.offsets[i + 1] ?? 0) - (shard.offsets[i] ?? 0);
  }
  return shard.postings[key]?.length ?? 0;
}

// ---- On disk ----

const MAGIC = 0x32485351; // "QSH2"
const HEADER_BYTES = 32;

export class CorruptShardError extends Error {}

/** The shard as bytes (alive flags are not stored here: deletions live in the manifest). */
export function encodeShard(shard: SealedShard): Buffer {
  const n = shard.size;
  const ids = Buffer.from(shard.ids.join('\n'), 'utf8');
  const postings = shard.docs.length;
  const sizes = [
    n * 4, // dates
    shard.keys.length * 4,
    shard.offsets.length * 4,
    n * FIELD_COUNT * 2,
    postings * 2,
    n * BLOOM_BYTES,
    n, // types
    n, // langs
    postings, // tfs
    ids.length,
  ];
  const body = sizes.reduce((a, b) => a + b, 0);
  const out = Buffer.alloc(HEADER_BYTES + body);
  let at = HEADER_BYTES;
  const put = (view: ArrayBufferView): void => {
    out.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), at);
    at += view.byteLength;
  };
  put(shard.dates);
  put(shard.keys);
  put(shard.offsets);
  put(shard.fieldLens);
  put(shard.docs);
  put(shard.blooms);
  put(shard.types);
  put(shard.langs);
  put(shard.tfs);
  put(ids);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(n, 4);
  out.writeUInt32LE(shard.keys.length, 8);
  out.writeUInt32LE(postings, 12);
  out.writeUInt32LE(ids.length, 16);
  out.writeUInt32LE(crc32(out.subarray(HEADER_BYTES)), 20);
  return out;
}

/** Reads a shard written by encodeShard; throws CorruptShardError on any inconsistency. */
export function decodeShard(input: Buffer): SealedShard {
  if (input.length < HEADER_BYTES || input.readUInt32LE(0) !== MAGIC) throw new CorruptShardError('not a shard file');
  const n = input.readUInt32LE(4);
  const keyCount = input.readUInt32LE(8);
  const postings = input.readUInt32LE(12);
  const idBytes = input.readUInt32LE(16);
  const expected = HEADER_BYTES + n * 4 + keyCount * 4 + (keyCount + 1) * 4 + n * FIELD_COUNT * 2 + postings * 2 + n * BLOOM_BYTES + n * 2 + postings + idBytes;
  if (input.length !== expected || n > SHARD_SIZE) throw new CorruptShardError('shard file has the wrong size');
  if (crc32(input.subarray(HEADER_BYTES)) !== input.readUInt32LE(20)) throw new CorruptShardError('shard checksum mismatch');
  // Typed views need aligned offsets: copy in the rare case the buffer is not 4-aligned.
  const buf = input.byteOffset % 4 === 0 ? input : Buffer.from(input);
  const ab = buf.buffer;
  let at = buf.byteOffset + HEADER_BYTES;
  const take = <T>(make: (b: ArrayBufferLike, o: number, l: number) => T, count: number, width: number): T => {
    const view = make(ab, at, count);
    at += count * width;
    return view;
  };
  const dates = take((b, o, l) => new Int32Array(b, o, l), n, 4);
  const keys = take((b, o, l) => new Uint32Array(b, o, l), keyCount, 4);
  const offsets = take((b, o, l) => new Uint32Array(b, o, l), keyCount + 1, 4);
  const fieldLens = take((b, o, l) => new Uint16Array(b, o, l), n * FIELD_COUNT, 2);
  const docs = take((b, o, l) => new Uint16Array(b, o, l), postings, 2);
  const blooms = take((b, o, l) => new Uint8Array(b, o, l), n * BLOOM_BYTES, 1);
  const types = take((b, o, l) => new Uint8Array(b, o, l), n, 1);
  const langs = take((b, o, l) => new Uint8Array(b, o, l), n, 1);
  const tfs = take((b, o, l) => new Uint8Array(b, o, l), postings, 1);
  const idText = buf.toString('utf8', at - buf.byteOffset, at - buf.byteOffset + idBytes);
  const ids = n === 0 ? [] : idText.split('\n');
  if (ids.length !== n || (offsets[keyCount] ?? -1) !== postings) throw new CorruptShardError('shard file is inconsistent');
  return { sealed: true, size: n, ids, types, langs, dates, fieldLens, alive: new Uint8Array(n).fill(1), blooms, keys, offsets, docs, tfs };
}
