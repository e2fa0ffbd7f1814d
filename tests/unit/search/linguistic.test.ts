/**
 * Issue 10 end to end through the search core: stems and name variants found, ranked below the word
 * as typed, marked in the snippet; quotes and =word stay exact; the baseline analysis misses them all.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SearchCore } from '../../../electron/core/search/searcher.js';
import type { SearchResponse } from '../../../electron/core/search/types.js';
import { addArticle, tempLibrary, type TestLibrary } from './helpers.js';
import { VARIANT_CASES, addVariantArticles } from './variants-library.js';

let t: TestLibrary;
let ids: Map<string, string>;

beforeEach(() => {
  t = tempLibrary();
  ids = addVariantArticles(t.library);
});
afterEach(() => t.cleanup());

function core(analysis?: 'baseline' | 'linguistic', crossScriptNames = false): SearchCore {
  const c = new SearchCore(t.library.db, t.library.searchDir, { ...(analysis ? { analysis } : {}), crossScriptNames });
  c.open();
  c.finish();
  return c;
}
const id = (file: string): string => ids.get(file) ?? `missing ${file}`;
// A trailing space: the analyst finished typing (no completion of the last word).
const run = (c: SearchCore, query: string): SearchResponse => c.search({ query: `${query} `, type: 'article' });
const marked = (r: SearchResponse, articleId: string): string[] => {
  const hit = r.results.find((h) => h.id === articleId);
  return hit ? hit.matches.map((m) => hit.snippet.slice(m.start, m.end)) : [];
};

describe('the examples of the issue', () => {
  for (const c of VARIANT_CASES) {
    test(`${c.query} finds "${c.marked}" and the article that has "${c.query}" itself`, () => {
      const r = run(core(), c.query);
      const found = r.results.map((h) => h.id);
      expect(found).toContain(id(c.file));
      expect(found).toContain(id(c.bare));
      expect(marked(r, id(c.file))).toContain(c.marked);
    });
  }

  test('the baseline analysis (before stemming) misses them, except where typo tolerance rescues a rare word', () => {
    const s = core('baseline');
    // "sanction" and عراقچی are in one article only, so they are widened to spellings one edit away
    // ("sanctions", عراقجي): in a real archive they are not rare, which is the point.
    for (const c of VARIANT_CASES.filter((v) => v.query !== 'sanction' && v.query !== 'عراقچی')) {
      expect(run(s, c.query).results.map((h) => h.id), c.query).not.toContain(id(c.file));
    }
  });
});

test('titles mark the words as written too (the snippet marks one field)', () => {
  const r = run(core(), 'embassy');
  const hit = r.results.find((h) => h.id === id('en-embassies.txt'));
  expect(hit?.titleMatches?.map((m) => hit.title.slice(m.start, m.end))).toEqual(['embassies']);
  const ar = run(core(), 'عقوبات').results.find((h) => h.id === id('ar-sanctions.txt'));
  expect(ar?.titleMatches?.map((m) => ar.title.slice(m.start, m.end))).toEqual(['العقوبات']);
});

describe('ranking: exact spelling > stem or name variant > prefix > typo', () => {
  test('the same sentence ranks by how its word matched', () => {
    const lib = tempLibrary();
    try {
      const add = (text: string): string => addArticle(lib.library, { title: 'Note from the desk', text, language: 'en' });
      const exact = add('The embassy said little on Monday.');
      const stem = add('The embassies said little on Monday.');
      // (Not "embasy": a doubled letter written once is a name variant, Abbas/Abas.)
      const typo = add('The enbassy said little on Monday.');
      const s = new SearchCore(lib.library.db, lib.library.searchDir);
      s.open();
      s.finish();
      const r = s.search({ query: 'embassy ' });
      expect(r.results.map((h) => h.id)).toEqual([exact, stem, typo]);
      // While typing: the completed word ranks below the stem, above the typo.
      const prefix = add('The embassyman said little on Monday.');
      s.catchUp();
      const r2 = s.search({ query: 'embassy' });
      expect(r2.results.map((h) => h.id)).toEqual([exact, stem, prefix, typo]);
    } finally {
      lib.cleanup();
    }
  });

  test('a name variant ranks below the spelling typed', () => {
    const s = core();
    const r = run(s, 'Mohammed');
    expect(r.results.map((h) => h.id)).toEqual([id('en-mbs.txt'), id('en-ali.txt')]);
  });
});

describe('the exact spelling on request', () => {
  test('=word searches that spelling only', () => {
    const s = core();
    expect(run(s, '=embassy').results.map((h) => h.id)).toEqual([id('en-embassy.txt')]);
    expect(run(s, '=embassies').results.map((h) => h.id)).toEqual([id('en-embassies.txt')]);
    expect(run(s, '=تحریم').results.map((h) => h.id)).toEqual([id('fa-sanction.txt')]);
  });

  test('a quoted word or phrase is not stemmed', () => {
    const s = core();
    expect(run(s, '"sanction"').results.map((h) => h.id)).toEqual([id('en-sanction.txt')]);
    expect(run(s, '"their embassy"').results).toEqual([]);
    expect(run(s, '"their embassies"').results.map((h) => h.id)).toEqual([id('en-embassies.txt')]);
  });

  test('= in the baseline analysis is an ordinary character, as before', () => {
    expect(run(core('baseline'), '=embassy').results.map((h) => h.id)).toEqual([id('en-embassy.txt')]);
  });
});

describe('names', () => {
  test('al-/el- before a name searches the name in any of its spellings', () => {
    const s = core();
    expect(run(s, 'el-Araghchi').results.map((h) => h.id)).toContain(id('en-araqchi.txt'));
  });

  test('across scripts only when asked for (crossScriptNames): Araghchi ↔ عراقجي ↔ عراقچی', () => {
    const latin = [id('en-araqchi.txt'), id('en-araghchi.txt')];
    const arabicScript = [id('ar-araqchi.txt'), id('fa-araqchi.txt')];
    expect(run(core(), 'Araghchi').results.map((h) => h.id).sort()).toEqual([...latin].sort());
    const on = core('linguistic', true);
    const found = run(on, 'Araghchi');
    expect(found.results.map((h) => h.id).sort()).toEqual([...latin, ...arabicScript].sort());
    // Marked as written.
    expect(marked(found, id('ar-araqchi.txt'))).toContain('عراقجي');
    expect(run(on, 'عراقچی').results.map((h) => h.id)).toEqual(expect.arrayContaining(latin));
  });

  test('the Arabic spelling finds the Persian one and back', () => {
    const s = core();
    expect(run(s, 'عراقجي').results.map((h) => h.id)).toEqual([id('ar-araqchi.txt'), id('fa-araqchi.txt')]);
  });
});
