/** Storage and back-fill: dates follow the text in the writer's transaction; older libraries are read later. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { updateArticleText } from '../../../electron/core/annotations.js';
import { deleteArticleWithSnapshot, restoreArticle } from '../../../electron/core/article-undo.js';
import { openLibrary } from '../../../electron/core/library.js';
import { backfillDates } from '../../../electron/core/timeline/backfill.js';
import { EXTRACTOR_VERSION } from '../../../electron/core/timeline/extract.js';
import { articlesNeedingDates, countArticlesNeedingDates, writeArticleDates } from '../../../electron/core/timeline/store.js';
import { apiFixture, type ApiFixture } from '../api/helpers.js';
import { insertPlainTextArticle, tempLibrary, type TempLibrary } from '../helpers/library.js';
import { storedMentions } from './helpers.js';

let lib: TempLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.cleanup());

const dates = (id: string): string[] => storedMentions(lib.library, id).map((m) => m.date);

describe('storing dates', () => {
  it('reads an article written without extraction once the back-fill gets to it', () => {
    // Written straight to the table, as by a Quire from before the timeline.
    const { id } = insertPlainTextArticle(lib.library, { title: 'Old', text: 'Ties were cut in January 2016.' });
    expect(articlesNeedingDates(lib.library.db)).toEqual([id]);
    expect(backfillDates(lib.library.db)).toEqual({ done: 1, remaining: 0 });
    expect(dates(id)).toEqual(['2016-01']);
    expect(articlesNeedingDates(lib.library.db)).toEqual([]);
  });

  it('re-reads articles read by an older extractor version, and none read by this one', () => {
    const { id } = insertPlainTextArticle(lib.library, { title: 'Old', text: 'Talks resumed in March 2023.' });
    writeArticleDates(lib.library.db, id);
    expect(countArticlesNeedingDates(lib.library.db)).toBe(0);
    lib.library.db.prepare(`UPDATE date_extractions SET extractor = ?`).run(EXTRACTOR_VERSION - 1);
    expect(articlesNeedingDates(lib.library.db)).toEqual([id]);
  });

  it('drops an article’s dates when its text changes behind the extractor’s back, so none are stale', () => {
    const { id } = insertPlainTextArticle(lib.library, { title: 'T', text: 'Ties were cut in January 2016.' });
    writeArticleDates(lib.library.db, id);
    lib.library.db.prepare(`UPDATE articles SET body_text = 'Talks resumed in March 2023.' WHERE id = ?`).run(id);
    expect(dates(id)).toEqual([]);
    expect(articlesNeedingDates(lib.library.db)).toEqual([id]);
    // A metadata change that leaves text and published date alone keeps them.
    writeArticleDates(lib.library.db, id);
    lib.library.db.prepare(`UPDATE articles SET title = 'New title' WHERE id = ?`).run(id);
    expect(dates(id)).toEqual(['2023-03']);
  });

  it('follows a text update (quire update, the reader’s edit) in the same write', () => {
    const { id } = insertPlainTextArticle(lib.library, { title: 'T', text: 'Ties were cut in January 2016.' });
    writeArticleDates(lib.library.db, id);
    updateArticleText(lib.library, id, { text: 'Ties were cut in January 2016. The deal came in March 2023.' });
    expect(dates(id)).toEqual(['2016-01', '2023-03']);
    expect(articlesNeedingDates(lib.library.db)).toEqual([]);
  });

  it('writes nothing when the surrounding transaction fails', () => {
    const db = lib.library.db;
    expect(() =>
      db.transaction(() => {
        const { id } = insertPlainTextArticle(lib.library, { title: 'T', text: 'Ties were cut in January 2016.' });
        writeArticleDates(db, id);
        throw new Error('disk full');
      })(),
    ).toThrow('disk full');
    expect(db.prepare(`SELECT (SELECT COUNT(*) FROM date_mentions) + (SELECT COUNT(*) FROM date_extractions) AS n`).get()).toEqual({ n: 0 });
  });

  it('brings an article’s dates back with it when its deletion is undone', () => {
    const { id } = insertPlainTextArticle(lib.library, { title: 'T', text: 'Ties were cut in January 2016.' });
    writeArticleDates(lib.library.db, id);
    const snapshot = deleteArticleWithSnapshot(lib.library, id);
    expect(dates(id)).toEqual([]);
    restoreArticle(lib.library, snapshot);
    expect(dates(id)).toEqual(['2016-01']);
  });
});

describe('back-fill', () => {
  it('stops starting batches when its time budget is spent and says how many are left', () => {
    for (let i = 0; i < 30; i++) insertPlainTextArticle(lib.library, { title: `A${i}`, text: `Report ${i}: talks in March 2023.` });
    const first = backfillDates(lib.library.db, { budgetMs: 0, batchSize: 10 });
    expect(first).toEqual({ done: 10, remaining: 20 });
    expect(backfillDates(lib.library.db, { batchSize: 10 })).toEqual({ done: 20, remaining: 0 });
  });

  it('reads only the articles of a scope when given ids', () => {
    const a = insertPlainTextArticle(lib.library, { title: 'A', text: 'In January 2016.' });
    const b = insertPlainTextArticle(lib.library, { title: 'B', text: 'In March 2023.' });
    expect(backfillDates(lib.library.db, { ids: [a.id] })).toEqual({ done: 1, remaining: 0 });
    expect(articlesNeedingDates(lib.library.db)).toEqual([b.id]);
  });

  it('runs in the background after a library is opened, without holding up the open', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => insertPlainTextArticle(lib.library, { title: `A${i}`, text: `Met in October 2024 (${i}).` }).id);
    const reopened = openLibrary({ dir: lib.library.dir });
    try {
      // Nothing is read during open itself.
      expect(countArticlesNeedingDates(reopened.db)).toBe(60);
      await vi.waitFor(() => expect(countArticlesNeedingDates(reopened.db)).toBe(0), { timeout: 10_000, interval: 50 });
      expect(dates(ids[59]!)).toEqual(['2024-10']);
    } finally {
      reopened.close();
    }
  });
});

describe('published date changes', () => {
  let api: ApiFixture;
  beforeEach(() => {
    api = apiFixture();
  });
  afterEach(() => api.cleanup());

  it('re-anchors yearless dates when the analyst corrects the published date', async () => {
    const { id } = insertPlainTextArticle(api.library, { title: 'T', text: 'In October, the ministers met in Manama.' });
    writeArticleDates(api.library.db, id);
    const read = () => (api.library.db.prepare(`SELECT date FROM date_mentions WHERE article_id = ?`).all(id) as { date: string }[]).map((r) => r.date);
    expect(read()).toEqual([]);
    await api.call('articles.updateMetadata', { id, patch: { publishedAt: '2024-12-03' } });
    expect(read()).toEqual(['2024-10']);
    await api.call('articles.updateMetadata', { id, patch: { publishedAt: '2024-03-01' } });
    expect(read()).toEqual(['2023-10']);
  });
});
