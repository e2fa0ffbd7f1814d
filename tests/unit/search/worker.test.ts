import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createSearchService } from '../../../electron/core/search/index.js';
import { defaultWorkerPath, WorkerSearchService } from '../../../electron/core/search/service.js';
import type { SearchService } from '../../../electron/core/search/types.js';
import { addArticle, addCorpus, tempLibrary, type TestLibrary } from './helpers.js';

let t: TestLibrary;
let ids: ReturnType<typeof addCorpus>;
let service: SearchService | null = null;

beforeEach(() => {
  if (!existsSync(defaultWorkerPath())) throw new Error('the worker is compiled JS: build first (npx tsc -p tsconfig.node.json)');
  t = tempLibrary();
  ids = addCorpus(t.library);
});
afterEach(async () => {
  await service?.close();
  service = null;
  t.cleanup();
});

async function untilReady(s: SearchService): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await s.status!()).ready) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('search never became ready');
}

describe('the worker-thread search service', () => {
  test('answers at once, becomes ready, finds the corpus cases', async () => {
    service = createSearchService(t.library, { mode: 'worker' });
    const early = await service.search({ query: '2016' });
    expect(typeof early.ready).toBe('boolean');
    await untilReady(service);
    const r = await service.search({ query: '2016' });
    expect(r.ready).toBe(true);
    expect(r.results.map((h) => h.id).sort()).toEqual([ids.en, ids.ar, ids.fa, ids.md].sort());
    expect((await service.search({ query: 'ایران' })).results.map((h) => h.id).sort()).toEqual([ids.ar, ids.fa].sort());
  });

  test('an edit is searchable as soon as refresh() resolves', async () => {
    service = createSearchService(t.library, { mode: 'worker' });
    await untilReady(service);
    const id = addArticle(t.library, { title: 'Fresh', text: 'A quokka appeared in the ministry garden.' });
    await service.refresh();
    expect((await service.search({ query: 'quokka' })).results.map((h) => h.id)).toEqual([id]);
  });

  test('changes written by another process are picked up by polling', async () => {
    service = createSearchService(t.library, { mode: 'worker', pollMs: 50 });
    await untilReady(service);
    const id = addArticle(t.library, { title: 'Polled', text: 'The wombat treaty.' });
    let hits: string[] = [];
    for (let i = 0; i < 100 && hits.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      hits = (await service.search({ query: 'wombat' })).results.map((h) => h.id);
    }
    expect(hits).toEqual([id]);
  });

  test('close saves the index: the next worker loads it instead of rebuilding', async () => {
    const first = new WorkerSearchService(t.library);
    await untilReady(first);
    addArticle(t.library, { title: 'Saved', text: 'Narwhal diplomacy.' });
    await first.refresh();
    await first.close();
    service = createSearchService(t.library, { mode: 'worker' });
    const status = await service.status!();
    expect(status.rebuilding).toBe(false);
    await untilReady(service);
    expect((await service.search({ query: 'narwhal' })).results).toHaveLength(1);
  });

  test('refresh() right after start waits for the saved index to load, then the edit is searchable', async () => {
    const first = new WorkerSearchService(t.library);
    await untilReady(first);
    await first.close();
    service = createSearchService(t.library, { mode: 'worker' });
    const id = addArticle(t.library, { title: 'Early', text: 'An okapi at the embassy.' });
    await service.refresh();
    const r = await service.search({ query: 'okapi' });
    expect(r.results.map((h) => h.id)).toEqual([id]);
  });

  test('rebuild() rebuilds while searching keeps working', async () => {
    service = createSearchService(t.library, { mode: 'worker' });
    await untilReady(service);
    const rebuilt = service.rebuild();
    const during = await service.search({ query: '2016' });
    expect(during.results.length).toBe(4);
    await rebuilt;
    expect((await service.status!()).ready).toBe(true);
  });

  test('after close, calls are refused in plain words', async () => {
    const s = createSearchService(t.library, { mode: 'worker' });
    await s.close();
    await expect(s.search({ query: 'x' })).rejects.toThrow(/closed/);
  });
});
