import { existsSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectUnreferencedOriginals, ORIGINALS_GRACE_MS } from '../../../electron/core/article-undo.js';
import { apiFixture, utf8Base64, type ApiFixture } from './helpers.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

let f: ApiFixture;
beforeEach(() => {
  f = apiFixture();
});
afterEach(() => f.cleanup());

async function importFixture(name: string): Promise<string> {
  const report = await f.call('import.files', {
    files: [{ name, dataBase64: readFileSync(join(FIXTURES, name)).toString('base64') }],
  });
  expect(report.failed).toEqual([]);
  return report.imported[0]!.id;
}

async function importText(title: string, text: string, tags: string[] = []): Promise<string> {
  const report = await f.call('import.files', { files: [{ name: `${title}.txt`, dataBase64: utf8Base64(`${title}\n\n${text}`), tags }] });
  return report.imported[0]!.id;
}

describe('articles.list', () => {
  it('lists every article with tags, highlight counts, an excerpt and facets', async () => {
    const md = await importFixture('beijing-deal-briefing.md');
    const ar = await importFixture('manama-tehran-talks.ar.txt');
    const labels = await f.call('labels.list', {});
    const article = await f.call('articles.get', { id: md });
    const start = article.text.indexOf('Beijing');
    await f.call('annotations.create', { articleId: md, start, end: start + 7, quote: 'Beijing', labelId: labels[0]!.id });

    const list = await f.call('articles.list', {});
    expect(list.total).toBe(2);
    const row = list.articles.find((a) => a.id === md)!;
    expect(row.highlights).toBe(1);
    expect(row.orphans).toBe(0);
    expect(row.tags.length).toBeGreaterThan(0);
    expect(row.excerpt.length).toBeGreaterThan(20);
    expect(row.excerpt).not.toContain('\n');
    expect(row.characters).toBe(article.text.length);
    expect(list.articles.find((a) => a.id === ar)!.direction).toBe('rtl');
    expect(list.facets.languages.map((l) => l.value).sort()).toEqual(['ar', 'en']);
    for (const tag of row.tags) expect(list.facets.tags).toContainEqual({ value: tag, count: 1 });
  });

  it('filters by tag (any case), language and highlights, and sorts', async () => {
    const a = await importText('Alpha report', 'First text about ports.', ['Ports']);
    const b = await importText('Bravo report', 'Second text about shipping.', ['shipping']);
    await f.call('articles.updateMetadata', { id: a, patch: { publishedAt: '2020-01-01', source: 'Wire' } });
    await f.call('articles.updateMetadata', { id: b, patch: { publishedAt: '2022-01-01' } });

    expect((await f.call('articles.list', { tag: 'ports' })).articles.map((x) => x.id)).toEqual([a]);
    expect((await f.call('articles.list', { hasHighlights: true })).articles).toEqual([]);
    expect((await f.call('articles.list', { hasHighlights: false })).articles).toHaveLength(2);
    expect((await f.call('articles.list', { source: 'Wire' })).articles.map((x) => x.id)).toEqual([a]);
    expect((await f.call('articles.list', { sort: 'title' })).articles.map((x) => x.title)).toEqual(['Alpha report', 'Bravo report']);
    expect((await f.call('articles.list', { sort: 'title', order: 'desc' })).articles.map((x) => x.id)).toEqual([b, a]);
    expect((await f.call('articles.list', { sort: 'published' })).articles.map((x) => x.id)).toEqual([b, a]);
    // An article without a source sorts last in either direction.
    expect((await f.call('articles.list', { sort: 'source', order: 'desc' })).articles.map((x) => x.id)).toEqual([a, b]);
  });
});

describe('articles.get', () => {
  it('returns the document, text, metadata and provenance', async () => {
    const id = await importFixture('beijing-deal-briefing.md');
    const article = await f.call('articles.get', { id });
    expect(JSON.parse(article.bodyJson)).toHaveProperty('root');
    expect(article.text).toContain('Beijing');
    expect(article.originalName).toBe('beijing-deal-briefing.md');
    expect(article.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(article.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(join(f.dir, 'originals', article.sha256!))).toBe(true);
  });
});

describe('articles.delete and articles.restore (undo)', () => {
  it('puts the article back exactly: row, tags, highlights with label, note and tags, linked notes', async () => {
    const id = await importFixture('beijing-deal-briefing.md');
    await f.call('articles.setTags', { id, tags: ['keep', 'Iran'] });
    const label = (await f.call('labels.list', {}))[1]!;
    const text = (await f.call('articles.get', { id })).text;
    const start = text.indexOf('Beijing');
    const highlight = await f.call('annotations.create', {
      articleId: id,
      start,
      end: start + 7,
      quote: 'Beijing',
      labelId: label.id,
      tags: ['venue'],
    });
    const annotationsBefore = await f.call('annotations.list', { articleId: id });
    f.library.db
      .prepare(`INSERT INTO notes (id, title, body_json, body_text, article_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run('note_1', 'About Beijing', '{}', 'text', id, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');
    const noteArticle = () => (f.library.db.prepare(`SELECT article_id AS a FROM notes WHERE id = 'note_1'`).get() as { a: string | null }).a;
    const before = await f.call('articles.get', { id });
    expect(before.highlights).toBe(1);

    const deleted = await f.call('articles.delete', { id });
    expect(deleted.title).toBe(before.title);
    await expect(f.call('articles.get', { id })).rejects.toMatchObject({ code: 'not_found' });
    expect((await f.call('library.info', {})).annotations).toBe(0);
    expect(noteArticle()).toBeNull();
    // The original file stays for the undo.
    expect(existsSync(join(f.dir, 'originals', before.sha256!))).toBe(true);

    // The snapshot survives a trip through JSON (it crosses IPC and HTTP).
    const snapshot = JSON.parse(JSON.stringify(deleted.snapshot)) as typeof deleted.snapshot;
    expect(await f.call('articles.restore', { snapshot })).toEqual({ id });
    const after = await f.call('articles.get', { id });
    expect(after).toEqual(before);
    const annotationsAfter = await f.call('annotations.list', { articleId: id });
    expect(annotationsAfter).toEqual(annotationsBefore);
    expect(annotationsAfter[0]).toMatchObject({ id: highlight.id, tags: ['venue'] });
    expect(noteArticle()).toBe(id);
  });

  it('refuses to restore over an article imported again meanwhile, and a snapshot twice', async () => {
    const id = await importFixture('beijing-deal-briefing.md');
    const { snapshot } = await f.call('articles.delete', { id });
    await importFixture('beijing-deal-briefing.md');
    await expect(f.call('articles.restore', { snapshot })).rejects.toMatchObject({ code: 'already_exists' });

    const other = await importText('Charlie', 'Some text.');
    const second = await f.call('articles.delete', { id: other });
    await f.call('articles.restore', { snapshot: second.snapshot });
    await expect(f.call('articles.restore', { snapshot: second.snapshot })).rejects.toMatchObject({ code: 'already_exists' });
  });

  it('refuses a malformed snapshot', async () => {
    await expect(
      f.call('articles.restore', { snapshot: { version: 1, article: { id: 'x' } } as never }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('removes unreferenced originals only after the grace period', async () => {
    const id = await importFixture('beijing-deal-briefing.md');
    const { sha256 } = await f.call('articles.get', { id });
    const original = join(f.dir, 'originals', sha256!);
    await f.call('articles.delete', { id });

    expect(collectUnreferencedOriginals(f.library, ORIGINALS_GRACE_MS)).toBe(0);
    expect(existsSync(original)).toBe(true);
    // A day later (the file's mtime says when it lost its article), the next library open tidies it away.
    const old = new Date(Date.now() - ORIGINALS_GRACE_MS - 60_000);
    utimesSync(original, old, old);
    const keep = await importFixture('manama-tehran-talks.ar.txt');
    const kept = join(f.dir, 'originals', (await f.call('articles.get', { id: keep })).sha256!);
    utimesSync(kept, old, old);
    expect(collectUnreferencedOriginals(f.library, ORIGINALS_GRACE_MS)).toBe(1);
    expect(existsSync(original)).toBe(false);
    expect(statSync(kept).isFile()).toBe(true);
  });
});

describe('tags and metadata', () => {
  it('setTags replaces the set, trims, and ignores case duplicates', async () => {
    const id = await importText('Delta', 'Text.', ['old']);
    expect(await f.call('articles.setTags', { id, tags: ['  Gulf   states ', 'gulf states', 'Energy', ''] })).toEqual({
      id,
      tags: ['Energy', 'Gulf states'],
    });
    expect((await f.call('articles.get', { id })).tags).toEqual(['Energy', 'Gulf states']);
    await expect(f.call('articles.setTags', { id: 'art_nope', tags: [] })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('updateMetadata changes fields, empties to null, and refuses bad URLs and dates', async () => {
    const id = await importText('Echo', 'Text.');
    const row = await f.call('articles.updateMetadata', {
      id,
      patch: { title: 'Echo, corrected', source: 'Wire', url: 'https://example.org/a', publishedAt: '2024-03-31', byline: '' },
    });
    expect(row).toMatchObject({ title: 'Echo, corrected', source: 'Wire', url: 'https://example.org/a', publishedAt: '2024-03-31', byline: null });
    await expect(f.call('articles.updateMetadata', { id, patch: { url: 'javascript:alert(1)' } })).rejects.toMatchObject({ code: 'usage' });
    await expect(f.call('articles.updateMetadata', { id, patch: { publishedAt: 'last Tuesday' } })).rejects.toMatchObject({ code: 'usage' });
    await expect(f.call('articles.updateMetadata', { id, patch: { title: '   ' } })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('samples.openBundled', () => {
  it('imports the bundled sample once, then finds it', async () => {
    const first = await f.call('samples.openBundled', {});
    expect(first.created).toBe(true);
    expect(first.title.length).toBeGreaterThan(0);
    const second = await f.call('samples.openBundled', {});
    expect(second).toEqual({ ...first, created: false });
    expect((await f.call('articles.get', { id: first.id })).tags).toContain('sample');
  });
});
