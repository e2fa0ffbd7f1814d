import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentFromPlainText, documentPlainText, type ArticleDocument, type SerializedParagraphNode } from '../../../electron/common/document.js';
import {
  attachAnnotation,
  createAnnotation,
  deleteAnnotation,
  getAnnotation,
  listAnnotations,
  restoreAnnotation,
  saveArticleEdit,
  updateAnnotation,
  updateArticleText,
} from '../../../electron/core/annotations.js';
import { articleDetails } from '../../../electron/core/articles.js';
import { changesSince, latestChangeSeq } from '../../../electron/core/db/changes.js';
import { getArticle } from '../../../electron/core/db/articles.js';
import { resolveLabel } from '../../../electron/core/labels.js';
import { addArticle, paragraphs, tempLibrary, type TempLibrary } from './helpers.js';

const ENGLISH = readFileSync('tests/fixtures/bahrain-iran-coordination.txt', 'utf8').trim().split(/\n\s*\n/);
const ARABIC = readFileSync('tests/fixtures/manama-tehran-talks.ar.txt', 'utf8').trim().split(/\n\s*\n/);

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

const slice = (text: string, a: { start: number | null; end: number | null }): string => text.slice(a.start ?? 0, a.end ?? 0);

describe('creating highlights', () => {
  it('from a quote: selectors, label, note, tags', () => {
    const { id, text } = addArticle(t.library, 'Bahrain', paragraphs(...ENGLISH));
    const claim = resolveLabel(t.library, 'Claim');
    const a = createAnnotation(t.library, {
      articleId: id,
      target: { quote: 'a balanced approach in its foreign policy' },
      labelId: claim.id,
      note: { text: 'Stock phrase.\n\nCompare with 2016.' },
      tags: ['policy', 'Bahrain'],
    });
    expect(a).toMatchObject({ articleId: id, label: 'Claim', color: claim.color, status: 'anchored', note: 'Stock phrase.\n\nCompare with 2016.' });
    expect(slice(text, a)).toBe('a balanced approach in its foreign policy');
    expect(a.prefix).toBe(text.slice((a.start ?? 0) - 32, a.start ?? 0));
    expect(a.suffix).toHaveLength(32);
    expect(a.tags).toEqual(['Bahrain', 'policy']);
    expect(JSON.parse(a.noteJson ?? '{}').root.children).toHaveLength(2);
    expect(a.id).toMatch(/^ann_/);
  });

  it('asks which occurrence when the quote appears more than once, and takes the one named', () => {
    const { id, text } = addArticle(t.library, 'Bahrain', paragraphs(...ENGLISH));
    expect(() => createAnnotation(t.library, { articleId: id, target: { quote: 'good neighborliness' } })).toThrow(
      /appears 2 times.*--occurrence 1 to 2/,
    );
    const second = createAnnotation(t.library, { articleId: id, target: { quote: 'good neighborliness', occurrence: 2 } });
    expect(second.start).toBe(text.lastIndexOf('good neighborliness'));
    expect(() => createAnnotation(t.library, { articleId: id, target: { quote: 'good neighborliness', occurrence: 3 } })).toThrow(
      /from 1 to 2/,
    );
  });

  it('refuses an unknown article, an absent quote, a quote that does not match the range', () => {
    const { id } = addArticle(t.library, 'Bahrain', paragraphs(...ENGLISH));
    expect(() => createAnnotation(t.library, { articleId: 'art_nope', target: { quote: 'x' } })).toThrow(/No article with id art_nope/);
    expect(() => createAnnotation(t.library, { articleId: id, target: { quote: 'not in this article' } })).toThrow(/does not appear/);
    expect(() => createAnnotation(t.library, { articleId: id, target: { start: 4, end: 12, quote: 'something else' } })).toThrow(
      /does not match/,
    );
    expect(() => createAnnotation(t.library, { articleId: id, target: { start: 12, end: 4 } })).toThrow(/end must come after/);
    expect(() => createAnnotation(t.library, { articleId: id, target: { quote: 'Beijing' }, labelId: 'lbl_nope' })).toThrow(/No label/);
    expect(listAnnotations(t.library, { articleId: id })).toEqual([]);
  });

  it('accepts overlapping highlights, a heading, and a range across paragraphs', () => {
    const { id, text } = addArticle(t.library, 'Doc', [
      { type: 'heading', level: 1, children: [{ text: 'Manama and Tehran' }] },
      ...paragraphs('First paragraph ends here.', 'Second paragraph starts here.'),
    ]);
    const heading = createAnnotation(t.library, { articleId: id, target: { quote: 'Manama and Tehran' } });
    expect(heading.start).toBe(0);
    const across = createAnnotation(t.library, { articleId: id, target: { quote: 'ends here.\n\nSecond paragraph' } });
    const overlap = createAnnotation(t.library, { articleId: id, target: { start: text.indexOf('here.'), end: text.indexOf('starts') } });
    expect(slice(text, across)).toBe('ends here.\n\nSecond paragraph');
    expect((overlap.start ?? 0) < (across.end ?? 0)).toBe(true);
    expect(listAnnotations(t.library, { articleId: id }).map((a) => a.id)).toEqual([heading.id, across.id, overlap.id]);
  });

  it('works the same in Arabic text', () => {
    const { id, text } = addArticle(t.library, 'المنامة', paragraphs(...ARABIC), 'rtl');
    const a = createAnnotation(t.library, { articleId: id, target: { quote: 'قطعت علاقاتها مع ايران' }, note: { text: 'تاريخ القطع' } });
    expect(slice(text, a)).toBe('قطعت علاقاتها مع ايران');
    expect(a.note).toBe('تاريخ القطع');
  });
});

describe('changing and deleting highlights', () => {
  it('sets label, note and tags; deletes and restores the exact row', () => {
    const { id } = addArticle(t.library, 'Bahrain', paragraphs(...ENGLISH));
    const a = createAnnotation(t.library, { articleId: id, target: { quote: 'Manama' , occurrence: 1 }, tags: ['x'] });
    const question = resolveLabel(t.library, 'Question');
    const changed = updateAnnotation(t.library, a.id, { labelId: question.id, note: { text: 'Who?' }, tags: ['people', 'x'] });
    expect(changed).toMatchObject({ label: 'Question', note: 'Who?', tags: ['people', 'x'] });
    expect(updateAnnotation(t.library, a.id, { note: null, labelId: null })).toMatchObject({ note: '', noteJson: null, label: null });
    const removed = deleteAnnotation(t.library, a.id);
    expect(() => getAnnotation(t.library, a.id)).toThrow(/No highlight/);
    const back = restoreAnnotation(t.library, removed);
    expect(back).toMatchObject({ id: a.id, start: a.start, end: a.end, tags: ['people', 'x'], createdAt: a.createdAt });
    expect(() => restoreAnnotation(t.library, removed)).toThrow(/already/);
  });

  it('writes every change to the change log', () => {
    const { id } = addArticle(t.library, 'Bahrain', paragraphs(...ENGLISH));
    const before = latestChangeSeq(t.library.db);
    const a = createAnnotation(t.library, { articleId: id, target: { quote: 'Beijing' }, tags: ['china'] });
    updateAnnotation(t.library, a.id, { note: { text: 'deal' } });
    deleteAnnotation(t.library, a.id);
    const log = changesSince(t.library.db, before).filter((c) => c.entity === 'annotation' && c.entityId === a.id);
    expect(log.map((c) => c.op)).toContain('upsert');
    expect(log.at(-1)?.op).toBe('delete');
    expect(log.length).toBeGreaterThanOrEqual(3);
  });

  it('lists orphans by status and re-attaches one to a new passage', () => {
    const { id } = addArticle(t.library, 'Bahrain', paragraphs(...ENGLISH));
    const a = createAnnotation(t.library, { articleId: id, target: { quote: 'King Hamad expressed hope that he would pay a visit to Tehran.' }, note: { text: 'keep me' } });
    updateArticleText(t.library, id, { text: ENGLISH.slice(0, -1).join('\n\n') });
    const [orphan] = listAnnotations(t.library, { status: 'orphaned' });
    expect(orphan).toMatchObject({ id: a.id, status: 'orphaned', start: null, end: null, note: 'keep me', quote: a.quote });
    const attached = attachAnnotation(t.library, a.id, { quote: 'He said Bahrain wants all the people in the region to live with dignity.' });
    expect(attached).toMatchObject({ status: 'anchored', note: 'keep me' });
    expect(listAnnotations(t.library, { status: 'orphaned' })).toEqual([]);
  });

  it('is part of the article details (quire show)', () => {
    const { id } = addArticle(t.library, 'Bahrain', paragraphs(...ENGLISH));
    const a = createAnnotation(t.library, { articleId: id, target: { quote: 'Araqchi', occurrence: 1 } });
    const details = articleDetails(t.library, id);
    expect((details?.['annotations'] as { id: string }[]).map((x) => x.id)).toEqual([a.id]);
  });
});

describe('replacing the text (quire update, re-import)', () => {
  it('moves, rewords and orphans in one transaction and reports each', () => {
    const { id } = addArticle(t.library, 'Bahrain', paragraphs(...ENGLISH));
    const moved = createAnnotation(t.library, { articleId: id, target: { quote: 'Tehran and Riyadh reached an agreement in the Chinese capital city of Beijing' } });
    const reworded = createAnnotation(t.library, { articleId: id, target: { quote: 'attaches great importance to its diplomatic relations with all countries' } });
    const deleted = createAnnotation(t.library, { articleId: id, target: { quote: 'He said Bahrain wants all the people in the region to live with dignity.' }, note: { text: 'important' } });
    const paras = [...ENGLISH];
    const beijing = paras.splice(6, 1)[0] as string;
    paras.unshift(beijing); // the Beijing paragraph moves to the top
    const edited = paras
      .join('\n\n')
      .replace('attaches great importance to its diplomatic relations', 'attaches great significance to its diplomatic relations')
      .replace(' He said Bahrain wants all the people in the region to live with dignity.', '');
    const result = updateArticleText(t.library, id, { text: edited });
    const byId = new Map(result.annotations.map((a) => [a.id, a]));
    expect(byId.get(moved.id)).toMatchObject({ status: 'anchored', method: 'quote', start: 0 });
    expect(byId.get(reworded.id)).toMatchObject({ status: 'anchored', method: 'fuzzy', quote: 'attaches great significance to its diplomatic relations with all countries' });
    expect(byId.get(deleted.id)).toMatchObject({ status: 'orphaned', start: null, note: 'important', quote: deleted.quote });
    expect(result.counts).toEqual({ anchored: 2, orphaned: 1 });
    const article = getArticle(t.library.db, id);
    expect(article?.text).toBe(result.text);
    for (const a of listAnnotations(t.library, { articleId: id, status: 'anchored' })) expect(slice(result.text, a)).toBe(a.quote);
  });

  it('keeps Arabic, overlapping and cross-paragraph highlights through a corrected text', () => {
    const { id, text } = addArticle(t.library, 'المنامة', paragraphs(...ARABIC), 'rtl');
    const outer = createAnnotation(t.library, { articleId: id, target: { quote: 'وكانت البحرين قد قطعت علاقاتها مع ايران' } });
    const inner = createAnnotation(t.library, { articleId: id, target: { quote: 'قطعت علاقاتها' } });
    const endOfSecond = (ARABIC[2] as string).slice(-20);
    const across = createAnnotation(t.library, { articleId: id, target: { quote: `${endOfSecond}\n\nوكانت البحرين` } });
    // A better copy: hamza restored, the shadda dropped, a paragraph added at the top.
    const corrected = `تمهيد قصير.\n\n${text.replace('مع ايران', 'مع إيران').replace('الدّبلوماسيّة', 'الدبلوماسيّة')}`;
    const result = updateArticleText(t.library, id, { text: corrected });
    expect(result.counts).toEqual({ anchored: 3, orphaned: 0 });
    const now = new Map(listAnnotations(t.library, { articleId: id }).map((a) => [a.id, a]));
    expect(now.get(outer.id)?.quote).toBe('وكانت البحرين قد قطعت علاقاتها مع إيران');
    expect(now.get(inner.id)?.quote).toBe('قطعت علاقاتها');
    expect(now.get(across.id)?.quote).toBe(across.quote);
    const o = now.get(outer.id);
    const i = now.get(inner.id);
    expect((i?.start ?? 0) > (o?.start ?? 0) && (i?.end ?? 0) < (o?.end ?? 0)).toBe(true);
    for (const a of now.values()) expect(slice(result.text, a)).toBe(a.quote);
  });

  it('refuses a text that duplicates another article, and changes nothing', () => {
    const one = addArticle(t.library, 'Same title', paragraphs('Alpha text of the first article.'));
    const two = addArticle(t.library, 'Same title', paragraphs('Beta text of the second article.'));
    const a = createAnnotation(t.library, { articleId: two.id, target: { quote: 'Beta' } });
    expect(() => updateArticleText(t.library, two.id, { text: 'Alpha   text of the first article.' })).toThrow(
      new RegExp(`same as the article “Same title” \\(${one.id}\\)`),
    );
    expect(getArticle(t.library.db, two.id)?.text).toBe(two.text);
    expect(getAnnotation(t.library, a.id).status).toBe('anchored');
  });

  it('rolls everything back when a write fails half way', () => {
    const { id, text } = addArticle(t.library, 'Bahrain', paragraphs(...ENGLISH));
    createAnnotation(t.library, { articleId: id, target: { quote: 'Beijing' } });
    createAnnotation(t.library, { articleId: id, target: { quote: 'King Hamad expressed hope' } });
    const seq = latestChangeSeq(t.library.db);
    // Make the second annotation update fail: the first one and the article body must be rolled back too.
    t.library.db.exec(`CREATE TEMP TRIGGER fail_second BEFORE UPDATE ON annotations WHEN OLD.quote LIKE 'King%'
      BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    expect(() => updateArticleText(t.library, id, { text: `Preface.\n\n${text}` })).toThrow(/disk full/);
    expect(getArticle(t.library.db, id)?.text).toBe(text);
    expect(listAnnotations(t.library, { articleId: id }).map((a) => a.start)).toEqual([text.indexOf('Beijing'), text.indexOf('King Hamad expressed')]);
    expect(latestChangeSeq(t.library.db)).toBe(seq);
  });

  it('refuses an empty text', () => {
    const { id } = addArticle(t.library, 'A', paragraphs('Some text.'));
    expect(() => updateArticleText(t.library, id, { text: '  \n\n ' })).toThrow(/empty/);
  });
});

describe('saving an edit from the reader', () => {
  function withMark(doc: ArticleDocument, paragraph: number, from: number, to: number, id: string): ArticleDocument {
    const para = doc.root.children[paragraph] as SerializedParagraphNode;
    const node = para.children[0] as { text: string };
    const base = { format: 0, detail: 0, mode: 'normal' as const, style: '', version: 1 as const, type: 'text' as const };
    para.children = [
      { ...base, text: node.text.slice(0, from) },
      { type: 'mark', ids: [id], children: [{ ...base, text: node.text.slice(from, to) }], direction: null, format: '', indent: 0, version: 1 },
      { ...base, text: node.text.slice(to) },
    ];
    return doc;
  }

  it('takes the marks as the new anchors, re-anchors the others, strips marks from the stored document', () => {
    const { id } = addArticle(t.library, 'Bahrain', paragraphs(...ENGLISH));
    const marked = createAnnotation(t.library, { articleId: id, target: { quote: 'foreign ministry announced', occurrence: 1 } });
    const other = createAnnotation(t.library, { articleId: id, target: { quote: 'Tehran and Riyadh reached an agreement' } });
    // The analyst edits inside the marked text: the mark grows with it.
    const newText = ENGLISH.join('\n\n').replace('foreign ministry announced', 'foreign ministry formally announced');
    const doc = documentFromPlainText(newText);
    const first = ENGLISH[0] as string;
    const from = first.indexOf('foreign ministry');
    withMark(doc, 0, from, from + 'foreign ministry formally announced'.length, marked.id);
    const result = saveArticleEdit(t.library, id, { bodyJson: JSON.stringify(doc), marks: [] });
    const byId = new Map(result.annotations.map((a) => [a.id, a]));
    expect(byId.get(marked.id)).toMatchObject({ method: 'mark', quote: 'foreign ministry formally announced', status: 'anchored' });
    expect(byId.get(other.id)).toMatchObject({ status: 'anchored', quote: 'Tehran and Riyadh reached an agreement' });
    const stored = JSON.parse(getArticle(t.library.db, id)?.bodyJson ?? '{}') as ArticleDocument;
    expect(JSON.stringify(stored)).not.toContain('"mark"');
    expect(documentPlainText(stored)).toBe(result.text);
  });

  it('merges the pieces of a split mark and checks the ranges', () => {
    const { id } = addArticle(t.library, 'A', paragraphs('One two three four five six.'));
    const a = createAnnotation(t.library, { articleId: id, target: { quote: 'three four' } });
    const text = 'One two three\n\nfour five six.';
    const doc = documentFromPlainText(text);
    const result = saveArticleEdit(t.library, id, {
      bodyJson: JSON.stringify(doc),
      marks: [
        { id: a.id, start: 8, end: 13 },
        { id: a.id, start: 15, end: 19 },
      ],
    });
    expect(result.annotations[0]).toMatchObject({ quote: 'three\n\nfour', method: 'mark' });
    expect(() => saveArticleEdit(t.library, id, { bodyJson: JSON.stringify(doc), marks: [{ id: a.id, start: 5, end: 500 }] })).toThrow(
      /outside/,
    );
    expect(() => saveArticleEdit(t.library, id, { bodyJson: '{"nope":1}', marks: [] })).toThrow(/not a valid document/);
  });

  it('orphans a highlight whose text the analyst deleted, keeping its note', () => {
    const { id } = addArticle(t.library, 'A', paragraphs('Keep this sentence.', 'Remove this whole paragraph about Tehran talks.'));
    const a = createAnnotation(t.library, { articleId: id, target: { quote: 'whole paragraph about Tehran' }, note: { text: 'n' } });
    const result = saveArticleEdit(t.library, id, { bodyJson: JSON.stringify(documentFromPlainText('Keep this sentence.')), marks: [] });
    expect(result.annotations[0]).toMatchObject({ id: a.id, status: 'orphaned', note: 'n', method: 'orphaned' });
  });
});
