import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../electron/core/annotations.js';
import { deleteArticleWithOriginal } from '../../../electron/core/articles.js';
import { findLabelRowByName } from '../../../electron/core/db/labels.js';
import { addArticleTags, setAnnotationTags } from '../../../electron/core/db/tags.js';
import { addItems, createDossier, listDossiers } from '../../../electron/core/dossiers/dossiers.js';
import { dossierJsonText, exportDossierJson, importDossierJson } from '../../../electron/core/dossiers/json.js';
import type { DossierFile } from '../../../electron/core/dossiers/json-schema.js';
import { loadDossierForExport } from '../../../electron/core/dossiers/model.js';
import { libraryInfo } from '../../../electron/core/library.js';
import { createNote, getNote } from '../../../electron/core/notes.js';
import { ARABIC, ENGLISH, addArticle, addHighlight, addLabel, orphanHighlight, tempLibrary, type TestLibrary } from './library-fixture.js';

let source: TestLibrary;
let target: TestLibrary;
beforeEach(() => {
  source = tempLibrary();
  target = tempLibrary();
});
afterEach(() => {
  source.dispose();
  target.dispose();
});

/** A dossier using every feature the format carries. */
function buildDossier(t: TestLibrary): { dossierId: string; en: string; h1: string; noteId: string } {
  const lib = t.library;
  const db = lib.db;
  const claim = findLabelRowByName(db, 'Claim')?.id ?? addLabel(lib, 'Claim', '#E69F00');
  const custom = addLabel(lib, 'Source reliability', '#0072B2');
  const en = addArticle(lib, {
    title: 'Coast guards',
    text: ENGLISH,
    original: { name: 'coast-guards.txt', bytes: Buffer.from(ENGLISH, 'utf8'), mediaType: 'text/plain' },
  });
  const ar = addArticle(lib, { title: 'المنامة', text: ARABIC, direction: 'rtl', language: 'ar' });
  const doomed = addArticle(lib, { title: 'Doomed', text: 'This one will be deleted before export.' });
  addArticleTags(db, en, ['gulf', 'maritime']);
  const h1 = addHighlight(lib, en, 'restore coordination', claim, 'first sign');
  const h2 = addHighlight(lib, en, 'frank and constructive', custom);
  const h3 = addHighlight(lib, ar, 'صريحة وبناءة', claim);
  const h4 = addHighlight(lib, en, 'joint committee');
  orphanHighlight(lib, h4);
  setAnnotationTags(db, h2, ['tone']);
  const note = createNote(db, { title: 'Reading', markdown: 'Both sides **agree**.', cite: [h1, h3], articleId: en });
  const d = createDossier(db, { title: 'Gulf', subtitle: 'Week 12', author: 'R. Analyst', marking: 'OFFICIAL', date: '2024-06-01', summaryText: 'Summary line.' });
  addItems(db, d.id, { heading: 'Sources', ids: [en, doomed] });
  addItems(db, d.id, { ids: [ar], highlightsOnly: true });
  addItems(db, d.id, { ids: [h2, note.id] });
  deleteArticleWithOriginal(lib, doomed);
  return { dossierId: d.id, en, h1, noteId: note.id };
}

function labelIdsAsNames(value: unknown, t: TestLibrary): unknown {
  const names = new Map(
    (t.library.db.prepare(`SELECT id, name FROM labels`).all() as { id: string; name: string }[]).map((l) => [l.id, `label:${l.name}`]),
  );
  const visible = (t.library.db.prepare(`SELECT DISTINCT label_id AS id FROM annotations`).all() as { id: string }[]).map((r) => r.id);
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => {
      // The model lists all of a library's labels; only the ones in use travel with a dossier.
      if (key === 'labels' && Array.isArray(v)) return (v as { id: string }[]).filter((l) => visible.includes(l.id)).map((l) => ({ ...l, id: names.get(l.id), position: 0 }));
      return typeof v === 'string' && names.has(v) ? names.get(v) : v;
    }),
  );
}

function withoutTime(file: DossierFile): Omit<DossierFile, 'exportedAt'> {
  const { exportedAt: _t, ...rest } = file;
  return rest;
}

describe('dossier JSON', () => {
  it('round-trips into an empty library and compares equal', () => {
    const { dossierId } = buildDossier(source);
    const exported = exportDossierJson(source.library, dossierId);
    expect(exported.articles).toHaveLength(2);
    expect(exported.annotations).toHaveLength(4);
    expect(exported.labels.map((l) => l.name)).toEqual(['Claim', 'Source reliability']);
    expect(exported.articles.find((a) => a.title === 'Coast guards')?.original?.data).toBe(Buffer.from(ENGLISH).toString('base64'));

    const text = dossierJsonText(exported);
    const result = importDossierJson(target.library, text);
    expect(result).toMatchObject({
      dossierId,
      dossierCreated: true,
      articles: { created: 2, reused: 0 },
      annotations: { created: 4, reused: 0 },
      notes: { created: 1, reused: 0 },
      labels: { created: 1, reused: 1 },
    });
    const again = exportDossierJson(target.library, result.dossierId);
    expect(withoutTime(again)).toEqual(withoutTime(exported));

    // The resolved model (what exports render) is the same too, original file included.
    const a = loadDossierForExport(source.library, dossierId);
    const b = loadDossierForExport(target.library, result.dossierId);
    // Label ids are each library's own (labels are matched by name), so compare them by name.
    expect(labelIdsAsNames({ ...b, generatedAt: '' }, target)).toEqual(labelIdsAsNames({ ...a, generatedAt: '' }, source));
    const sha = exported.articles.find((x) => x.title === 'Coast guards')?.original?.sha256 ?? '';
    expect(target.library.originals.read(sha).toString('utf8')).toBe(ENGLISH);
    expect(b.items.map((i) => i.kind)).toEqual(['heading', 'article', 'missing', 'article', 'annotation', 'note']);
  });

  it('imports the same file again without duplicating anything', () => {
    const { dossierId } = buildDossier(source);
    const text = dossierJsonText(exportDossierJson(source.library, dossierId));
    importDossierJson(target.library, text);
    const before = libraryInfo(target.library);
    const second = importDossierJson(target.library, text);
    expect(second).toMatchObject({
      dossierCreated: false,
      articles: { created: 0, reused: 2 },
      annotations: { created: 0, reused: 4 },
      notes: { created: 0, reused: 1 },
      labels: { created: 0, reused: 2 },
    });
    expect(libraryInfo(target.library)).toEqual(before);
    // Into the library it came from: nothing new either.
    const home = importDossierJson(source.library, text);
    expect(home.dossierCreated).toBe(false);
    expect(listDossiers(source.library.db)).toHaveLength(1);
  });

  it('maps ids onto articles the target library already has, and rewrites citations', () => {
    const { dossierId, h1 } = buildDossier(source);
    const file = exportDossierJson(source.library, dossierId);
    // The target imported the same article independently (other id) and highlighted the same passage.
    const mine = addArticle(target.library, { title: 'Coast guards', text: ENGLISH });
    const myHighlight = addHighlight(target.library, mine, 'restore coordination');
    const result = importDossierJson(target.library, file);
    expect(result.articles).toEqual({ created: 1, reused: 1 });
    expect(result.idMap[file.articles.find((a) => a.title === 'Coast guards')?.id ?? '']).toBe(mine);
    expect(result.idMap[h1]).toBe(myHighlight);
    const note = getNote(target.library.db, file.notes[0]?.id ?? '');
    expect(note.articleId).toBe(mine);
    expect(note.citations.map((c) => [c.annotationId, c.status])).toEqual([
      [myHighlight, 'current'],
      [file.annotations.find((a) => a.quote === 'صريحة وبناءة')?.id, 'current'],
    ]);
    const model = loadDossierForExport(target.library, result.dossierId);
    const first = model.items[1];
    expect(first?.kind === 'article' ? first.article.articleId : null).toBe(mine);
    expect((target.library.db.prepare(`SELECT COUNT(*) AS n FROM articles`).get() as { n: number }).n).toBe(2);
  });

  it('refuses damaged, foreign and newer files, writing nothing', () => {
    const { dossierId } = buildDossier(source);
    const file = exportDossierJson(source.library, dossierId);
    const tampered = structuredClone(file);
    const original = tampered.articles.find((a) => a.original?.data)?.original;
    if (original) original.data = Buffer.from('something else').toString('base64');
    expect(() => importDossierJson(target.library, tampered)).toThrow(/does not match its SHA-256/);
    expect(() => importDossierJson(target.library, '{not json')).toThrow(/not valid JSON/);
    expect(() => importDossierJson(target.library, { hello: 1 })).toThrow(/not a Quire dossier/);
    expect(() => importDossierJson(target.library, { ...file, version: 3 })).toThrow(/newer version of Quire/);
    const broken = structuredClone(file);
    broken.annotations[0] = { ...(broken.annotations[0] as DossierFile['annotations'][number]), articleId: 'art_elsewhere' };
    expect(() => importDossierJson(target.library, broken)).toThrow(/damaged/);
    expect(libraryInfo(target.library)).toMatchObject({ articles: 0, annotations: 0, notes: 0, dossiers: 0 });
    expect(readdirSync(target.library.originals.dir)).toEqual([]);
  });

  it('cleans documents from a file like an imported page: no script links, no inline CSS, no unknown nodes', () => {
    const { dossierId } = buildDossier(source);
    const file = exportDossierJson(source.library, dossierId);
    const hostile = structuredClone(file);
    const article = hostile.articles.find((a) => a.title === 'Coast guards');
    if (!article) throw new Error('no article');
    const paragraph = (article.body.root.children as { children: Record<string, unknown>[] }[])[0];
    const first = paragraph?.children[0] as { text: string; style: string };
    // Wrap the first words in a javascript: link and give them inline CSS that would load from the network.
    paragraph!.children[0] = {
      type: 'link',
      url: 'javascript:alert(1)',
      rel: null,
      target: null,
      title: null,
      direction: null,
      format: '',
      indent: 0,
      version: 1,
      children: [{ ...first, style: 'background:url(https://example.org/pixel)' }],
    };
    const result = importDossierJson(target.library, hostile);
    const stored = target.library.db.prepare(`SELECT body_json AS json, body_text AS text FROM articles WHERE id = ?`).get(result.idMap[article.id] ?? article.id) as {
      json: string;
      text: string;
    };
    expect(stored.json).not.toContain('javascript:');
    expect(stored.json).not.toContain('example.org/pixel');
    expect(stored.text).toBe(ENGLISH);

    const unknown = structuredClone(file);
    (unknown.articles[0]!.body.root.children as unknown[]).push({ type: 'iframe', src: 'https://example.org' });
    expect(() => importDossierJson(target.library, unknown)).toThrow(/content Quire does not know/);
    const mismatched = structuredClone(file);
    mismatched.articles[0]!.text = 'Something else entirely';
    expect(() => importDossierJson(target.library, mismatched)).toThrow(/does not match its document/);
  });

  it('accepts only #RRGGBB label colours from a file', () => {
    const { dossierId } = buildDossier(source);
    const file = exportDossierJson(source.library, dossierId);
    const hostile = structuredClone(file);
    const custom = hostile.labels.find((l) => l.name === 'Source reliability');
    if (custom) custom.color = 'red;background:url(https://example.org/x)';
    importDossierJson(target.library, hostile);
    expect(findLabelRowByName(target.library.db, 'Source reliability')?.color).toBe('#999999');
  });

  it('exports without original bytes when asked, keeping the hash', () => {
    const { dossierId } = buildDossier(source);
    const file = exportDossierJson(source.library, dossierId, { includeOriginals: false });
    const original = file.articles.find((a) => a.title === 'Coast guards')?.original;
    expect(original).toMatchObject({ name: 'coast-guards.txt', data: null });
    expect(original?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const result = importDossierJson(target.library, file);
    const model = loadDossierForExport(target.library, result.dossierId);
    const article = model.items[1];
    expect(article?.kind === 'article' ? article.article.sha256 : null).toBe(original?.sha256);
  });
});
