/**
 * `quire timeline` and `quire event` through the real binary (dist/, built by `npm run build:node`) on a
 * temp library of the sample articles: grouping, scopes, filters, JSON, promotion and exit codes.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { corpus } from '../importers/fixtures.js';
import { parseJson, ROOT, runQuire, type Run } from '../helpers/cli.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

function quire(args: readonly string[]): Run {
  return runQuire(['--library', lib, ...args]);
}

const json = parseJson;

interface EventJson {
  id: string;
  kind: string;
  articleId: string;
  date: string;
  precision: string;
  sentence: string;
  source: string | null;
  annotationId: string | null;
}

const FILES = ['bahrain-iran-coordination.html', 'manama-tehran-talks.ar.txt', 'manama-tehran-talks.fa.txt'];
let dir: string;
let lib: string;
let ids: Record<string, string>;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'electron', 'cli.js'))) throw new Error('Build the CLI first: npm run build:node');
  dir = mkdtempSync(join(tmpdir(), 'quire-'));
  lib = join(dir, 'library');
  const files = join(dir, 'corpus');
  mkdirSync(files);
  for (const name of FILES) writeFileSync(join(files, name), corpus(name));
  const report = json<{ imported: { id: string; path: string }[] }>(quire(['import', files, '--tag', 'gulf', '--json']));
  ids = Object.fromEntries(report.imported.map((a) => [a.path.split('/').pop()!, a.id]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('quire timeline', () => {
  it('prints the events grouped by year and month, one line each: date · sentence · source', () => {
    const run = quire(['timeline']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('2016');
    expect(lines[1]).toBe('  January');
    expect(lines).toContain(
      '    January 2016 · Bahrain followed Saudi Arabia’s suit and severed diplomatic relations with Iran in January 2016, after… · Example Wire',
    );
    expect(lines.some((l) => l.startsWith('    January 2016 · وكانت البحرين قد قطعت علاقاتها'))).toBe(true);
    expect(lines.some((l) => l.startsWith('    January 2016 · بحرین در ژانویه ۲۰۱۶'))).toBe(true);
    expect(lines).toContain('2024');
    expect(lines).toContain('  October');
    expect(lines.some((l) => l.startsWith('    October 2024 · In October, Iranian Foreign Minister Abbas Araqchi and King Hamad'))).toBe(true);
    expect(lines.at(-1)).toBe('6 events from 3 articles.');
    expect(run.stderr).toBe('');
  });

  it('prints the events as a JSON array with --json, filtered by date and precision', () => {
    const events = json<EventJson[]>(quire(['timeline', '--json', '--after', '2020', '--before', '2024-12-31', '--precision', 'month,day']));
    expect(events.map((e) => `${e.date} ${e.precision}`)).toEqual(['2023-03 month', '2023-03 month', '2024-10 month']);
    expect(events[2]).toMatchObject({ kind: 'mention', articleId: ids['bahrain-iran-coordination.html'], source: 'Example Wire', annotationId: null });
  });

  it('narrows to an article, a tag or a search', () => {
    const arabic = ids['manama-tehran-talks.ar.txt']!;
    expect(json<EventJson[]>(quire(['timeline', '--article', arabic, '--json'])).map((e) => e.date)).toEqual(['2016-01', '2023-03']);
    expect(json<EventJson[]>(quire(['timeline', '--tag', 'gulf', '--json']))).toHaveLength(6);
    expect(json<EventJson[]>(quire(['timeline', '--tag', 'other', '--json']))).toEqual([]);
    const found = json<EventJson[]>(quire(['timeline', '--search', 'Araqchi', '--json']));
    expect(new Set(found.map((e) => e.articleId))).toEqual(new Set([ids['bahrain-iran-coordination.html']]));
    expect(quire(['timeline', '--tag', 'other']).stdout).toBe('No dated events.\n');
  });

  it('refuses bad options with a usage error (exit 2) and names what is wrong', () => {
    const precision = quire(['timeline', '--precision', 'week']);
    expect(precision.code).toBe(2);
    expect(precision.stderr).toContain('use day, month and/or year');
    const date = quire(['timeline', '--after', '2016-02-31']);
    expect(date.code).toBe(2);
    expect(date.stderr).toBe('quire: --after “2016-02-31” is not a date: write it as 2016, 2016-01 or 2016-01-03.\n');
    const both = quire(['timeline', '--tag', 'gulf', '--article', 'x']);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('quire: Choose one of --dossier, --tag, --article or --search.\n');
    const missing = quire(['timeline', '--dossier', 'dos_nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('quire: No dossier with id dos_nope.\n');
  });
});

describe('quire event', () => {
  it('puts a highlight on the timeline, changes it and takes it off again', () => {
    const page = ids['bahrain-iran-coordination.html']!;
    const highlight = json<{ id: string }>(quire(['--json', 'highlight', page, '--quote', 'King Hamad of Bahrain met in Manama']));
    const added = quire(['event', 'add', highlight.id, '--date', '2024-10-24', '--title', 'Araghchi meets King Hamad']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^On the timeline: 24 October 2024 · “King Hamad of Bahrain met in Manama” · Example Wire {2}\(evt_[0-9a-z]+\)\n$/);

    // The analyst's date outranks the extracted "In October" of the same sentence.
    const listed = json<EventJson[]>(quire(['timeline', '--article', page, '--json']));
    expect(listed.map((e) => `${e.kind} ${e.date}`)).toEqual(['mention 2016-01', 'mention 2023-03', 'highlight 2024-10-24']);
    expect(quire(['timeline', '--article', page]).stdout).toContain(
      '    24 October 2024 · Araghchi meets King Hamad: King Hamad of Bahrain met in Manama · Example Wire  [highlight evt_',
    );

    const bad = quire(['event', 'set', highlight.id, '--date', '2024-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('quire: 30 February 2024 is not a date.\n');
    const changed = json<EventJson>(quire(['event', 'set', highlight.id, '--date', '2024-10', '--json']));
    expect(changed).toMatchObject({ kind: 'highlight', date: '2024-10', precision: 'month', annotationId: highlight.id });

    const removed = quire(['event', 'delete', changed.id]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toBe(`Taken off the timeline: October 2024 (${changed.id}); the highlight ${highlight.id} stays.\n`);
    expect(json<EventJson[]>(quire(['timeline', '--article', page, '--json'])).map((e) => e.kind)).toEqual(['mention', 'mention', 'mention']);
    const again = quire(['event', 'delete', changed.id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`quire: No timeline event (or highlight on the timeline) with id ${changed.id}.\n`);
  });

  it('needs a date for a promotion and an existing highlight', () => {
    const noDate = quire(['event', 'add', 'ann_x']);
    expect(noDate.code).toBe(2);
    expect(noDate.stderr).toContain("required option '--date <date>' not specified");
    const unknown = quire(['event', 'add', 'ann_x', '--date', '2016']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('quire: No highlight with id ann_x.\n');
  });
});
