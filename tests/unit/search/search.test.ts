import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { InlineSearchService } from '../../../electron/core/search/service.js';
import type { SearchResponse } from '../../../electron/core/search/types.js';
import { addAnnotation, addArticle, addCorpus, addLabel, addNote, tempLibrary, type TestLibrary } from './helpers.js';

let t: TestLibrary;
let search: InlineSearchService;
let ids: ReturnType<typeof addCorpus>;

beforeEach(() => {
  t = tempLibrary();
  ids = addCorpus(t.library);
  search = new InlineSearchService(t.library);
});
afterEach(async () => {
  await search.close();
  t.cleanup();
});

const found = (r: SearchResponse): string[] => r.results.map((h) => h.id).sort();
const q = (query: string, extra: { type?: 'article' | 'annotation' | 'note'; limit?: number } = {}) =>
  search.search({ query, ...extra });

describe('the corpus README cases', () => {
  test('2016 finds every article whatever the digits', async () => {
    expect(found(await q('2016'))).toEqual([ids.en, ids.ar, ids.fa, ids.md].sort());
    expect(found(await q('٢٠١٦'))).toEqual([ids.en, ids.ar, ids.fa, ids.md].sort());
    expect(found(await q('۲۰۱۶'))).toEqual([ids.en, ids.ar, ids.fa, ids.md].sort());
  });

  test('ايران, إيران and ایران find the same Arabic and Persian articles', async () => {
    const a = found(await q('ايران'));
    expect(a).toEqual([ids.ar, ids.fa].sort());
    expect(found(await q('إيران'))).toEqual(a);
    expect(found(await q('ایران'))).toEqual(a);
  });

  test('الدبلوماسية finds الدّبلوماسيّة', async () => {
    const r = await q('الدبلوماسية');
    expect(found(r)).toContain(ids.ar);
    const hit = r.results.find((h) => h.id === ids.ar)!;
    const marked = hit.matches.map((m) => hit.snippet.slice(m.start, m.end));
    expect(marked.length).toBeGreaterThan(0);
  });

  test('neighbourliness and the typo neighborlines find the English article', async () => {
    expect(found(await q('neighbourliness'))).toEqual([ids.en]);
    expect(found(await q('neighborlines'))).toEqual([ids.en]);
  });
});

describe('query language', () => {
  test('AND by default, OR on request', async () => {
    expect(found(await q('Sudan neighborliness'))).toEqual([]);
    expect(found(await q('Sudan OR neighborliness'))).toEqual([ids.en, ids.md].sort());
    expect(found(await q('Beijing Manama'))).toEqual([ids.en, ids.md].sort());
  });

  test('-word leaves out', async () => {
    expect(found(await q('Iran -Sudan'))).toEqual([ids.en]);
    expect(found(await q('Iran -Sudan -neighborliness'))).toEqual([]);
  });

  test('"exact phrase" is checked against the stored text', async () => {
    expect(found(await q('"good neighborliness"'))).toEqual([ids.en]);
    // Both words are in the English article, but never in this order.
    expect(found(await q('"neighborliness good"'))).toEqual([]);
    expect(found(await q('"principles of good neighborliness"'))).toEqual([ids.en]);
    expect(found(await q('Iran -"good neighborliness"'))).toEqual([ids.md]);
  });

  test('a phrase match is marked as a whole in the snippet', async () => {
    const hit = (await q('"good neighborliness"')).results[0]!;
    expect(hit.matches.map((m) => hit.snippet.slice(m.start, m.end))).toContain('good neighborliness');
  });

  test('field:value', async () => {
    expect(found(await q('title:Riyadh'))).toEqual([ids.md]);
    expect(found(await q('title:neighborliness'))).toEqual([]);
    expect(found(await q('source:"policy review"'))).toEqual([ids.md]);
    expect(found(await q('tag:china'))).toEqual([ids.md]);
    expect(found(await q('author:desk'))).toEqual([ids.md]);
    expect(found(await q('lang:fa'))).toEqual([ids.fa]);
    expect(found(await q('lang:ar 2016'))).toEqual([ids.ar]);
  });

  test('dates: after is inclusive, before exclusive; undated articles never match', async () => {
    expect(found(await q('2016 after:2024-06-25'))).toEqual([ids.en, ids.ar].sort());
    expect(found(await q('2016 before:2024'))).toEqual([ids.md]);
    expect(found(await q('after:1900'))).not.toContain(ids.fa);
  });

  test('prefix completion of the word being typed', async () => {
    expect(found(await q('neighborl'))).toEqual([ids.en]);
    expect(found(await q('Bahr'))).toContain(ids.en);
  });

  test('malformed queries answer what they can with a warning', async () => {
    const r = await q('"good neighborliness');
    expect(found(r)).toEqual([ids.en]);
    expect(r.warning).toMatch(/not closed/);
    const lone = await q('Sudan -');
    expect(found(lone)).toEqual([ids.md]);
    expect(lone.warning).toMatch(/lone/);
    expect((await q('')).total).toBe(0);
  });

  test('filters from the UI mean the same as query words', async () => {
    const r = await search.search({ query: '2016', filters: { langs: ['ar'] } });
    expect(found(r)).toEqual([ids.ar]);
    const tagged = await search.search({ query: 'restore', filters: { tags: ['Saudi Arabia'], after: '2023' } });
    expect(found(tagged)).toEqual([ids.md]);
  });
});

describe('ranking', () => {
  test('a title match ranks above a body-only match', async () => {
    const r = await q('Riyadh');
    expect(r.results[0]?.id).toBe(ids.md);
  });

  test('exact matches rank above typo matches', async () => {
    const exact = addArticle(t.library, { title: 'Note on policy', text: 'The word here is coordinate, spelled right.' });
    const other = addArticle(t.library, { title: 'Another', text: 'Here we only have coordinata, a misspelling.' });
    const r = await q('coordinate ');
    const order = r.results.map((h) => h.id);
    expect(order.indexOf(exact)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(other) === -1 || order.indexOf(exact) < order.indexOf(other)).toBe(true);
  });

  test('limit caps the page but total counts everything', async () => {
    const r = await q('2016', { limit: 2 });
    expect(r.results).toHaveLength(2);
    expect(r.total).toBe(4);
    expect(r.results[0]!.score).toBeGreaterThanOrEqual(r.results[1]!.score);
  });
});

describe('typed documents: annotations and notes', () => {
  test('annotations are found by quote, note, label and tags; notes by title and body', async () => {
    const claim = addLabel(t.library, 'Claim');
    const ann = addAnnotation(t.library, { articleId: ids.en, quote: 'a balanced approach in its foreign policy', note: 'compare with Qatar', labelId: claim });
    t.library.db.prepare(`INSERT INTO tags (name) VALUES ('watchlist')`).run();
    t.library.db.prepare(`INSERT INTO annotation_tags (annotation_id, tag_id) SELECT ?, id FROM tags WHERE name = 'watchlist'`).run(ann);
    const note = addNote(t.library, { title: 'Gulf détente', body: 'Bahrain follows Riyadh in restoring ties.', articleId: ids.en });
    await search.refresh();

    const byQuote = await q('balanced approach', { type: 'annotation' });
    expect(byQuote.results.map((h) => [h.type, h.id, h.articleId])).toEqual([['annotation', ann, ids.en]]);
    expect(found(await q('Qatar'))).toEqual([ann]);
    expect(found(await q('label:claim'))).toEqual([ann]);
    expect(found(await q('tag:watchlist'))).toEqual([ann]);
    expect(found(await q('type:annotation balanced'))).toEqual([ann]);
    const n = await q('detente');
    expect(n.results.map((h) => [h.type, h.id, h.articleId, h.title])).toEqual([['note', note, ids.en, 'Gulf détente']]);
    expect(found(await q('Riyadh', { type: 'note' }))).toEqual([note]);
    expect(found(await q('type:article balanced'))).toEqual([ids.en]);
  });

  test('renaming a label re-indexes its annotations', async () => {
    const label = addLabel(t.library, 'Evidence');
    const ann = addAnnotation(t.library, { articleId: ids.md, quote: 'restore diplomatic relations', labelId: label });
    await search.refresh();
    expect(found(await q('label:evidence'))).toEqual([ann]);
    t.library.db.prepare(`UPDATE labels SET name = 'Proof' WHERE id = ?`).run(label);
    await search.refresh();
    expect(found(await q('label:evidence'))).toEqual([]);
    expect(found(await q('label:proof'))).toEqual([ann]);
  });
});

describe('edits', () => {
  test('an edit is searchable after refresh, and the old text no longer is', async () => {
    await q('anything');
    t.library.db.prepare(`UPDATE articles SET body_text = 'Entirely new zanzibar text' WHERE id = ?`).run(ids.fa);
    await search.refresh();
    expect(found(await q('zanzibar'))).toEqual([ids.fa]);
    expect(found(await q('lang:fa ۲۰۱۶'))).toEqual([]);
  });

  test('a deleted article and its highlights disappear', async () => {
    const ann = addAnnotation(t.library, { articleId: ids.md, quote: 'Smaller Gulf states' });
    await search.refresh();
    expect(found(await q('smaller gulf'))).toEqual([ids.md, ann].sort());
    t.library.db.prepare(`DELETE FROM articles WHERE id = ?`).run(ids.md);
    await search.refresh();
    expect(found(await q('smaller gulf'))).toEqual([]);
    expect((await search.status()).indexed).toBe(3);
  });

  test('a new article is found, including by tags added later', async () => {
    const id = addArticle(t.library, { title: 'Oman mediates', text: 'Muscat hosted quiet talks.' });
    await search.refresh();
    expect(found(await q('muscat'))).toEqual([id]);
    t.library.db.prepare(`INSERT INTO tags (name) VALUES ('mediation')`).run();
    t.library.db.prepare(`INSERT INTO article_tags (article_id, tag_id) SELECT ?, id FROM tags WHERE name = 'mediation'`).run(id);
    await search.refresh();
    expect(found(await q('tag:mediation'))).toEqual([id]);
  });
});

describe('snippets', () => {
  test('one line, matches marked at the right offsets, reader offsets into the plain text', async () => {
    const r = await q('coordination');
    const hit = r.results.find((h) => h.id === ids.en)!;
    expect(hit.snippet).not.toMatch(/\n/);
    expect(hit.matches.length).toBeGreaterThan(0);
    for (const m of hit.matches) expect(hit.snippet.slice(m.start, m.end).toLowerCase()).toMatch(/^coordinat/);
    const text = (t.library.db.prepare(`SELECT body_text FROM articles WHERE id = ?`).get(ids.en) as { body_text: string }).body_text;
    expect(text.slice(hit.textStart, hit.textEnd).toLowerCase()).toBe('coordination');
  });
});
