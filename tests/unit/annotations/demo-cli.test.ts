/**
 * Issue 4's "Done when", end to end through the real CLI binary: runs scripts/demo-annotations.sh
 * (import the corpus, highlight, correct the English text, `quire update`) and checks the JSON the
 * CLI prints afterwards.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = join('dist', 'electron', 'cli', 'annotation-commands.js');
const SOURCES = ['electron/cli/annotation-commands.ts', 'electron/core/annotations.ts', 'electron/core/anchoring/reanchor.ts'];

interface Annotation {
  id: string;
  articleId: string;
  label: string | null;
  note: string;
  quote: string;
  start: number | null;
  end: number | null;
  status: 'anchored' | 'orphaned';
  tags: string[];
}

let library: string;

function quire(...args: string[]): string {
  return execFileSync('node', ['bin/quire.js', '--library', library, ...args], { encoding: 'utf8' });
}

beforeAll(() => {
  // The binary runs the compiled code: build it when it is missing or older than the sources.
  const stale = !existsSync(CLI) || SOURCES.some((s) => statSync(s).mtimeMs > statSync(CLI).mtimeMs);
  if (stale) spawnSync('npx', ['tsc', '-p', 'tsconfig.node.json'], { stdio: 'ignore' });
  library = mkdtempSync(join(tmpdir(), 'quire-'));
}, 180_000);

afterAll(() => rmSync(library, { recursive: true, force: true }));

describe('scripts/demo-annotations.sh', () => {
  it('re-anchors two highlights at the right places and orphans the deleted one with its note', { timeout: 240_000 }, () => {
    const run = spawnSync('bash', ['scripts/demo-annotations.sh', library], { encoding: 'utf8' });
    if (run.status !== 0) console.error(run.stderr);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('OK: 2 highlights re-anchored');

    const all = JSON.parse(quire('annotations', '--json')) as Annotation[];
    expect(all).toHaveLength(4);
    const orphans = JSON.parse(quire('annotations', '--status', 'orphaned', '--json')) as Annotation[];
    expect(orphans).toHaveLength(1);
    expect(orphans[0]).toMatchObject({
      status: 'orphaned',
      start: null,
      label: 'Key quote',
      note: 'Royal messaging: the dignity theme recurs in every statement since 2023.',
      quote: 'He said Bahrain wants all the people in the region to live with dignity.',
      tags: ['bahrain'],
    });

    const english = orphans[0]?.articleId as string;
    const article = JSON.parse(quire('show', english, '--json')) as { text: string; annotations: Annotation[] };
    const anchored = article.annotations.filter((a) => a.status === 'anchored');
    expect(anchored.map((a) => a.label)).toEqual(['Evidence', 'Claim']);
    for (const a of anchored) expect(article.text.slice(a.start ?? 0, a.end ?? 0)).toBe(a.quote);
    expect(anchored[0]?.start).toBe(0);
    expect(anchored[1]?.quote).toBe('attaches great significance to its diplomatic relations with all countries');

    const arabic = all.find((a) => a.articleId !== english);
    expect(arabic).toMatchObject({ quote: 'قطعت علاقاتها مع ايران', status: 'anchored', label: 'Place/Date' });
  });

  it('reports clear errors with the right exit codes', { timeout: 240_000 }, () => {
    const english = (JSON.parse(quire('annotations', '--status', 'orphaned', '--json')) as Annotation[])[0]?.articleId as string;
    const fail = (...args: string[]) => spawnSync('node', ['bin/quire.js', '--library', library, ...args], { encoding: 'utf8' });
    const ambiguous = fail('highlight', english, '--quote', 'diplomatic relations');
    expect(ambiguous.status).toBe(2);
    expect(ambiguous.stderr).toMatch(/appears \d+ times.*--occurrence/);
    const absent = fail('highlight', english, '--quote', 'words that are not there');
    expect(absent.status).toBe(1);
    expect(absent.stderr).toMatch(/does not appear/);
    const unknown = fail('highlight', 'art_nope', '--quote', 'x');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/No article with id art_nope/);
    const neither = fail('highlight', english);
    expect(neither.status).toBe(2);
    const inUse = fail('label', 'delete', 'Claim');
    expect(inUse.status).toBe(2);
    expect(inUse.stderr).toMatch(/--reassign OTHER_LABEL or --clear/);

    const orphan = (JSON.parse(quire('annotations', '--status', 'orphaned', '--json')) as Annotation[])[0] as Annotation;
    const attached = JSON.parse(quire('annotation', 'attach', orphan.id, '--quote', 'King Hamad expressed hope', '--json')) as Annotation;
    expect(attached).toMatchObject({ status: 'anchored', note: orphan.note });
    const cleared = JSON.parse(quire('label', 'delete', 'Claim', '--clear', '--json')) as { annotations: number };
    expect(cleared.annotations).toBe(1);
  });
});
