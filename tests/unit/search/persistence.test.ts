import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { latestChangeSeq } from '../../../electron/core/db/changes.js';
import { SearchCore } from '../../../electron/core/search/searcher.js';
import { SHARD_SIZE } from '../../../electron/core/search/shard.js';
import { MANIFEST, readManifest } from '../../../electron/core/search/store.js';
import { addArticle, addCorpus, tempLibrary, type TestLibrary } from './helpers.js';

let t: TestLibrary;
let ids: ReturnType<typeof addCorpus>;
beforeEach(() => {
  t = tempLibrary();
  ids = addCorpus(t.library);
});
afterEach(() => t.cleanup());

/** Opens and reads every saved shard (what the worker does in steps), without running a rebuild. */
function opened(): SearchCore {
  const core = new SearchCore(t.library.db, t.library.searchDir);
  core.open();
  while (core.loading) core.step();
  return core;
}
function built(): SearchCore {
  const core = opened();
  core.finish();
  return core;
}
const found = (core: SearchCore, query: string): string[] => core.search({ query }).results.map((h) => h.id).sort();
const ALL = (): string[] => [ids.en, ids.ar, ids.fa, ids.md].sort();

describe('saving and loading', () => {
  test('a first open rebuilds and saves; the next open loads without rebuilding', () => {
    const first = opened();
    expect(first.status().rebuilding).toBe(true);
    first.finish();
    expect(existsSync(join(t.library.searchDir, MANIFEST))).toBe(true);
    expect(readManifest(t.library.searchDir)?.seq).toBe(latestChangeSeq(t.library.db));

    const second = opened();
    expect(second.status()).toMatchObject({ ready: true, rebuilding: false, indexed: 4 });
    expect(found(second, '2016')).toEqual(ALL());
    expect(found(second, 'neighborlines')).toEqual([ids.en]);
  });

  test('shards load in steps; until then searches answer ready: false from what is loaded', () => {
    built();
    const core = new SearchCore(t.library.db, t.library.searchDir);
    core.open();
    expect(core.loading).toBe(true);
    const early = core.search({ query: '2016' });
    expect(early.ready).toBe(false);
    expect(core.status()).toMatchObject({ ready: false, rebuilding: false, progress: { done: 0, total: 4 } });
    while (core.step()) {
      // load the rest
    }
    expect(core.search({ query: '2016' })).toMatchObject({ ready: true, total: 4 });
  });

  test('at open, changes made since the save are caught up from the change log', () => {
    built();
    const added = addArticle(t.library, { title: 'Kuwait statement', text: 'Kuwait welcomed the 2016 anniversary talks.' });
    t.library.db.prepare(`DELETE FROM articles WHERE id = ?`).run(ids.fa);
    t.library.db.prepare(`UPDATE articles SET title = 'Renamed zeppelin' WHERE id = ?`).run(ids.en);
    const core = opened();
    expect(core.status()).toMatchObject({ ready: true, rebuilding: false, seq: latestChangeSeq(t.library.db) });
    expect(found(core, '2016')).toEqual([ids.en, ids.ar, ids.md, added].sort());
    expect(found(core, 'title:zeppelin')).toEqual([ids.en]);
  });

  test('an index newer than the database (a restored backup) is rebuilt', () => {
    built();
    const path = join(t.library.searchDir, MANIFEST);
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { seq: number };
    writeFileSync(path, JSON.stringify({ ...manifest, seq: manifest.seq + 1000 }));
    const core = opened();
    expect(core.status().rebuilding).toBe(true);
    core.finish();
    expect(found(core, '2016')).toEqual(ALL());
  });

  test('an index that disagrees with the database about what exists is rebuilt', () => {
    built();
    // A write that bypassed the log (e.g. a tool editing the file): counts no longer match.
    t.library.db.exec(`DROP TRIGGER articles_ad`);
    t.library.db.prepare(`DELETE FROM articles WHERE id = ?`).run(ids.ar);
    const core = opened();
    expect(core.status().rebuilding).toBe(true);
    core.finish();
    expect(found(core, '2016')).toEqual([ids.en, ids.fa, ids.md].sort());
  });
});

describe('damaged index files are rebuilt from the database', () => {
  const damage: [string, (dir: string) => void][] = [
    ['a flipped byte in a shard', (dir) => {
      const file = join(dir, readdirSync(dir).find((f) => f.startsWith('shard-'))!);
      const bytes = readFileSync(file);
      bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 0xff;
      writeFileSync(file, bytes);
    }],
    ['a truncated shard', (dir) => {
      const file = join(dir, readdirSync(dir).find((f) => f.startsWith('shard-'))!);
      writeFileSync(file, readFileSync(file).subarray(0, 100));
    }],
    ['a truncated vocabulary', (dir) => {
      const file = join(dir, readdirSync(dir).find((f) => f.startsWith('vocab-'))!);
      writeFileSync(file, readFileSync(file).subarray(0, 20));
    }],
    ['a missing shard file', (dir) => {
      const file = join(dir, readdirSync(dir).find((f) => f.startsWith('shard-'))!);
      unlinkSync(file);
    }],
    ['a manifest that is not JSON', (dir) => writeFileSync(join(dir, MANIFEST), '{"format":1,"seq":')],
    ['a manifest of the wrong shape', (dir) => writeFileSync(join(dir, MANIFEST), '[]')],
    ['a manifest from another format version', (dir) => {
      const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as object;
      writeFileSync(join(dir, MANIFEST), JSON.stringify({ ...m, format: 999 }));
    }],
  ];
  for (const [what, spoil] of damage) {
    test(what, () => {
      built();
      spoil(t.library.searchDir);
      const core = opened();
      expect(core.status().ready).toBe(false);
      // Search still answers while rebuilding (possibly partially), flagged not ready.
      expect(core.search({ query: '2016' }).ready).toBe(false);
      core.finish();
      expect(core.status().ready).toBe(true);
      expect(found(core, '2016')).toEqual(ALL());
      // And the rebuilt index was saved: the next open loads it.
      expect(opened().status().rebuilding).toBe(false);
    });
  }

  test('leftover temporary files from an interrupted save are ignored', () => {
    built();
    writeFileSync(join(t.library.searchDir, 'shard-0-zzzz.bin.123.tmp'), 'partial');
    writeFileSync(join(t.library.searchDir, 'manifest.json.123.tmp'), '{"half":');
    const core = opened();
    expect(core.status().rebuilding).toBe(false);
    expect(found(core, '2016')).toEqual(ALL());
  });
});

describe('a process killed while saving', () => {
  const dist = join(import.meta.dirname, '..', '..', '..', 'dist', 'electron', 'core');
  const script = (step: string): string => `
    import { openLibrary } from ${JSON.stringify(pathToFileURL(join(dist, 'library.js')).href)};
    import { SearchIndex } from ${JSON.stringify(pathToFileURL(join(dist, 'search', 'engine.js')).href)};
    import { persistIndex } from ${JSON.stringify(pathToFileURL(join(dist, 'search', 'store.js')).href)};
    import { allDocs } from ${JSON.stringify(pathToFileURL(join(dist, 'search', 'source.js')).href)};
    import { latestChangeSeq } from ${JSON.stringify(pathToFileURL(join(dist, 'db', 'changes.js')).href)};
    const library = openLibrary({ dir: process.argv[1] });
    const index = new SearchIndex();
    for (const type of ['article', 'annotation', 'note']) for (const batch of allDocs(library.db, type)) for (const d of batch) index.add(d);
    persistIndex(library.searchDir, index, latestChangeSeq(library.db), {
      onStep: (s) => { if (s === ${JSON.stringify(step)}) process.kill(process.pid, 'SIGKILL'); },
    });
  `;
  const moments: Record<string, string> = {
    vocab: 'after writing the new dictionary',
    shard: 'after writing a new shard',
    manifest: 'just before the new manifest replaces the old one',
  };
  for (const step of ['vocab', 'shard', 'manifest']) {
    test(`killed ${moments[step]}: the next open still answers correctly`, () => {
      if (!existsSync(join(dist, 'search', 'store.js'))) throw new Error('build first: npx tsc -p tsconfig.node.json');
      built();
      const before = readManifest(t.library.searchDir);
      const added = addArticle(t.library, { title: 'Doha update', text: 'Doha confirmed the 2016 timeline.' });
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script(step), t.library.dir], { encoding: 'utf8' });
      expect(child.signal).toBe('SIGKILL');
      // The old manifest is still the one in force, and it points at complete files.
      expect(readManifest(t.library.searchDir)).toEqual(before);
      const core = opened();
      expect(core.status().rebuilding).toBe(false);
      expect(found(core, '2016')).toEqual([...ALL(), added].sort());
      expect(found(core, 'doha')).toEqual([added]);
    });
  }
});

describe('saving is incremental', () => {
  test('full shards are not rewritten when one document changes', { timeout: 120_000 }, () => {
    const insert = t.library.db.transaction(() => {
      for (let i = 0; i < SHARD_SIZE + 10; i++) addArticle(t.library, { title: `Bulk ${i}`, text: `filler text number w${i} about trade` });
    });
    insert();
    const first = built();
    const m1 = readManifest(t.library.searchDir)!;
    expect(m1.shards.length).toBe(2);
    t.library.db.prepare(`UPDATE articles SET body_text = 'rewritten about fisheries' WHERE id = ?`).run(ids.en);
    first.catchUp();
    expect(first.persist(true)).toBe(true);
    const m2 = readManifest(t.library.searchDir)!;
    expect(m2.shards[0]!.file).toBe(m1.shards[0]!.file);
    expect(m2.shards[1]!.file).not.toBe(m1.shards[1]!.file);
    // The replaced copy is a tombstone in the full shard, recorded in the manifest.
    expect(m2.shards[0]!.dead.length).toBe(1);
    const core = opened();
    expect(found(core, 'fisheries')).toEqual([ids.en]);
    expect(found(core, 'neighborliness')).toEqual([]);
    expect(core.search({ query: 'trade' }).total).toBe(SHARD_SIZE + 10);
  });
});
