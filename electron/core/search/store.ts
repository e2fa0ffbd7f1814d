/**
 * The index on disk, in the library's `search/` folder:
 *
 *   manifest.json          which files make the index, the change-log position it reflects, deletions
 *   vocab-<gen>.bin        the term dictionary (terms + document frequencies), CRC-checked
 *   shard-<n>-<gen>.bin    one file per shard (shard.ts), CRC-checked; full shards are never rewritten
 *
 * Crash safety: every file is written to a temporary name, flushed, then renamed; the manifest is
 * renamed last, so a process killed at any point leaves the previous manifest pointing at complete
 * files. Files the manifest does not name are removed later. Anything unreadable is reported as
 * CorruptIndexError and the caller rebuilds from the database.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { createLogger } from '../log.js';
import { DEFAULT_ANALYSIS, analyzerId, type Analysis } from './analysis/index.js';
import { SearchIndex, type IndexOptions } from './engine.js';
import { NORMALIZER_VERSION } from './normalize.js';
import { CorruptShardError, SHARD_SIZE, decodeShard, encodeShard, seal } from './shard.js';

const log = createLogger('search');

export const MANIFEST = 'manifest.json';
const FORMAT = 2;
const VOCAB_MAGIC = 0x31435651; // "QVC1"
/** A lock older than this belongs to a process that died while persisting. */
const LOCK_STALE_MS = 120_000;
/** Unreferenced files younger than this may belong to another process's persist in progress. */
const GARBAGE_AGE_MS = 60_000;

export interface ManifestShard {
  readonly file: string;
  readonly docs: number;
  /** Local numbers of deleted or replaced documents. */
  readonly dead: number[];
}

export interface Manifest {
  readonly format: number;
  readonly normalizer: number;
  /** The analyser that built it (analysis/index.ts `analyzerId`); absent before stemming existed. */
  readonly analyzer?: string;
  readonly seq: number;
  readonly vocab: { readonly file: string; readonly terms: number };
  readonly langs: string[];
  readonly shards: ManifestShard[];
  readonly writtenAt: string;
}

export class CorruptIndexError extends Error {}
/** The saved index is sound but was built by another version of the indexer or analyser: it is rebuilt, quietly. */
export class OutdatedIndexError extends CorruptIndexError {}

export function readManifest(dir: string): Manifest | null {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) return null;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CorruptIndexError(`unreadable manifest: ${String(error)}`);
  }
  const m = value as Partial<Manifest>;
  if (typeof m !== 'object' || m === null || !Array.isArray(m.shards) || typeof m.seq !== 'number' || !m.vocab || !Array.isArray(m.langs)) {
    throw new CorruptIndexError('manifest has the wrong shape');
  }
  return m as Manifest;
}

/** True when the saved index was written by this version of the indexer and analyser (else it is rebuilt). */
export function isCurrentFormat(m: Manifest, analysis: Analysis = DEFAULT_ANALYSIS): boolean {
  return m.format === FORMAT && m.normalizer === NORMALIZER_VERSION && m.analyzer === analyzerId(analysis);
}

function encodeVocab(terms: readonly string[], df: Uint32Array): Buffer {
  const text = Buffer.from(terms.join('\n'), 'utf8');
  const out = Buffer.alloc(16 + terms.length * 4 + text.length);
  out.set(new Uint8Array(df.buffer, df.byteOffset, terms.length * 4), 16);
  out.set(text, 16 + terms.length * 4);
  out.writeUInt32LE(VOCAB_MAGIC, 0);
  out.writeUInt32LE(terms.length, 4);
  out.writeUInt32LE(text.length, 8);
  out.writeUInt32LE(crc32(out.subarray(16)), 12);
  return out;
}

function decodeVocab(buf: Buffer): { terms: string[]; df: Uint32Array } {
  if (buf.length < 16 || buf.readUInt32LE(0) !== VOCAB_MAGIC) throw new CorruptIndexError('not a vocabulary file');
  const count = buf.readUInt32LE(4);
  const textBytes = buf.readUInt32LE(8);
  if (buf.length !== 16 + count * 4 + textBytes) throw new CorruptIndexError('vocabulary file has the wrong size');
  if (crc32(buf.subarray(16)) !== buf.readUInt32LE(12)) throw new CorruptIndexError('vocabulary checksum mismatch');
  const df = new Uint32Array(count);
  new Uint8Array(df.buffer).set(buf.subarray(16, 16 + count * 4));
  const terms = count === 0 ? [] : buf.toString('utf8', 16 + count * 4).split('\n');
  if (terms.length !== count) throw new CorruptIndexError('vocabulary file is inconsistent');
  return { terms, df };
}

/**
 * A saved index being loaded shard by shard, so a worker can answer between shards (from what is
 * loaded so far) instead of going silent for the whole load.
 */
export interface IndexLoader {
  readonly manifest: Manifest;
  /** The index as loaded so far (dictionary first, then shards in order). */
  readonly index: SearchIndex;
  /** Documents in the shards loaded so far / in all shards. */
  readonly progress: { done: number; total: number };
  /** Loads the next shard; false once everything is loaded. Throws CorruptIndexError. */
  next(): boolean;
}

function asCorrupt(error: unknown): unknown {
  if (error instanceof CorruptIndexError || error instanceof CorruptShardError) return new CorruptIndexError(error.message);
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new CorruptIndexError(`missing index file: ${String(error)}`);
  return error;
}

/** Opens the saved index (manifest and dictionary); null when there is none. Throws CorruptIndexError. */
export function openSavedIndex(dir: string, options: IndexOptions = {}): IndexLoader | null {
  const analysis = options.analysis ?? DEFAULT_ANALYSIS;
  const manifest = readManifest(dir);
  if (!manifest) return null;
  if (!isCurrentFormat(manifest, analysis)) {
    throw new OutdatedIndexError(`index written by another version (analyser ${manifest.analyzer ?? 'none'}, now ${analyzerId(analysis)})`);
  }
  const index = new SearchIndex(options);
  try {
    const vocab = decodeVocab(readFileSync(join(dir, manifest.vocab.file)));
    if (vocab.terms.length !== manifest.vocab.terms) throw new CorruptIndexError('vocabulary does not match the manifest');
    index.restoreVocabulary(vocab.terms, vocab.df, manifest.langs);
  } catch (error) {
    throw asCorrupt(error);
  }
  const progress = { done: 0, total: manifest.shards.reduce((n, s) => n + s.docs, 0) };
  let at = 0;
  return {
    manifest,
    index,
    progress,
    next(): boolean {
      const entry = manifest.shards[at];
      if (!entry) return false;
      try {
        const shard = decodeShard(readFileSync(join(dir, entry.file)));
        if (shard.size !== entry.docs) throw new CorruptIndexError('shard does not match the manifest');
        for (const local of entry.dead) if (local < shard.size) shard.alive[local] = 0;
        index.restoreShard(shard);
      } catch (error) {
        throw asCorrupt(error);
      }
      at++;
      progress.done += entry.docs;
      return at < manifest.shards.length;
    },
  };
}

/** Loads the whole saved index at once; null when there is none. Throws CorruptIndexError. */
export function loadIndex(dir: string, options: IndexOptions = {}): { index: SearchIndex; manifest: Manifest } | null {
  const loader = openSavedIndex(dir, options);
  if (!loader) return null;
  while (loader.next()) {
    // load every shard
  }
  return { index: loader.index, manifest: loader.manifest };
}

function writeFileDurably(path: string, data: Buffer | string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform can fsync a directory (Windows); the rename is still atomic.
  }
}

function generation(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0')}`;
}

/** Test hook: called between the steps of a persist, to simulate a crash at each one. */
export type PersistStep = 'vocab' | 'shard' | 'manifest';

/**
 * Saves the index as of change `seq`. Full shards already on disk are reused, so one edit rewrites
 * at most the tail shard (≤ 16k documents), the dictionary and the manifest.
 * Returns false when another process is persisting the same index right now.
 */
export function persistIndex(
  dir: string,
  index: SearchIndex,
  seq: number,
  options: { onStep?: (step: PersistStep) => void } = {},
): boolean {
  const lock = join(dir, 'persist.lock');
  try {
    const fd = openSync(lock, 'wx');
    closeSync(fd);
  } catch {
    try {
      if (Date.now() - statSync(lock).mtimeMs < LOCK_STALE_MS) return false;
      unlinkSync(lock);
      closeSync(openSync(lock, 'wx'));
    } catch {
      return false;
    }
  }
  try {
    let previous: Manifest | null = null;
    try {
      previous = readManifest(dir);
    } catch {
      previous = null;
    }
    const gen = generation();
    const vocabFile = `vocab-${gen}.bin`;
    writeFileDurably(join(dir, vocabFile), encodeVocab(index.terms, index.termDocFrequencies()));
    options.onStep?.('vocab');
    const shards: ManifestShard[] = index.shards.map((shard, n) => {
      const dead: number[] = [];
      for (let local = 0; local < shard.size; local++) if (!shard.alive[local]) dead.push(local);
      const old = previous?.shards[n];
      // A full sealed shard never changes: only its deletions (kept in the manifest) do.
      if (old && shard.sealed && shard.size === SHARD_SIZE && old.docs === shard.size && existsSync(join(dir, old.file))) {
        return { file: old.file, docs: shard.size, dead };
      }
      const file = `shard-${n}-${gen}.bin`;
      writeFileDurably(join(dir, file), encodeShard(shard.sealed ? shard : seal(shard)));
      options.onStep?.('shard');
      return { file, docs: shard.size, dead };
    });
    const manifest: Manifest = {
      format: FORMAT,
      normalizer: NORMALIZER_VERSION,
      analyzer: analyzerId(index.analysis),
      seq,
      vocab: { file: vocabFile, terms: index.terms.length },
      langs: [...index.langs],
      shards,
      writtenAt: new Date().toISOString(),
    };
    syncDir(dir);
    options.onStep?.('manifest');
    writeFileDurably(join(dir, MANIFEST), JSON.stringify(manifest));
    syncDir(dir);
    removeGarbage(dir, manifest);
    return true;
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      // Already gone.
    }
  }
}

/** Deletes index files the manifest does not name (superseded generations, leftovers of a crash). */
function removeGarbage(dir: string, manifest: Manifest): void {
  const keep = new Set([MANIFEST, 'persist.lock', manifest.vocab.file, ...manifest.shards.map((s) => s.file)]);
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    if (keep.has(name) || !/^(vocab-|shard-|manifest\.json\.)/.test(name)) continue;
    const path = join(dir, name);
    try {
      // Superseded files of our own generation chain can go at once; unknown young files may be another process's.
      const superseded = /^(vocab|shard)-/.test(name) && !name.endsWith('.tmp');
      if (superseded || now - statSync(path).mtimeMs > GARBAGE_AGE_MS) unlinkSync(path);
    } catch (error) {
      log.debug(`could not remove ${name}: ${String(error)}`);
    }
  }
}

/** Removes the saved index entirely (before a rebuild from scratch). */
export function clearIndex(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (name === MANIFEST || /^(vocab-|shard-|manifest\.json\.)/.test(name)) {
      try {
        unlinkSync(join(dir, name));
      } catch {
        // Gone already.
      }
    }
  }
}
