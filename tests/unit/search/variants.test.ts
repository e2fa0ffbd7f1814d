/** The variant table (dictionary grouped by stem and name key) and the analyser's version in the saved index. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { analyzerId } from '../../../electron/core/search/analysis/index.js';
import { normalize } from '../../../electron/core/search/normalize.js';
import { SearchCore } from '../../../electron/core/search/searcher.js';
import { MANIFEST, readManifest } from '../../../electron/core/search/store.js';
import { VariantTable } from '../../../electron/core/search/variants.js';
import { addArticle, tempLibrary, type TestLibrary } from './helpers.js';

describe('VariantTable', () => {
  const words = ['embassy', 'embassies', 'embassi', 'sanction', 'sanctions', 'araghchi', 'araqchi', 'mohammed', 'muhammad', 'العقوبات', 'عقوبات', 'عراقجي', 'عراقچي'].map(normalize);
  const vocab = new Map(words.map((w, i) => [w, i]));
  const table = new VariantTable();
  words.forEach((w, i) => table.add(w, i));
  const of = (word: string): { stems: string[]; names: string[] } => {
    const walk = (prefix: string): [string, number][] => [...vocab].filter(([w]) => w.startsWith(prefix));
    const v = table.lookup(normalize(word), vocab, walk);
    return { stems: v.stems.map((i) => words[i] ?? ''), names: v.names.map((i) => words[i] ?? '') };
  };

  test('a word finds the other words of its stem, not itself', () => {
    expect(of('embassy').stems.sort()).toEqual(['embassi', 'embassies']);
    expect(of('sanctions').stems).toEqual(['sanction']);
    expect(of('sanction').stems).toEqual(['sanctions']);
    expect(of('عقوبات').stems).toEqual(['العقوبات']);
  });

  test('a word that is not in the dictionary still finds its variants', () => {
    expect(of('sanctioned').stems.sort()).toEqual(['sanction', 'sanctions']);
    // Porter2 already gives mohamed and mohammed one stem (moham); muhammad comes by its name key.
    expect(of('Mohamed')).toEqual({ stems: ['mohammed'], names: ['muhammad'] });
  });

  test('names find their other spellings, in Latin and Arabic script', () => {
    expect(of('araghchi').names).toEqual(['araqchi']);
    expect(of('araqchi').names).toEqual(['araghchi']);
    expect(of('عراقچی').names).toEqual([normalize('عراقجي')]);
  });
});

describe('the analyser is recorded in the saved index', () => {
  let t: TestLibrary;
  beforeEach(() => {
    t = tempLibrary();
    addArticle(t.library, { title: 'Embassies reopen', text: 'Their embassies reopened on Monday.', language: 'en' });
  });
  afterEach(() => t.cleanup());

  const open = (analysis?: 'baseline' | 'linguistic'): SearchCore => {
    const core = new SearchCore(t.library.db, t.library.searchDir, analysis ? { analysis } : {});
    core.open();
    while (core.loading) core.step();
    return core;
  };

  test('an index saved by an older analyser (or none) is rebuilt, and then found by the query', () => {
    const first = open();
    first.finish();
    expect(readManifest(t.library.searchDir)?.analyzer).toBe(analyzerId('linguistic'));
    // As saved before the analyser existed: no analyzer field.
    const path = join(t.library.searchDir, MANIFEST);
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    delete manifest.analyzer;
    writeFileSync(path, JSON.stringify(manifest));

    const again = open();
    expect(again.status().rebuilding).toBe(true);
    again.finish();
    expect(readManifest(t.library.searchDir)?.analyzer).toBe(analyzerId('linguistic'));
    expect(again.search({ query: 'embassy ' }).total).toBe(1);

    // The current one loads without a rebuild.
    const third = open();
    expect(third.status()).toMatchObject({ rebuilding: false, ready: true });
  });

  test('the baseline and linguistic analyses do not load each other’s index', () => {
    open().finish();
    const baseline = open('baseline');
    expect(baseline.status().rebuilding).toBe(true);
    baseline.finish();
    expect(readManifest(t.library.searchDir)?.analyzer).toBe('baseline');
    expect(baseline.search({ query: 'embassy ' }).total).toBe(0);
  });
});
