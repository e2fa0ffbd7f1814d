import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { documentPlainText, parseDocument } from '../../../electron/common/document.js';
import { contentHash } from '../../../electron/core/content-hash.js';
import { getArticle } from '../../../electron/core/db/articles.js';
import { importFile, importPaths, importText, registerFileImporter } from '../../../electron/core/import.js';
import { openLibrary, type Library } from '../../../electron/core/library.js';
import { StagedOriginal, sha256 } from '../../../electron/core/originals.js';
import { binaryJunk, corpus, makeImageOnlyPdf, makePdf, pngBytes, tempLibrary, type TempLibrary } from '../importers/fixtures.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Everything a failed import must leave untouched: every table's rows and the originals folder. */
function snapshot(library: Library): { tables: Record<string, string[]>; originals: string[] } {
  const tables = (library.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map(
    (t) => t.name,
  );
  return {
    tables: Object.fromEntries(
      tables.sort().map((t) => [t, (library.db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]),
    ),
    originals: readdirSync(library.originals.dir).sort(),
  };
}

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => {
  t.dispose();
});

describe('importFile', () => {
  it('stores the article, its body (JSON and text agreeing), tags, and the original byte for byte', async () => {
    const bytes = corpus('beijing-deal-briefing.md');
    const outcome = await importFile(t.library, { name: 'beijing-deal-briefing.md', bytes, tags: ['brief', 'Iran'] });
    expect(outcome.status).toBe('imported');
    if (outcome.status !== 'imported') return;
    expect(outcome.article).toMatchObject({ title: 'Beijing-brokered deal: Tehran and Riyadh agree to restore relations', language: 'en', direction: 'ltr' });
    expect(outcome.article.sha256).toBe(sha256(bytes));
    const stored = getArticle(t.library.db, outcome.article.id)!;
    expect(stored).toMatchObject({
      byline: 'Research desk',
      source: 'Example Policy Review',
      url: 'https://review.example.org/briefs/2023/03/beijing-deal',
      publishedAt: '2023-03-11',
      originalName: 'beijing-deal-briefing.md',
      mediaType: 'text/markdown',
      sha256: sha256(bytes),
    });
    expect(documentPlainText(parseDocument(stored.bodyJson))).toBe(stored.text);
    expect(stored.contentSha256).toBe(contentHash(stored.title, stored.text));
    // Tags from the file and from the caller, "Iran" once.
    expect(stored.tags).toEqual(['brief', 'China', 'diplomacy', 'Iran', 'Saudi Arabia']);
    expect(Buffer.compare(t.library.originals.read(sha256(bytes)), Buffer.from(bytes))).toBe(0);
    expect(readdirSync(t.library.originals.dir)).toEqual([sha256(bytes)]);
  });

  it('reports the same content again as a duplicate of the existing article', async () => {
    const first = await importFile(t.library, { name: 'a.txt', bytes: corpus('bahrain-iran-coordination.txt') });
    // Different bytes (CRLF, extra spaces), same content.
    const crlf = utf8(Buffer.from(corpus('bahrain-iran-coordination.txt')).toString('utf8').replace(/\n/g, '\r\n').replace(/ the /g, '  the '));
    const before = snapshot(t.library);
    const again = await importFile(t.library, { name: 'copy.txt', bytes: crlf });
    expect(first.status).toBe('imported');
    expect(again).toEqual({ status: 'duplicate', id: first.status === 'imported' ? first.article.id : '' });
    expect(snapshot(t.library)).toEqual(before);
  });

  it('keeps the text and HTML versions of the same story as two articles (different titles)', async () => {
    const txt = await importFile(t.library, { name: 'bahrain-iran-coordination.txt', bytes: corpus('bahrain-iran-coordination.txt') });
    const html = await importFile(t.library, { name: 'bahrain-iran-coordination.html', bytes: corpus('bahrain-iran-coordination.html') });
    expect(txt.status).toBe('imported');
    expect(html.status).toBe('imported');
  });

  it.each([
    ['empty.txt', () => new Uint8Array(), /^empty\.txt: the file is empty\.$/],
    ['notes.md', pngBytes, /^notes\.md: This file is a PNG image, not a document\.$/],
    ['junk.txt', () => binaryJunk(), /^junk\.txt: .*binary data/],
    ['data.json', () => utf8('{}'), /^data\.json: This file is JSON data, not an article/],
  ])('fails %s with a message naming the file, leaving the library unchanged', async (name, make, message) => {
    await importFile(t.library, { name: 'seed.txt', bytes: utf8('Seed\n\nAn article that is already in the library.') });
    const before = snapshot(t.library);
    const outcome = await importFile(t.library, { name, bytes: make() });
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.error).toMatch(message);
    expect(snapshot(t.library)).toEqual(before);
  });

  it('fails a PDF without text layer and an oversize file, leaving the library unchanged', async () => {
    const before = snapshot(t.library);
    const scan = await importFile(t.library, { name: 'scan.pdf', bytes: await makeImageOnlyPdf() });
    expect(scan).toEqual({ status: 'failed', error: expect.stringMatching(/^scan\.pdf: This PDF has no text layer/) });
    const big = await importFile(t.library, { name: 'big.txt', bytes: new Uint8Array(2048).fill(0x61), maxBytes: 1024 });
    expect(big).toEqual({ status: 'failed', error: 'big.txt: the file is 2 KB, over the 1 KB import limit (raise it with --max-size or in Settings).' });
    expect(snapshot(t.library)).toEqual(before);
  });

  it('rolls back everything when the transaction fails midway (after the article row is written)', async () => {
    await importFile(t.library, { name: 'seed.txt', bytes: utf8('Seed\n\nAn article that is already in the library.') });
    // Make the tag insert, which runs after the article insert in the same transaction, fail.
    t.library.db.exec(`CREATE TRIGGER fail_tags BEFORE INSERT ON article_tags BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    const before = snapshot(t.library);
    const outcome = await importFile(t.library, { name: 'brief.pdf', bytes: await makePdf(), tags: ['x'] });
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.error).toMatch(/^brief\.pdf: could not be imported because of an internal error \(disk on fire\)/);
    expect(snapshot(t.library)).toEqual(before);
    t.library.db.exec(`DROP TRIGGER fail_tags`);
    // The same file imports fine once the cause is gone: nothing half-written stood in the way.
    expect((await importFile(t.library, { name: 'brief.pdf', bytes: await makePdf(), tags: ['x'] })).status).toBe('imported');
  });

  it('removes the article again when the original cannot be moved into place after the commit', async () => {
    const spy = vi.spyOn(StagedOriginal.prototype, 'commit').mockImplementation(() => {
      throw new Error('rename failed');
    });
    try {
      const outcome = await importFile(t.library, { name: 'a.txt', bytes: corpus('bahrain-iran-coordination.txt') });
      expect(outcome).toEqual({ status: 'failed', error: expect.stringMatching(/^a\.txt: .*rename failed/) });
      expect(t.library.db.prepare(`SELECT COUNT(*) AS n FROM articles`).get()).toEqual({ n: 0 });
      expect(readdirSync(t.library.originals.dir)).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it('cleans leftovers of an interrupted import when the library is opened', () => {
    const leftover = join(t.library.originals.dir, '.incoming-deadbeef-0001');
    writeFileSync(leftover, 'half a file');
    const again = openLibrary({ dir: t.library.dir });
    try {
      expect(readdirSync(again.originals.dir).filter((n) => n.startsWith('.incoming-'))).toEqual([]);
    } finally {
      again.close();
    }
  });

  it('consults registered file importers before the article importers', async () => {
    let seen = '';
    registerFileImporter({
      matches: (name, bytes) => name.endsWith('.quire-test') && bytes.length > 0,
      import: (_library, name) => {
        seen = name;
        return { status: 'duplicate', id: 'dos_test' };
      },
    });
    expect(await importFile(t.library, { name: 'x.quire-test', bytes: utf8('{}') })).toEqual({ status: 'duplicate', id: 'dos_test' });
    expect(seen).toBe('x.quire-test');
    registerFileImporter({
      matches: (name) => name.endsWith('.quire-test2'),
      import: () => ({ status: 'imported', article: { id: 'dos_2', title: 'Dossier', language: null, direction: 'ltr', sha256: 'x' } }),
    });
    const file = join(t.dir, 'd.quire-test2');
    writeFileSync(file, '{}');
    const report = await importPaths(t.library, [file]);
    expect(report.imported).toEqual([{ id: 'dos_2', title: 'Dossier', path: file, language: null, direction: 'ltr', sha256: 'x' }]);
  });
});

describe('importPaths', () => {
  it('imports a folder recursively, skipping hidden files; one bad file does not stop the rest', async () => {
    const root = join(t.dir, 'inbox');
    mkdirSync(join(root, 'sub', 'deeper'), { recursive: true });
    mkdirSync(join(root, '.hidden'));
    writeFileSync(join(root, 'a.txt'), corpus('bahrain-iran-coordination.txt'));
    writeFileSync(join(root, 'b-broken.md'), pngBytes());
    writeFileSync(join(root, 'sub', 'c.md'), corpus('beijing-deal-briefing.md'));
    writeFileSync(join(root, 'sub', 'deeper', 'd.ar.txt'), corpus('manama-tehran-talks.ar.txt'));
    writeFileSync(join(root, 'sub', 'deeper', 'e.pdf'), await makePdf());
    writeFileSync(join(root, 'sub', 'copy-of-a.txt'), corpus('bahrain-iran-coordination.txt'));
    writeFileSync(join(root, '.DS_Store'), binaryJunk(64));
    writeFileSync(join(root, '.hidden', 'secret.txt'), 'Hidden\n\nNot to be imported.');

    const progress: [number, number][] = [];
    const report = await importPaths(t.library, [root, join(t.dir, 'missing.txt')], {
      tags: ['inbox'],
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(report.imported.map((a) => a.path?.slice(root.length + 1)).sort()).toEqual(['a.txt', 'sub/c.md', 'sub/deeper/d.ar.txt', 'sub/deeper/e.pdf']);
    expect(report.duplicates).toEqual([{ path: join(root, 'sub', 'copy-of-a.txt'), id: report.imported.find((a) => a.path?.endsWith('a.txt'))?.id }]);
    expect(report.failed).toEqual([
      { path: join(t.dir, 'missing.txt'), error: `${join(t.dir, 'missing.txt')}: no such file or folder.` },
      { path: join(root, 'b-broken.md'), error: 'b-broken.md: This file is a PNG image, not a document.' },
    ]);
    expect(progress[progress.length - 1]).toEqual([6, 6]);
    const ar = report.imported.find((a) => a.path?.endsWith('d.ar.txt'));
    expect(ar).toMatchObject({ language: 'ar', direction: 'rtl' });
    for (const a of report.imported) expect(getArticle(t.library.db, a.id)?.tags).toContain('inbox');
    expect(readdirSync(t.library.originals.dir).length).toBe(4);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = join(t.dir, 'large.txt');
    writeFileSync(file, Buffer.alloc(3 * 1024 * 1024, 0x61));
    const report = await importPaths(t.library, [file], { maxBytes: 1024 * 1024 });
    expect(report.failed).toEqual([{ path: file, error: 'large.txt: the file is 3 MB, over the 1 MB import limit (raise it with --max-size or in Settings).' }]);
  });

  it('stops between files when cancelled', async () => {
    const root = join(t.dir, 'many');
    mkdirSync(root);
    for (let i = 0; i < 5; i++) writeFileSync(join(root, `${i}.txt`), `Note ${i}\n\nBody of note number ${i}, distinct from the others.`);
    const controller = new AbortController();
    const report = await importPaths(t.library, [root], {
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 2) controller.abort();
      },
    });
    expect(report.imported).toHaveLength(2);
  });
});

describe('importText (paste as a new article)', () => {
  it('imports pasted plain text with a typed title, keeping the paste as the original', async () => {
    const outcome = await importText(t.library, { text: 'First paragraph of the pasted note.\n\nSecond paragraph.', title: 'My note', tags: ['pasted'] });
    expect(outcome.status).toBe('imported');
    if (outcome.status !== 'imported') return;
    const stored = getArticle(t.library.db, outcome.article.id)!;
    expect(stored.title).toBe('My note');
    expect(stored.text).toBe('First paragraph of the pasted note.\n\nSecond paragraph.');
    expect(stored.originalName).toMatch(/^pasted-.*\.txt$/);
    expect(stored.tags).toEqual(['pasted']);
  });

  it('sanitises pasted HTML like a web page', async () => {
    const html = '<h1>Pasted heading</h1><p onclick="x()">Some <b>bold</b> text <a href="javascript:alert(1)">bad</a> and <a href="https://ok.example/">good</a>.</p><script>alert(1)</script><img src="https://t.example/p.gif">';
    const outcome = await importText(t.library, { text: 'Pasted heading\nSome bold text bad and good.', html });
    expect(outcome.status).toBe('imported');
    if (outcome.status !== 'imported') return;
    const stored = getArticle(t.library.db, outcome.article.id)!;
    expect(stored.title).toBe('Pasted heading');
    expect(stored.text).toBe('Some bold text bad and good.');
    expect(stored.bodyJson).not.toMatch(/javascript|alert|onclick|t\.example/);
    expect(stored.bodyJson).toContain('https://ok.example/');
    expect(stored.originalName).toMatch(/^pasted-.*\.html$/);
  });

  it('refuses an empty paste', async () => {
    expect(await importText(t.library, { text: '  \n ' })).toEqual({ status: 'failed', error: expect.stringMatching(/empty/) });
  });
});
