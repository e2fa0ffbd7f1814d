/** The issue-10 examples through `quire search` (the compiled CLI, as an analyst runs it). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tempLibrary, type TestLibrary } from './helpers.js';
import { VARIANT_CASES, addVariantArticles } from './variants-library.js';

const bin = join(import.meta.dirname, '..', '..', '..', 'bin', 'quire.js');
const built = join(import.meta.dirname, '..', '..', '..', 'dist', 'electron', 'cli', 'search-commands.js');

let t: TestLibrary;
let ids: Map<string, string>;
beforeAll(() => {
  if (!existsSync(built)) throw new Error('the CLI runs compiled JS: build first (npx tsc -p tsconfig.node.json)');
  t = tempLibrary();
  ids = addVariantArticles(t.library);
  t.library.close();
});
afterAll(() => t.cleanup());

interface Hit {
  readonly id: string;
  readonly snippet: string;
  readonly matches: { start: number; end: number }[];
}
function search(...args: string[]): Hit[] {
  const r = spawnSync(process.execPath, [bin, '--library', t.dir, 'search', ...args, '--json'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return (JSON.parse(r.stdout) as { results: Hit[] }).results;
}

describe('quire search finds other forms and spellings', () => {
  for (const c of VARIANT_CASES) {
    test(`${c.query} → «${c.marked}»`, () => {
      const hits = search(c.query);
      const hit = hits.find((h) => h.id === ids.get(c.file));
      expect(hit, `${c.file} among ${hits.length} results`).toBeDefined();
      expect(hit?.matches.map((m) => hit.snippet.slice(m.start, m.end))).toContain(c.marked);
      expect(hits.map((h) => h.id)).toContain(ids.get(c.bare));
    });
  }

  test('=word: that spelling only', () => {
    expect(search('=embassy').map((h) => h.id)).toEqual([ids.get('en-embassy.txt')]);
  });
});
