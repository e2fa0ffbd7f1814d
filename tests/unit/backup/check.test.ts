/**
 * `quire check` on a real library: healthy when nothing is wrong; names a tampered original, a missing
 * original and a stale or damaged search index (article id and file name); `repair` fixes only what
 * needs no guessing and says what it did.
 */
import { appendFileSync, mkdirSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkLibrary } from '../../../electron/core/backup/check.js';
import { InlineSearchService } from '../../../electron/core/search/service.js';
import { insertPlainTextArticle } from '../helpers/library.js';
import { buildCorpusLibrary, type CorpusLibrary } from '../export/corpus-library.js';

vi.setConfig({ testTimeout: 60_000 });

let corpus: CorpusLibrary | null = null;
afterEach(() => {
  corpus?.dispose();
  corpus = null;
});

async function indexedLibrary(): Promise<CorpusLibrary> {
  corpus = await buildCorpusLibrary();
  const search = new InlineSearchService(corpus.library);
  await search.search({ query: 'Bahrain' });
  await search.close();
  return corpus;
}

function originalOf(c: CorpusLibrary, articleId: string): string {
  const row = c.library.db.prepare(`SELECT original_sha256 AS h FROM articles WHERE id = ?`).get(articleId) as { h: string };
  return row.h;
}

describe('checkLibrary', () => {
  it('finds a healthy library healthy', async () => {
    const c = await indexedLibrary();
    const report = await checkLibrary(c.library);
    expect(report).toMatchObject({ healthy: true, problems: [], repaired: [] });
    expect(report.checked).toEqual({ articles: 3, originals: 3, indexedArticles: 3 });
  });

  it('names a tampered original with its article', async () => {
    const c = await indexedLibrary();
    const hash = originalOf(c, c.articles.ar);
    appendFileSync(join(c.library.originals.dir, hash), ' ');
    const report = await checkLibrary(c.library, { repair: true });
    expect(report.healthy).toBe(false);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ kind: 'original_tampered', articleId: c.articles.ar, file: `originals/${hash}`, repairable: false });
    expect(report.problems[0]?.message).toContain('manama-tehran-talks.ar.txt');
    expect(report.repaired).toEqual([]);
  });

  it('names a missing original with its article', async () => {
    const c = await indexedLibrary();
    const hash = originalOf(c, c.articles.md);
    rmSync(join(c.library.originals.dir, hash));
    const report = await checkLibrary(c.library);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'original_missing', articleId: c.articles.md, file: `originals/${hash}` }),
    ]);
    expect(report.problems[0]?.message).toContain(`Article ${c.articles.md}`);
    expect(report.problems[0]?.message).toContain('beijing-deal-briefing.md');
  });

  it('does not call an index that is merely behind the change log stale (search replays it)', async () => {
    const c = await indexedLibrary();
    insertPlainTextArticle(c.library, { title: 'Later article', text: 'Added after the index was saved.' });
    expect((await checkLibrary(c.library)).healthy).toBe(true);
  });

  it('names a stale index that lacks an article, and repair rebuilds it', async () => {
    const c = await indexedLibrary();
    const late = insertPlainTextArticle(c.library, { title: 'Missed article', text: 'The index claims to include this but does not.' });
    // The index claims to reflect the newest change but never saw the article.
    const manifestPath = join(c.library.searchDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { seq: number };
    const seq = (c.library.db.prepare(`SELECT MAX(seq) AS s FROM changes`).get() as { s: number }).s;
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, seq }));
    const report = await checkLibrary(c.library);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'index_stale', articleId: late.id, repairable: true })]);
    expect(report.problems[0]?.message).toContain(late.id);

    const repaired = await checkLibrary(c.library, { repair: true });
    expect(repaired.healthy).toBe(true);
    expect(repaired.repaired).toEqual([expect.stringMatching(/^Rebuilt the search index/)]);
    expect(repaired.checked.indexedArticles).toBe(4);
  });

  it('names an index newer than the database (a database replaced under it)', async () => {
    const c = await indexedLibrary();
    const manifestPath = join(c.library.searchDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { seq: number };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, seq: manifest.seq + 50 }));
    const report = await checkLibrary(c.library);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'index_stale' })]);
    expect(report.problems[0]?.message).toMatch(/newer than the database/);
  });

  it('names a damaged index file', async () => {
    const c = await indexedLibrary();
    const shard = readdirSync(c.library.searchDir).find((name) => name.startsWith('shard-'));
    if (!shard) throw new Error('no shard saved');
    const path = join(c.library.searchDir, shard);
    const bytes = readFileSync(path);
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 0xff;
    writeFileSync(path, bytes);
    const report = await checkLibrary(c.library);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'index_damaged', repairable: true })]);
  });

  it('removes leftover temporary files on repair and says so; a young one of a live import is left alone', async () => {
    const c = await indexedLibrary();
    const old = join(c.library.originals.dir, '.incoming-deadbeef-0001');
    writeFileSync(old, 'half an import');
    const past = new Date(Date.now() - 3_600_000);
    utimesSync(old, past, past);
    writeFileSync(join(c.library.originals.dir, '.incoming-cafe-0002'), 'an import in progress');
    mkdirSync(join(c.library.dir, 'backups'), { recursive: true });
    const partial = join(c.library.dir, 'backups', '.partial-999999999-2026.sqlite');
    writeFileSync(partial, 'a backup whose process died');
    // A snapshot left without its manifest by a rotation that was interrupted.
    const unlisted = join(c.library.dir, 'backups', 'quire-2026-01-01T00-00-00-000Z.sqlite');
    writeFileSync(unlisted, 'snapshot');
    utimesSync(unlisted, past, past);

    const report = await checkLibrary(c.library);
    expect(report.problems.map((p) => [p.kind, p.file])).toEqual([
      ['temp_file', 'originals/.incoming-deadbeef-0001'],
      ['temp_file', 'backups/.partial-999999999-2026.sqlite'],
      ['temp_file', 'backups/quire-2026-01-01T00-00-00-000Z.sqlite'],
    ]);
    const repaired = await checkLibrary(c.library, { repair: true });
    expect(repaired.healthy).toBe(true);
    expect(repaired.repaired).toEqual([
      'Removed the leftover temporary file originals/.incoming-deadbeef-0001.',
      'Removed the leftover temporary file backups/.partial-999999999-2026.sqlite.',
      'Removed the leftover temporary file backups/quire-2026-01-01T00-00-00-000Z.sqlite.',
    ]);
    expect(readdirSync(c.library.originals.dir)).toContain('.incoming-cafe-0002');
  });

  it('names rows that point at missing rows (foreign_key_check)', async () => {
    const c = await indexedLibrary();
    c.library.db.pragma('foreign_keys = OFF');
    c.library.db
      .prepare(
        `INSERT INTO annotations (id, article_id, quote, prefix, suffix, start, end, status, note_text, created_at, updated_at)
         VALUES ('ann_x', 'art_gone', 'q', '', '', 0, 1, 'anchored', '', 'now', 'now')`,
      )
      .run();
    const report = await checkLibrary(c.library);
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'foreign_key', file: 'quire.sqlite' }));
    expect(report.problems.find((p) => p.kind === 'foreign_key')?.message).toMatch(/annotations .* missing row of articles/);
  });
});
