/**
 * The real `quire` binary on a temp library, as an analyst meets backups: the automatic first backup,
 * `backup`/`backups`/`restore`/`check` with their JSON shapes and exit codes, and a damaged database
 * answered by the recovery message (never "unexpected error") on every command.
 */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { corpus } from '../importers/fixtures.js';
import { parseJson, ROOT, runQuire, type Run } from '../helpers/cli.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

function quire(args: readonly string[]): Run {
  return runQuire(['--library', lib, ...args], { QUIRE_AUTO_BACKUP: '' });
}

const json = parseJson;

interface BackupJson {
  path: string;
  createdAt: string;
  articles: number;
  annotations: number;
  notes: number;
  dossiers: number;
  bytes: number;
  id: string;
  kind: string;
}

let dir: string;
let lib: string;
let articleId: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'electron', 'cli.js'))) throw new Error('Build the CLI first: npm run build:node');
  dir = mkdtempSync(join(tmpdir(), 'quire-'));
  lib = join(dir, 'library');
  for (const name of ['beijing-deal-briefing.md', 'manama-tehran-talks.ar.txt']) writeFileSync(join(dir, name), corpus(name));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('backups from the command line', () => {
  it('makes the first automatic backup when the command that changed the library closes it', () => {
    const run = quire(['import', join(dir, 'beijing-deal-briefing.md'), join(dir, 'manama-tehran-talks.ar.txt'), '--json']);
    expect(run.code, run.stderr).toBe(0);
    articleId = json<{ imported: { id: string; title: string }[] }>(run).imported.find((a) => a.title.startsWith('Beijing'))?.id ?? '';
    const list = json<BackupJson[]>(quire(['backups', '--json']));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'auto', articles: 2, annotations: 0 });
  });

  it('quire backup --json prints the backup with the documented fields', () => {
    expect(quire(['highlight', articleId, '--quote', 'restore diplomatic relations', '--note', 'the core of the deal']).code).toBe(0);
    expect(quire(['note', 'create', 'Assessment', '--text', 'Beijing brokered it.']).code).toBe(0);
    expect(quire(['dossier', 'create', 'Gulf détente']).code).toBe(0);
    const run = quire(['backup', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const backup = json<BackupJson>(run);
    expect(Object.keys(backup)).toEqual(['path', 'createdAt', 'articles', 'annotations', 'notes', 'dossiers', 'bytes', 'id', 'kind']);
    expect(backup).toMatchObject({ kind: 'manual', articles: 2, annotations: 1, notes: 1, dossiers: 1 });
    expect(backup.path).toBe(join(lib, 'backups', backup.id));
    expect(backup.bytes).toBe(readFileSync(backup.path).length);
  });

  it('quire backups lists newest first, as JSON and as text', () => {
    const list = json<BackupJson[]>(quire(['backups', '--json']));
    expect(list.map((b) => b.kind)).toEqual(['manual', 'auto']);
    const text = quire(['backups']);
    expect(text.stdout).toMatch(/keeping 7 daily, 4 weekly, 12 monthly/);
    expect(text.stdout).toContain('manual  2 article(s), 1 highlight(s), 1 note(s), 1 dossier(s)');
  });

  it('quire check is healthy (exit 0), then names a tampered original (exit 1)', () => {
    const healthy = quire(['check', '--json']);
    expect(healthy.code, healthy.stdout).toBe(0);
    expect(json<{ healthy: boolean }>(healthy).healthy).toBe(true);

    const hash = readdirSync(join(lib, 'originals'))[0] as string;
    const original = join(lib, 'originals', hash);
    const bytes = readFileSync(original);
    appendFileSync(original, 'tampered');
    const run = quire(['check']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`[original_tampered] The original originals/${hash} of article art_`);
    writeFileSync(original, bytes);
    expect(quire(['check']).code).toBe(0);
  });

  it('a damaged database gives the recovery message on every command, and quire restore --latest brings everything back', () => {
    const file = join(lib, 'quire.sqlite');
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('CREATE TABLE annotations'));
    expect(at).toBeGreaterThan(0);
    for (let i = at; i > 0; i = bytes.indexOf(Buffer.from('CREATE TABLE annotations'), i + 1)) bytes.fill(0x21, i, i + 30);
    writeFileSync(file, bytes);

    for (const args of [['info'], ['list'], ['search', 'Beijing'], ['check'], ['backup']]) {
      const run = quire(args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).not.toContain('unexpected error');
      expect(run.stderr).toContain('is damaged and cannot be used');
      expect(run.stderr).toMatch(/The newest good backup is from \d{4}-\d\d-\d\d \d\d:\d\d UTC, 2 article\(s\), 1 highlight\(s\), 1 note\(s\), 1 dossier\(s\)/);
      expect(run.stderr).toContain(`quire restore ${join(lib, 'backups')}/quire-`);
    }

    // What to restore: the list still prints (and the recovery message with exit 1); check --json still reports.
    const listed = quire(['backups', '--json']);
    expect(listed.code).toBe(1);
    expect(json<BackupJson[]>(listed).map((b) => b.kind)).toEqual(['manual', 'auto']);
    expect(listed.stderr).toContain('is damaged and cannot be used');
    const checked = quire(['check', '--json']);
    expect(checked.code).toBe(1);
    expect(json<{ problems: { kind: string }[] }>(checked).problems.map((p) => p.kind)).toEqual(['database_unreadable']);

    const run = quire(['restore', '--latest', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = json<{ restored: BackupJson; damagedCopy: string; articles: number; annotations: number; notes: number; dossiers: number }>(run);
    expect(result).toMatchObject({ articles: 2, annotations: 1, notes: 1, dossiers: 1 });
    expect(readFileSync(result.damagedCopy).equals(bytes)).toBe(true);
    const info = json<{ annotations: number; notes: number; dossiers: number }>(quire(['info', '--json']));
    expect(info).toMatchObject({ annotations: 1, notes: 1, dossiers: 1 });
    expect(quire(['search', 'diplomatic', '--json']).code).toBe(0);
    expect(quire(['check']).code).toBe(0);
  });

  it('quire backup --to DIR writes an archive that restores into another library', () => {
    const out = join(dir, 'usb');
    const archive = json<BackupJson>(quire(['backup', '--to', out, '--json']));
    expect(archive.kind).toBe('archive');
    expect(readdirSync(archive.path).sort()).toEqual(['manifest.json', 'originals', 'quire.sqlite']);
    const other = join(dir, 'other-machine');
    const restored = runQuire(['--library', other, 'restore', archive.path]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('The library now holds 2 article(s), 1 highlight(s), 1 note(s), 1 dossier(s).');
    expect(readdirSync(join(other, 'originals')).sort()).toEqual(readdirSync(join(lib, 'originals')).sort());
  });

  it('damage in data pages (the file still opens) also gives only the recovery message', () => {
    const file = join(lib, 'quire.sqlite');
    const bytes = readFileSync(file);
    const pages = Math.floor(bytes.length / 4096);
    for (let page = Math.floor(pages / 2); page < Math.floor(pages / 2) + 3; page++) {
      for (let i = 0; i < 4096; i += 151) bytes[page * 4096 + i] = (bytes[page * 4096 + i] ?? 0) ^ 0xa5;
    }
    writeFileSync(file, bytes);
    const run = quire(['info']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^quire: The library database .* is damaged and cannot be used: SQLite reports it as malformed/);
    expect(run.stderr).not.toMatch(/warning|at \w+ \(/);
    expect(quire(['restore', '--latest']).code).toBe(0);
    expect(quire(['check']).code).toBe(0);
  });

  it('restore needs a backup or --latest (usage error, exit 2) and names an unknown one', () => {
    expect(quire(['restore']).code).toBe(2);
    const run = quire(['restore', 'no-such-backup']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('There is no backup called “no-such-backup”');
  });
});
