import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { addCorpus, tempLibrary, type TestLibrary } from './helpers.js';

const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'quire.js');
const built = join(import.meta.dirname, '..', '..', '..', 'dist', 'electron', 'cli', 'search-commands.js');

let t: TestLibrary;
let ids: ReturnType<typeof addCorpus>;
beforeEach(() => {
  if (!existsSync(built)) throw new Error('the CLI runs compiled JS: build first (npx tsc -p tsconfig.node.json)');
  t = tempLibrary();
  ids = addCorpus(t.library);
  t.library.close();
});
afterEach(() => t.cleanup());

function quire(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, '--library', t.dir, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('quire search', () => {
  test('--json gives {total, results[{type,id,articleId,title,score,snippet,matches}]}', () => {
    const r = quire('search', 'ایران', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { total: number; results: Record<string, unknown>[] };
    expect(out.total).toBe(2);
    expect(out.results.map((h) => h['id']).sort()).toEqual([ids.ar, ids.fa].sort());
    for (const hit of out.results) {
      expect(Object.keys(hit).sort()).toEqual(['articleId', 'id', 'matches', 'score', 'snippet', 'title', 'type']);
      const matches = hit['matches'] as { field: string; start: number; end: number }[];
      expect(matches.length).toBeGreaterThan(0);
    }
  });

  test('human output: one line per result, matches marked with «» on a pipe', () => {
    const r = quire('search', 'neighborlines');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(ids.en);
    expect(lines[0]).toMatch(/«neighborliness»/);
  });

  test('--type and --limit', () => {
    const r = JSON.parse(quire('search', '2016', '--limit', '2', '--json').stdout) as { total: number; results: unknown[] };
    expect(r.total).toBe(4);
    expect(r.results).toHaveLength(2);
    const notes = JSON.parse(quire('search', '2016', '--type', 'note', '--json').stdout) as { total: number };
    expect(notes.total).toBe(0);
    expect(quire('search', '2016', '--type', 'podcast').status).toBe(2);
  });

  test('a malformed query answers with a warning on stderr, not a failure', () => {
    const r = quire('search', '"good neighborliness');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(ids.en);
    expect(r.stderr).toMatch(/not closed/);
  });

  test('quire reindex rebuilds the index', () => {
    const r = quire('reindex', '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ indexed: 4 });
    expect(existsSync(join(t.dir, 'search', 'manifest.json'))).toBe(true);
  });
});
