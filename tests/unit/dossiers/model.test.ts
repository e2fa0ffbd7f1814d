import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteArticleWithOriginal } from '../../../electron/core/articles.js';
import { addItems, createDossier } from '../../../electron/core/dossiers/dossiers.js';
import { loadDossierForExport } from '../../../electron/core/dossiers/model.js';
import { createNote, deleteNote } from '../../../electron/core/notes.js';
import {
  ARABIC,
  ENGLISH,
  addArticle,
  addHighlight,
  addLabel,
  orphanHighlight,
  setHighlightQuote,
  tempLibrary,
  type TestLibrary,
} from './library-fixture.js';

let t: TestLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.dispose());

describe('loadDossierForExport', () => {
  it('resolves every kind of item, in order, with full citations and highlights', () => {
    const db = t.library.db;
    const claim = addLabel(t.library, 'Claim', '#e69f00');
    const evidence = addLabel(t.library, 'Evidence', '#56b4e9');
    const en = addArticle(t.library, {
      title: 'Coast guards',
      text: ENGLISH,
      url: 'https://news.example/cg',
      original: { name: 'cg.txt', bytes: Buffer.from(ENGLISH), mediaType: 'text/plain' },
    });
    const ar = addArticle(t.library, { title: 'المنامة', text: ARABIC, direction: 'rtl', language: 'ar' });
    const h2 = addHighlight(t.library, en, 'joint committee', evidence, 'check date');
    const h1 = addHighlight(t.library, en, 'restore coordination', claim);
    const h3 = addHighlight(t.library, ar, 'صريحة وبناءة', claim);
    const note = createNote(db, { title: 'Reading', text: 'Both sides agree.', cite: [h1, h3] });
    const d = createDossier(db, { title: 'Gulf', subtitle: 'Week', author: 'Me', marking: 'RESTRICTED', date: '2024-06-01', summaryText: 'Summary.' });
    addItems(db, d.id, { heading: 'Sources', ids: [en] });
    addItems(db, d.id, { ids: [ar], highlightsOnly: true });
    addItems(db, d.id, { ids: [h2, note.id] });

    const model = loadDossierForExport(t.library, d.id);
    expect(model).toMatchObject({
      id: d.id,
      title: 'Gulf',
      subtitle: 'Week',
      author: 'Me',
      date: '2024-06-01',
      marking: 'RESTRICTED',
      summary: { text: 'Summary.' },
    });
    expect(model.labels.map((l) => [l.name, l.color])).toEqual([
      ['Claim', '#e69f00'],
      ['Evidence', '#56b4e9'],
    ]);
    expect(model.items.map((i) => [i.kind, i.position])).toEqual([
      ['heading', 0],
      ['article', 1],
      ['article', 2],
      ['annotation', 3],
      ['note', 4],
    ]);
    const [heading, article, arabic, annotation, noteItem] = model.items;
    expect(heading).toMatchObject({ kind: 'heading', text: 'Sources' });
    if (article?.kind !== 'article') throw new Error('expected an article');
    expect(article.highlightsOnly).toBe(false);
    expect(article.article).toMatchObject({
      title: 'Coast guards',
      url: 'https://news.example/cg',
      source: 'The Source',
      byline: 'A. Writer',
      publishedAt: '2024-03-01',
      originalName: 'cg.txt',
      direction: 'ltr',
    });
    expect(article.article.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(article.article.importedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Reading order, not creation order; offsets index the text.
    expect(article.article.annotations.map((a) => a.quote)).toEqual(['restore coordination', 'joint committee']);
    for (const a of article.article.annotations) expect(article.article.text.slice(a.start ?? 0, a.end ?? 0)).toBe(a.quote);
    expect(article.article.annotations[1]).toMatchObject({ label: { name: 'Evidence', color: '#56b4e9' }, note: 'check date' });
    if (arabic?.kind !== 'article') throw new Error('expected an article');
    expect(arabic).toMatchObject({ highlightsOnly: true, article: { direction: 'rtl', language: 'ar', sha256: null } });
    if (annotation?.kind !== 'annotation') throw new Error('expected an annotation');
    expect(annotation).toMatchObject({ refId: h2, annotation: { quote: 'joint committee' }, citation: { title: 'Coast guards' } });
    if (noteItem?.kind !== 'note') throw new Error('expected a note');
    expect(noteItem.note.citations.map((c) => [c.annotationId, c.status, c.citation?.title])).toEqual([
      [h1, 'current', 'Coast guards'],
      [h3, 'current', 'المنامة'],
    ]);
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model.items[1])).toBe(true);
  });

  it('represents deleted referents explicitly and reports changed citations, never crashing', () => {
    const db = t.library.db;
    const en = addArticle(t.library, { title: 'Coast guards', text: ENGLISH });
    const other = addArticle(t.library, { title: 'Other', text: 'Some other text entirely.' });
    const h1 = addHighlight(t.library, en, 'restore coordination');
    const h2 = addHighlight(t.library, other, 'other text');
    const h3 = addHighlight(t.library, other, 'Some');
    const note = createNote(db, { title: 'Cites', cite: [h1, h2, h3] });
    const gone = createNote(db, { title: 'Gone note' });
    const d = createDossier(db, { title: 'D' });
    addItems(db, d.id, { ids: [en, h1, note.id, gone.id] });

    deleteArticleWithOriginal(t.library, en);
    deleteNote(db, gone.id);
    setHighlightQuote(t.library, h2, 'other words');
    orphanHighlight(t.library, h3);

    const model = loadDossierForExport(t.library, d.id);
    expect(model.items.map((i) => i.kind)).toEqual(['missing', 'missing', 'note', 'missing']);
    expect(model.items[0]).toMatchObject({
      kind: 'missing',
      refKind: 'article',
      refId: en,
      refTitle: 'Coast guards',
      message: 'The article “Coast guards” has been deleted from the library.',
    });
    expect(model.items[1]).toMatchObject({ refKind: 'annotation', refTitle: 'restore coordination' });
    expect(model.items[3]).toMatchObject({ refKind: 'note', message: 'The note “Gone note” has been deleted from the library.' });
    const noteItem = model.items[2];
    if (noteItem?.kind !== 'note') throw new Error('expected a note');
    expect(noteItem.note.citations.map((c) => c.status)).toEqual(['deleted', 'changed', 'orphaned']);
    expect(noteItem.note.citations[0]).toMatchObject({ citation: null, snapshot: { articleTitle: 'Coast guards' } });
    expect(noteItem.note.citations[1]?.statusText).toMatch(/changed since it was cited/);
  });

  it('loads an empty dossier and refuses an unknown one', () => {
    const d = createDossier(t.library.db, { title: 'Empty' });
    expect(loadDossierForExport(t.library, d.id).items).toEqual([]);
    expect(() => loadDossierForExport(t.library, 'dos_nope')).toThrow(/No dossier with id dos_nope/);
  });
});
