/**
 * `quire dossier …` and `quire note …` through the real binary (bin/quire.js → dist, built by
 * `npm test` before the unit tests), on temp libraries: JSON output, human output, exit codes, and a
 * dossier exported as JSON and imported into another library with `quire import`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BIN = join(ROOT, 'bin', 'quire.js');
const FIXTURES = join(ROOT, 'tests', 'fixtures');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let dir: string;
let library: string;

function quire(args: readonly string[], lib = library): Run {
  const result = spawnSync(process.execPath, [BIN, '--library', lib, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, QUIRE_LIBRARY: '', QUIRE_DEBUG: '' },
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function ok<T>(args: readonly string[], lib = library): T {
  const run = quire([...args, '--json'], lib);
  if (run.code !== 0) throw new Error(`quire ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

interface Item {
  id: string;
  kind: string;
  refId: string | null;
  title: string;
  options: { highlightsOnly?: boolean };
}
interface Dossier {
  id: string;
  title: string;
  subtitle: string | null;
  marking: string | null;
  items: Item[];
}

let english: string;
let arabic: string;
let markdown: string;
let h1: string;
let h2: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'quire-'));
  library = join(dir, 'lib');
  const imported = ok<{ imported: { id: string; title: string; language: string | null }[] }>([
    'import',
    join(FIXTURES, 'bahrain-iran-coordination.txt'),
    join(FIXTURES, 'manama-tehran-talks.ar.txt'),
    join(FIXTURES, 'beijing-deal-briefing.md'),
  ]).imported;
  english = imported.find((a) => a.title.startsWith('The foreign ministry'))?.id ?? '';
  arabic = imported.find((a) => a.language === 'ar')?.id ?? '';
  markdown = imported.find((a) => a.title.startsWith('Beijing'))?.id ?? '';
  h1 = ok<{ id: string }>(['highlight', english, '--quote', 'continue coordination with its Iranian counterpart', '--label', 'Claim']).id;
  h2 = ok<{ id: string }>(['highlight', markdown, '--quote', 'China acted as mediator for the first time', '--label', 'Evidence']).id;
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each run starts a Node process; on a busy machine that is seconds, hence the generous timeouts.
describe('quire dossier', { timeout: 240_000 }, () => {
  it('creates, adds by id lookup, moves, sets options and shows a dossier', () => {
    const created = ok<Dossier>(['dossier', 'create', 'Gulf talks', '--subtitle', 'Week 12', '--author', 'Desk', '--marking', 'OFFICIAL', '--date', '2024-06-01']);
    expect(created).toMatchObject({ title: 'Gulf talks', subtitle: 'Week 12', marking: 'OFFICIAL', items: [] });
    expect(created.id).toMatch(/^dos_/);

    const added = ok<{ added: Item[]; skipped: { id: string }[] }>(['dossier', 'add', created.id, english, arabic, markdown, h1, '--heading', 'Sources']);
    expect(added.added.map((i) => i.kind)).toEqual(['heading', 'article', 'article', 'article', 'annotation']);
    const again = ok<{ added: Item[]; skipped: { id: string }[] }>(['dossier', 'add', created.id, english]);
    expect(again.skipped.map((s) => s.id)).toEqual([english]);

    // Move the Markdown article (by its article id) to position 2, 1-based.
    ok(['dossier', 'move', created.id, markdown, '2']);
    ok(['dossier', 'item', created.id, arabic, '--highlights-only']);
    const shown = ok<Dossier>(['dossier', 'show', created.id]);
    expect(shown.items.map((i) => i.refId)).toEqual([null, markdown, english, arabic, h1]);
    expect(shown.items[3]?.options).toEqual({ highlightsOnly: true });

    const text = quire(['dossier', 'show', created.id]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Marking:  OFFICIAL');
    expect(text.stdout).toMatch(/1\. ## Sources/);
    expect(text.stdout).toMatch(/4\. Article: المنامة .*\[highlights only\]/);
    expect(text.stdout).toContain('5. Highlight: “continue coordination with its Iranian counterpart”  [Claim]');

    ok(['dossier', 'remove', created.id, h1]);
    ok(['dossier', 'rename', created.id, 'Gulf talks, final']);
    const set = ok<Dossier>(['dossier', 'set', created.id, '--marking', '', '--subtitle', 'Week 13']);
    expect(set).toMatchObject({ title: 'Gulf talks, final', marking: null, subtitle: 'Week 13' });
    expect(set.items).toHaveLength(4);

    const copy = ok<Dossier>(['dossier', 'duplicate', created.id]);
    expect(copy.title).toBe('Gulf talks, final (copy)');
    expect(copy.items.map((i) => i.refId)).toEqual(set.items.map((i) => i.refId));
    const list = ok<{ id: string; itemCount: number }[]>(['dossier', 'list']);
    expect(list.map((d) => d.id).sort()).toEqual([created.id, copy.id].sort());
    ok(['dossier', 'delete', copy.id]);
    expect(ok<unknown[]>(['dossier', 'list'])).toHaveLength(1);
  });

  it('answers bad input with plain words and the right exit code', () => {
    const created = ok<Dossier>(['dossier', 'create', 'Errors']);
    const unknown = quire(['dossier', 'add', created.id, 'art_nothing']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('quire: No article, highlight or note with id art_nothing.\n');
    const position = quire(['dossier', 'move', created.id, 'x', '0']);
    expect(position.code).toBe(2);
    expect(position.stderr).toContain('A position is a number from 1');
    const nothing = quire(['dossier', 'add', created.id]);
    expect(nothing.code).toBe(2);
    expect(quire(['dossier', 'show', 'dos_nope']).stderr).toBe('quire: No dossier with id dos_nope.\n');
    const empty = quire(['dossier', 'show', created.id]);
    expect(empty.stdout).toContain('No items yet.');
  });

  it('round-trips through `quire export --format json` and `quire import` into an empty library', () => {
    const note = ok<{ id: string }>(['note', 'create', 'Reading', '--text', 'Both sides agree.', '--cite', h1, '--cite', h2]);
    const created = ok<Dossier>(['dossier', 'create', 'Round trip', '--marking', 'RESTRICTED']);
    ok(['dossier', 'add', created.id, english, markdown, note.id, '--heading', 'Sources']);
    const file = join(dir, 'round-trip.quire.json');
    const exported = quire(['export', created.id, '--format', 'json', '--out', file]);
    expect(exported.code, exported.stderr).toBe(0);

    const other = join(dir, 'other');
    const first = quire(['import', file], other);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('1 dossier imported.');
    const second = quire(['import', file], other);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('already in the library');

    const a = ok<Dossier>(['dossier', 'show', created.id]);
    const b = ok<Dossier>(['dossier', 'show', created.id], other);
    expect(b).toEqual(a);
    const info = ok<{ articles: number; notes: number; dossiers: number; annotations: number }>(['info'], other);
    expect(info).toMatchObject({ articles: 2, notes: 1, dossiers: 1, annotations: 2 });
    const noteThere = ok<{ citations: { annotationId: string; status: string }[] }>(['note', 'show', note.id], other);
    expect(noteThere.citations.map((c) => [c.annotationId, c.status])).toEqual([
      [h1, 'current'],
      [h2, 'current'],
    ]);

    // `quire dossier import` does the same from the dossier commands.
    const third = join(dir, 'third');
    const viaDossier = quire(['dossier', 'import', file], third);
    expect(viaDossier.code, viaDossier.stderr).toBe(0);
    expect(viaDossier.stdout).toContain(`Imported dossier ${created.id} “Round trip”.`);
  });

  it('leaves the original files out of a JSON export with --no-originals', () => {
    const created = ok<Dossier>(['dossier', 'create', 'Without originals']);
    ok(['dossier', 'add', created.id, english, arabic]);
    const withFile = join(dir, 'with.quire.json');
    const withoutFile = join(dir, 'without.quire.json');
    ok(['export', created.id, '--format', 'json', '--out', withFile]);
    ok(['export', created.id, '--format', 'json', '--out', withoutFile, '--no-originals']);
    type Exported = { articles: { original: { data: string | null } | null }[] };
    const withOriginals = JSON.parse(readFileSync(withFile, 'utf8')) as Exported;
    const withoutOriginals = JSON.parse(readFileSync(withoutFile, 'utf8')) as Exported;
    expect(withOriginals.articles).toHaveLength(2);
    expect(withOriginals.articles.every((a) => typeof a.original?.data === 'string' && a.original.data.length > 0)).toBe(true);
    expect(withoutOriginals.articles).toHaveLength(2);
    expect(withoutOriginals.articles.every((a) => a.original === null || a.original.data === null)).toBe(true);
  });

  it('turns the chronology section on and off with --chronology / --no-chronology', () => {
    const created = ok<Dossier & { includeChronology: boolean }>(['dossier', 'create', 'Dated', '--chronology']);
    expect(created.includeChronology).toBe(true);
    ok(['dossier', 'add', created.id, english, arabic]);
    expect(quire(['dossier', 'show', created.id]).stdout).toMatch(/Chronology:\s+included/);
    const md = join(dir, 'dated.md');
    ok(['export', created.id, '--format', 'md', '--out', md]);
    const text = readFileSync(md, 'utf8');
    expect(text).toContain('## Chronology');
    expect(text).toContain('**كانون الثاني/يناير ٢٠١٦**');
    const off = ok<{ includeChronology: boolean }>(['dossier', 'set', created.id, '--no-chronology']);
    expect(off.includeChronology).toBe(false);
    ok(['export', created.id, '--format', 'md', '--out', md]);
    expect(readFileSync(md, 'utf8')).not.toContain('## Chronology');
  });
});

describe('quire note', { timeout: 240_000 }, () => {
  it('creates from Markdown with citations, lists, shows the status of each citation, deletes', () => {
    const md = join(dir, 'note.md');
    writeFileSync(md, '# Reading\n\nThe **deal** matters.\n\n- one\n- two\n');
    const note = ok<{ id: string; title: string; articleId: string | null; citations: { annotationId: string }[] }>([
      'note',
      'create',
      'From Markdown',
      '--file',
      md,
      '--article',
      markdown,
      '--cite',
      h2,
    ]);
    expect(note).toMatchObject({ title: 'From Markdown', articleId: markdown, citations: [{ annotationId: h2 }] });
    const list = ok<{ id: string; citationCount: number }[]>(['note', 'list', '--article', markdown]);
    expect(list.map((n) => [n.id, n.citationCount])).toEqual([[note.id, 1]]);

    const shown = quire(['note', 'show', note.id]);
    expect(shown.stdout).toContain('Reading\n\nThe deal matters.\n\none\n\ntwo');
    expect(shown.stdout).toContain('“China acted as mediator for the first time” — Beijing-brokered deal');

    // `quire show` lists the note on the article it cites.
    const article = ok<{ notes: { id: string }[] }>(['show', markdown]);
    expect(article.notes.map((n) => n.id)).toContain(note.id);

    expect(quire(['note', 'create', 'x', '--text', 'a', '--file', md]).code).toBe(2);
    expect(quire(['note', 'create', 'x', '--cite', 'ann_nothing']).stderr).toBe('quire: No highlight with id ann_nothing.\n');
    ok(['note', 'delete', note.id]);
    expect(quire(['note', 'show', note.id]).code).toBe(1);
  });
});
