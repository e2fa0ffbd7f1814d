import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../../electron/common/document.js';
import { citationsInDocument } from '../../../electron/common/note-document.js';
import { articleDetails, deleteArticleWithOriginal } from '../../../electron/core/articles.js';
import { QuireError } from '../../../electron/core/errors.js';
import {
  citableHighlights,
  citationFor,
  createNote,
  deleteNote,
  getNote,
  listNotes,
  noteBacklinks,
  updateNote,
} from '../../../electron/core/notes.js';
import {
  ENGLISH,
  addArticle,
  addHighlight,
  addLabel,
  orphanHighlight,
  setHighlightQuote,
  tempLibrary,
  type TestLibrary,
} from '../dossiers/library-fixture.js';

let t: TestLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.dispose());

describe('notes', () => {
  it('creates a free-standing note from Markdown with headings, lists, emphasis, links and quotes', () => {
    const note = createNote(t.library.db, {
      title: '  Working   theory ',
      markdown: '# Theory\n\nThe **talks** are *real*, see [the report](https://example.org/r).\n\n- one\n- two [link](https://example.org/l)\n\n> a quote',
    });
    expect(note.title).toBe('Working theory');
    expect(note.articleId).toBeNull();
    const doc = parseDocument(note.bodyJson);
    expect(doc.root.children.map((c) => c.type)).toEqual(['heading', 'paragraph', 'list', 'quote']);
    expect(note.text).toBe('Theory\n\nThe talks are real, see the report.\n\none\n\ntwo link\n\na quote');
    expect(JSON.stringify(doc.root.children[2])).toContain('"url":"https://example.org/l"');
    const paragraph = JSON.stringify(doc.root.children[1]);
    expect(paragraph).toContain('"format":1');
    expect(paragraph).toContain('"format":2');
    expect(paragraph).toContain('"url":"https://example.org/r"');
  });

  it('refuses an empty title, a bad document, an unknown article and an unknown highlight', () => {
    const db = t.library.db;
    expect(() => createNote(db, { title: '  ' })).toThrow(/needs a title/);
    expect(() => createNote(db, { title: 'x', bodyJson: '{"nope":1}' })).toThrow(/not a valid editor document/);
    expect(() => createNote(db, { title: 'x', articleId: 'art_missing' })).toThrow(/No article with id art_missing/);
    expect(() => createNote(db, { title: 'x', cite: ['ann_missing'] })).toThrow(QuireError);
    expect(listNotes(db)).toHaveLength(0);
  });

  it('cites highlights, records backlinks and lists notes on the article', () => {
    const articleId = addArticle(t.library, { title: 'Coast guards', text: ENGLISH });
    const label = addLabel(t.library, 'Claim', '#e69f00');
    const a1 = addHighlight(t.library, articleId, 'restore coordination', label);
    const a2 = addHighlight(t.library, articleId, 'frank and constructive');
    const note = createNote(t.library.db, { title: 'Two quotes', text: 'Why this matters.', cite: [a1, a2] });

    expect(note.citations.map((c) => [c.annotationId, c.status])).toEqual([
      [a1, 'current'],
      [a2, 'current'],
    ]);
    expect(note.citations[0]?.annotation?.label?.name).toBe('Claim');
    expect(note.citations[0]?.article?.title).toBe('Coast guards');
    expect(note.text).toBe('Why this matters.\n\nrestore coordination\n\nfrank and constructive');
    const cites = citationsInDocument(parseDocument(note.bodyJson));
    expect(cites[0]).toMatchObject({ type: 'citation', annotationId: a1, quote: 'restore coordination', articleTitle: 'Coast guards', source: 'The Source' });

    const backlinks = noteBacklinks(t.library.db, articleId);
    expect(backlinks.map((b) => b.id)).toEqual([note.id]);
    expect(backlinks[0]?.annotationIds).toEqual([a1, a2]);
    expect(backlinks[0]?.attached).toBe(false);
    expect(articleDetails(t.library, articleId)?.['notes']).toEqual([
      { id: note.id, title: 'Two quotes', attached: false, annotationIds: [a1, a2] },
    ]);
    expect(listNotes(t.library.db)[0]).toMatchObject({ id: note.id, citationCount: 2, articleId: null });
  });

  it('says when a cited highlight changed, was orphaned or deleted, instead of showing stale text', () => {
    const articleId = addArticle(t.library, { title: 'Coast guards', text: ENGLISH });
    const changed = addHighlight(t.library, articleId, 'restore coordination');
    const orphaned = addHighlight(t.library, articleId, 'frank and constructive');
    const deleted = addHighlight(t.library, articleId, 'joint committee');
    const note = createNote(t.library.db, { title: 'n', cite: [changed, orphaned, deleted] });
    expect(note.citations.every((c) => c.status === 'current')).toBe(true);

    setHighlightQuote(t.library, changed, 'restore full coordination');
    orphanHighlight(t.library, orphaned);
    t.library.db.prepare(`DELETE FROM annotations WHERE id = ?`).run(deleted);

    const after = getNote(t.library.db, note.id);
    expect(after.citations.map((c) => c.status)).toEqual(['changed', 'orphaned', 'deleted']);
    expect(after.citations[0]).toMatchObject({ quote: 'restore coordination', currentQuote: 'restore full coordination' });
    // A deleted highlight still says where it came from.
    expect(after.citations[2]).toMatchObject({ annotation: null, currentQuote: null, snapshot: { articleTitle: 'Coast guards' } });

    // Whitespace alone is not a change of wording.
    setHighlightQuote(t.library, changed, 'restore \n coordination');
    expect(getNote(t.library.db, note.id).citations[0]?.status).toBe('current');
  });

  it('keeps a note when its article is deleted, detaching it', () => {
    const articleId = addArticle(t.library, { title: 'Coast guards', text: ENGLISH });
    const a1 = addHighlight(t.library, articleId, 'restore coordination');
    const note = createNote(t.library.db, { title: 'attached', articleId, cite: [a1] });
    expect(noteBacklinks(t.library.db, articleId)[0]).toMatchObject({ id: note.id, attached: true });
    deleteArticleWithOriginal(t.library, articleId);
    const after = getNote(t.library.db, note.id);
    expect(after.articleId).toBeNull();
    expect(after.citations[0]).toMatchObject({ status: 'deleted', article: null });
  });

  it('updates title and document, re-deriving text and citations; deletes', () => {
    const articleId = addArticle(t.library, { title: 'Coast guards', text: ENGLISH });
    const a1 = addHighlight(t.library, articleId, 'restore coordination');
    const a2 = addHighlight(t.library, articleId, 'joint committee');
    const note = createNote(t.library.db, { title: 'n', cite: [a1] });
    const doc = parseDocument(note.bodyJson);
    const replaced = { root: { ...doc.root, children: [citationFor(t.library.db, a2)] } };
    const updated = updateNote(t.library.db, note.id, { title: 'renamed', bodyJson: JSON.stringify(replaced) });
    expect(updated.title).toBe('renamed');
    expect(updated.citations.map((c) => c.annotationId)).toEqual([a2]);
    expect(updated.text).toBe('joint committee');
    expect(noteBacklinks(t.library.db, articleId)[0]?.annotationIds).toEqual([a2]);

    deleteNote(t.library.db, note.id);
    expect(() => getNote(t.library.db, note.id)).toThrow(/No note with id/);
    expect(noteBacklinks(t.library.db, articleId)).toEqual([]);
    expect(() => deleteNote(t.library.db, note.id)).toThrow(/No note/);
  });

  it('lists highlights to cite: all newest first, one article in reading order, or filtered by words', () => {
    const en = addArticle(t.library, { title: 'Coast guards', text: ENGLISH });
    const other = addArticle(t.library, { title: 'Other', text: 'Some other text entirely.' });
    const claim = addLabel(t.library, 'Claim', '#e69f00');
    const late = addHighlight(t.library, en, 'joint committee');
    const early = addHighlight(t.library, en, 'restore coordination', claim, 'important');
    const third = addHighlight(t.library, other, 'other text');
    const db = t.library.db;
    expect(citableHighlights(db).map((h) => h.id)).toEqual([third, early, late]);
    expect(citableHighlights(db, { articleId: en }).map((h) => h.id)).toEqual([early, late]);
    expect(citableHighlights(db, { query: 'COAST committee' }).map((h) => h.id)).toEqual([late]);
    expect(citableHighlights(db, { query: 'claim' })[0]).toMatchObject({ id: early, label: { name: 'Claim' }, note: 'important', articleTitle: 'Coast guards' });
    expect(citableHighlights(db, { query: 'nothing-like-this' })).toEqual([]);
  });
});
