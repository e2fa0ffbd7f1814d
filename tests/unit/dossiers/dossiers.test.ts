import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteArticleWithOriginal } from '../../../electron/core/articles.js';
import {
  addItems,
  createDossier,
  deleteDossier,
  duplicateDossier,
  getDossierView,
  listDossiers,
  moveItem,
  removeItem,
  reorderItems,
  setItemOptions,
  updateDossier,
} from '../../../electron/core/dossiers/dossiers.js';
import { createNote } from '../../../electron/core/notes.js';
import { ARABIC, ENGLISH, addArticle, addHighlight, tempLibrary, type TestLibrary } from './library-fixture.js';

let t: TestLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.dispose());

const titles = (id: string): string[] => getDossierView(t.library.db, id).items.map((i) => i.title);

describe('dossier metadata', () => {
  it('creates with cleaned metadata, dated today by default; updates; lists; deletes', () => {
    const db = t.library.db;
    const d = createDossier(db, { title: ' Gulf  talks ', subtitle: 'Week 12', author: 'R. Analyst', marking: 'OFFICIAL-SENSITIVE' });
    expect(d).toMatchObject({ title: 'Gulf talks', subtitle: 'Week 12', author: 'R. Analyst', marking: 'OFFICIAL-SENSITIVE', summaryJson: null, summaryText: '' });
    expect(d.date).toBe(new Date().toISOString().slice(0, 10));
    expect(d.items).toEqual([]);

    const u = updateDossier(db, d.id, { subtitle: null, date: '2024-05-01', summaryText: 'First para.\n\nSecond para.' });
    expect(u).toMatchObject({ title: 'Gulf talks', subtitle: null, date: '2024-05-01', summaryText: 'First para.\n\nSecond para.' });
    expect(JSON.parse(u.summaryJson ?? '{}').root.children).toHaveLength(2);
    expect(updateDossier(db, d.id, { summaryText: '' })).toMatchObject({ summaryJson: null, summaryText: '' });
    expect(() => updateDossier(db, d.id, { title: '' })).toThrow(/needs a title/);
    expect(() => updateDossier(db, 'dos_nope', { title: 'x' })).toThrow(/No dossier with id dos_nope/);

    expect(listDossiers(db).map((x) => [x.id, x.itemCount])).toEqual([[d.id, 0]]);
    deleteDossier(db, d.id);
    expect(listDossiers(db)).toEqual([]);
    expect(() => deleteDossier(db, d.id)).toThrow(/No dossier/);
  });
});

describe('dossier items', () => {
  it('adds articles, highlights, notes and headings by id lookup; skips duplicates; orders them', () => {
    const db = t.library.db;
    const en = addArticle(t.library, { title: 'English', text: ENGLISH });
    const ar = addArticle(t.library, { title: 'Arabic', text: ARABIC, direction: 'rtl', language: 'ar' });
    const ann = addHighlight(t.library, en, 'frank and constructive');
    const note = createNote(db, { title: 'My note', text: 'Because.' });
    const d = createDossier(db, { title: 'D' });

    const r1 = addItems(db, d.id, { heading: 'Sources', ids: [en, ar], highlightsOnly: true });
    expect(r1.added.map((i) => [i.kind, i.position])).toEqual([
      ['heading', 0],
      ['article', 1],
      ['article', 2],
    ]);
    expect(r1.added[1]?.options).toEqual({ highlightsOnly: true });
    const r2 = addItems(db, d.id, { ids: [ann, note.id, en] });
    expect(r2.skipped).toEqual([{ id: en, reason: 'This article is already in the dossier.' }]);
    expect(titles(d.id)).toEqual(['Sources', 'English', 'Arabic', 'frank and constructive', 'My note']);
    const view = getDossierView(db, d.id);
    expect(view.items.map((i) => i.kind)).toEqual(['heading', 'article', 'article', 'annotation', 'note']);
    expect(view.items[1]).toMatchObject({ highlightCount: 1, articleId: en, detail: 'The Source · 2024-03-01 · en', missing: false });
    expect(view.items[3]).toMatchObject({ articleId: en, detail: 'English' });

    // Inserting at a position shifts the rest; positions stay contiguous.
    addItems(db, d.id, { heading: 'Analysis', position: 3 });
    expect(titles(d.id)).toEqual(['Sources', 'English', 'Arabic', 'Analysis', 'frank and constructive', 'My note']);
    expect(getDossierView(db, d.id).items.map((i) => i.position)).toEqual([0, 1, 2, 3, 4, 5]);

    expect(() => addItems(db, d.id, { ids: ['art_nothing'] })).toThrow(/No article, highlight or note with id art_nothing/);
    expect(() => addItems(db, d.id, { heading: '   ' })).toThrow(/needs some text/);
    expect(titles(d.id)).toHaveLength(6);
  });

  it('moves (by item id or referent id), reorders, removes and sets options', () => {
    const db = t.library.db;
    const a = addArticle(t.library, { title: 'A', text: 'alpha text' });
    const b = addArticle(t.library, { title: 'B', text: 'beta text' });
    const c = addArticle(t.library, { title: 'C', text: 'gamma text' });
    const d = createDossier(db, { title: 'D' });
    addItems(db, d.id, { ids: [a, b, c] });

    moveItem(db, d.id, c, 0);
    expect(titles(d.id)).toEqual(['C', 'A', 'B']);
    moveItem(db, d.id, c, 99);
    expect(titles(d.id)).toEqual(['A', 'B', 'C']);
    const items = getDossierView(db, d.id).items;
    moveItem(db, d.id, items[0]?.id ?? '', 1);
    expect(titles(d.id)).toEqual(['B', 'A', 'C']);

    const ids = getDossierView(db, d.id).items.map((i) => i.id);
    reorderItems(db, d.id, [ids[2] ?? '', ids[0] ?? '', ids[1] ?? '']);
    expect(titles(d.id)).toEqual(['C', 'B', 'A']);
    expect(() => reorderItems(db, d.id, [ids[0] ?? ''])).toThrow(/changed meanwhile/);

    expect(setItemOptions(db, d.id, a, { highlightsOnly: true }).options).toEqual({ highlightsOnly: true });
    expect(setItemOptions(db, d.id, a, { highlightsOnly: false }).options).toEqual({});
    expect(() => setItemOptions(db, d.id, a, { heading: 'x' })).toThrow(/Only section headings/);

    removeItem(db, d.id, b);
    expect(titles(d.id)).toEqual(['C', 'A']);
    expect(getDossierView(db, d.id).items.map((i) => i.position)).toEqual([0, 1]);
    expect(() => removeItem(db, d.id, b)).toThrow(/No item in this dossier/);
  });

  it('duplicates a dossier with its items under new ids', () => {
    const db = t.library.db;
    const a = addArticle(t.library, { title: 'A', text: 'alpha text' });
    const d = createDossier(db, { title: 'Brief', marking: 'SECRET' });
    addItems(db, d.id, { heading: 'H', ids: [a], highlightsOnly: true });
    const copy = duplicateDossier(db, d.id);
    expect(copy).toMatchObject({ title: 'Brief (copy)', marking: 'SECRET' });
    expect(copy.items.map((i) => [i.kind, i.title, i.options])).toEqual([
      ['heading', 'H', {}],
      ['article', 'A', { highlightsOnly: true }],
    ]);
    const original = getDossierView(db, d.id);
    expect(copy.items.map((i) => i.id)).not.toEqual(original.items.map((i) => i.id));
    // Editing the copy leaves the original alone.
    removeItem(db, copy.id, a);
    expect(getDossierView(db, d.id).items).toHaveLength(2);
  });

  it('keeps items whose referent was deleted and shows them as missing with their old title', () => {
    const db = t.library.db;
    const a = addArticle(t.library, { title: 'Doomed article', text: ENGLISH });
    const ann = addHighlight(t.library, a, 'joint committee');
    const d = createDossier(db, { title: 'D' });
    addItems(db, d.id, { ids: [a, ann] });
    deleteArticleWithOriginal(t.library, a);
    const view = getDossierView(db, d.id);
    expect(view.items.map((i) => [i.kind, i.title, i.missing])).toEqual([
      ['article', 'Doomed article', true],
      ['annotation', 'joint committee', true],
    ]);
  });

  it('deleting a dossier removes its items but nothing from the library', () => {
    const db = t.library.db;
    const a = addArticle(t.library, { title: 'A', text: 'alpha text' });
    const d = createDossier(db, { title: 'D' });
    addItems(db, d.id, { ids: [a] });
    deleteDossier(db, d.id);
    expect((db.prepare(`SELECT COUNT(*) AS n FROM dossier_items`).get() as { n: number }).n).toBe(0);
    expect((db.prepare(`SELECT COUNT(*) AS n FROM articles`).get() as { n: number }).n).toBe(1);
  });
});
