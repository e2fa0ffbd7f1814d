/**
 * The real `quire` binary (bin/quire.js → dist/electron/cli.js, built by `npm run build:node`, which
 * `npm test` runs first) on a temp library: JSON contracts, exit codes, global options anywhere.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openLibrary } from '../../../electron/core/library.js';
import { corpus, pngBytes } from '../importers/fixtures.js';

// Each test starts the binary a few times; on a busy 2-core machine a start can take seconds.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BIN = join(ROOT, 'bin', 'quire.js');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function quire(args: readonly string[], env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, QUIRE_LIBRARY: '', QUIRE_DEBUG: '', ...env },
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function json<T>(run: Run): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

interface ImportJson {
  imported: { id: string; title: string; path: string; language: string | null; direction: 'ltr' | 'rtl'; sha256: string }[];
  duplicates: { path: string; id: string }[];
  failed: { path: string; error: string }[];
}

const CORPUS_FILES = [
  'bahrain-iran-coordination.txt',
  'bahrain-iran-coordination.html',
  'beijing-deal-briefing.md',
  'manama-tehran-talks.ar.txt',
  'manama-tehran-talks.fa.txt',
];

let dir: string;
let lib: string;
let corpusDir: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'electron', 'cli.js'))) throw new Error('Build the CLI first: npm run build:node');
  dir = mkdtempSync(join(tmpdir(), 'quire-'));
  lib = join(dir, 'library');
  corpusDir = join(dir, 'corpus');
  mkdirSync(corpusDir);
  for (const name of CORPUS_FILES) writeFileSync(join(corpusDir, name), corpus(name));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('quire import', () => {
  let report: ImportJson;

  it('imports the five corpus articles with titles, languages and directions (--library/--json after the command)', () => {
    const run = quire(['import', corpusDir, '--library', lib, '--json', '--tag', 'corpus']);
    expect(run.code, run.stderr).toBe(0);
    report = json<ImportJson>(run);
    expect(report.failed).toEqual([]);
    expect(report.duplicates).toEqual([]);
    const byFile = Object.fromEntries(report.imported.map((a) => [a.path.split('/').pop(), a]));
    expect(Object.keys(byFile).sort()).toEqual([...CORPUS_FILES].sort());
    expect(byFile['bahrain-iran-coordination.txt']).toMatchObject({
      title: 'The foreign ministry announced in a statement that Bahrain pursues a balanced approach in its foreign policy…',
      language: 'en',
      direction: 'ltr',
    });
    expect(byFile['bahrain-iran-coordination.html']).toMatchObject({ title: 'Bahrain to keep coordinating with Iran on restoring diplomatic ties', language: 'en', direction: 'ltr' });
    expect(byFile['beijing-deal-briefing.md']).toMatchObject({ title: 'Beijing-brokered deal: Tehran and Riyadh agree to restore relations', language: 'en', direction: 'ltr' });
    expect(byFile['manama-tehran-talks.ar.txt']).toMatchObject({ title: 'المنامة تواصل التنسيق مع طهران لاستعادة العلاقات الدبلوماسية', language: 'ar', direction: 'rtl' });
    expect(byFile['manama-tehran-talks.fa.txt']).toMatchObject({ title: 'منامه و تهران در مسیر ازسرگیری روابط دیپلماتیک', language: 'fa', direction: 'rtl' });
    for (const a of report.imported) {
      expect(Object.keys(a).sort()).toEqual(['direction', 'id', 'language', 'path', 'sha256', 'title']);
      expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(readdirSync(join(lib, 'originals')).sort()).toEqual(report.imported.map((a) => a.sha256).sort());
  });

  it('reports a second import as duplicates (exit 0), with --json and --library before the command', () => {
    const run = quire(['--json', '--library', lib, 'import', join(corpusDir, 'beijing-deal-briefing.md')]);
    expect(run.code).toBe(0);
    const again = json<ImportJson>(run);
    const first = report.imported.find((a) => a.path.endsWith('beijing-deal-briefing.md'));
    expect(again).toEqual({ imported: [], duplicates: [{ path: join(corpusDir, 'beijing-deal-briefing.md'), id: first?.id }], failed: [] });
  });

  it('exits 1 when an input fails, naming the file and the reason; the good files still import', () => {
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'photo.md'), pngBytes());
    writeFileSync(join(bad, 'empty.txt'), '');
    writeFileSync(join(bad, 'fine.txt'), 'A fine note\n\nThis note imports even though its neighbours are broken.');
    const run = quire(['--library', lib, 'import', bad, join(dir, 'nope.txt'), '--json']);
    expect(run.code).toBe(1);
    const result = json<ImportJson>(run);
    expect(result.imported.map((a) => a.title)).toEqual(['A fine note']);
    expect(result.failed).toEqual([
      { path: join(dir, 'nope.txt'), error: `${join(dir, 'nope.txt')}: no such file or folder.` },
      { path: join(bad, 'empty.txt'), error: 'empty.txt: the file is empty.' },
      { path: join(bad, 'photo.md'), error: 'photo.md: This file is a PNG image, not a document.' },
    ]);
  });

  it('prints a line per file and a summary without --json, and nothing on stderr through a pipe', () => {
    const run = quire(['--library', lib, 'import', join(corpusDir, 'manama-tehran-talks.ar.txt'), join(dir, 'bad', 'photo.md')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`duplicate  ${join(corpusDir, 'manama-tehran-talks.ar.txt')} = `);
    expect(run.stdout).toContain(`failed     ${join(dir, 'bad', 'photo.md')}: This file is a PNG image, not a document.`);
    expect(run.stdout.trim().split('\n').pop()).toBe('0 articles imported, 1 duplicate, 1 failed.');
    expect(run.stderr).toBe('');
  });

  it('applies --max-size', () => {
    const run = quire(['--library', lib, '--json', 'import', join(corpusDir, 'bahrain-iran-coordination.html'), '--max-size', '0.001']);
    expect(run.code).toBe(1);
    expect(json<ImportJson>(run).failed[0]?.error).toMatch(/^bahrain-iran-coordination\.html: the file is \d+ KB, over the 1 KB import limit/);
  });

  it('exits 2 on usage errors', () => {
    expect(quire(['--library', lib, 'import']).code).toBe(2);
    expect(quire(['--library', lib, 'import', corpusDir, '--max-size', 'lots']).code).toBe(2);
    expect(quire(['--library', lib, 'import', corpusDir, '--no-such-option']).code).toBe(2);
    expect(quire(['--library', lib, 'frobnicate']).code).toBe(2);
  });

  it('imports while another process has the library open (the app and the CLI at once)', () => {
    const app = openLibrary({ dir: lib });
    try {
      const note = join(dir, 'concurrent.txt');
      writeFileSync(note, 'Concurrent note\n\nImported by the CLI while the app holds the library open.');
      const run = quire(['--library', lib, '--json', 'import', note]);
      expect(run.code, run.stderr).toBe(0);
      const id = json<ImportJson>(run).imported[0]?.id;
      expect(app.db.prepare(`SELECT title FROM articles WHERE id = ?`).get(id)).toEqual({ title: 'Concurrent note' });
    } finally {
      app.close();
    }
  });
});

describe('quire list / show / tag / delete / info', () => {
  it('lists articles with the documented fields', () => {
    const run = quire(['list', '--json', '--library', lib]);
    expect(run.code).toBe(0);
    const list = json<Record<string, unknown>[]>(run);
    expect(list.length).toBe(7);
    for (const item of list) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(['id', 'title', 'source', 'url', 'publishedAt', 'importedAt', 'language', 'direction']));
    }
  });

  it('shows the HTML article: story text only, metadata, tags, provenance', () => {
    const list = json<{ id: string; title: string }[]>(quire(['--library', lib, '--json', 'list']));
    const id = list.find((a) => a.title === 'Bahrain to keep coordinating with Iran on restoring diplomatic ties')?.id ?? '';
    const run = quire(['--library', lib, 'show', id, '--json']);
    expect(run.code).toBe(0);
    const article = json<Record<string, unknown>>(run);
    expect(article).toMatchObject({
      id,
      source: 'Example Wire',
      url: 'https://news.example.org/world/2024/12/bahrain-iran-coordination',
      publishedAt: '2024-12-03T09:41:00.000Z',
      byline: 'Example Wire staff',
      originalName: 'bahrain-iran-coordination.html',
      mediaType: 'text/html',
      language: 'en',
      direction: 'ltr',
    });
    expect(article['tags']).toEqual(['Bahrain', 'corpus', 'diplomacy', 'Iran']);
    expect(article['sha256']).toMatch(/^[0-9a-f]{64}$/);
    const text = String(article['text']);
    expect(text.startsWith('The foreign ministry announced in a statement')).toBe(true);
    expect(text.endsWith('King Hamad expressed hope that he would pay a visit to Tehran.')).toBe(true);
    expect(text).not.toMatch(/Subscribe|Read more|Comments|reader1|Click here|script|http|All rights reserved/);
  });

  it('tags and deletes an article; unknown ids fail with exit 1', () => {
    const list = json<{ id: string; title: string }[]>(quire(['--library', lib, '--json', 'list']));
    const target = list.find((a) => a.title === 'A fine note');
    expect(target).toBeDefined();
    const tagged = quire(['tag', target!.id, 'urgent', 'gulf', '--json', '--library', lib]);
    expect(tagged.code).toBe(0);
    expect(json(tagged)).toEqual({ id: target!.id, tags: ['gulf', 'urgent'] });

    const deleted = quire(['--library', lib, '--json', 'delete', target!.id]);
    expect(deleted.code).toBe(0);
    expect(json(deleted)).toEqual({ deleted: target!.id });
    const missing = quire(['--library', lib, '--json', 'show', target!.id]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`No article with id ${target!.id}.`);
    expect(quire(['--library', lib, 'delete', target!.id]).code).toBe(1);
  });

  it('reports the library info', () => {
    const run = quire(['info', '--library', lib, '--json']);
    expect(run.code).toBe(0);
    expect(json(run)).toMatchObject({ path: lib, articles: 6, annotations: 0, notes: 0 });
    expect(json<{ schemaVersion: number }>(run).schemaVersion).toBeGreaterThanOrEqual(1);
  });

  it('honours QUIRE_LIBRARY when --library is not given', () => {
    const run = quire(['--json', 'info'], { QUIRE_LIBRARY: lib });
    expect(json(run)).toMatchObject({ path: lib, articles: 6 });
  });
});
