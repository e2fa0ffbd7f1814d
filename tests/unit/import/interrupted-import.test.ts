/**
 * An import killed between its commit and the rename of its original (the crash harness's "half article"):
 * the next open moves the committed article's original into place instead of deleting it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importFile } from '../../../electron/core/import.js';
import { openLibrary } from '../../../electron/core/library.js';
import { StagedOriginal, sha256 } from '../../../electron/core/originals.js';
import { corpus } from '../importers/fixtures.js';
import { tempLibrary, type TempLibrary } from '../helpers/library.js';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => {
  vi.restoreAllMocks();
  t.cleanup();
});

const temporaryNames = (dir: string): string[] => readdirSync(dir).filter((n) => n.startsWith('.incoming-'));

/** Imports with the rename after the commit skipped, as if the process died right after its transaction. */
async function importDyingAfterCommit(name: string, bytes: Uint8Array): Promise<string> {
  vi.spyOn(StagedOriginal.prototype, 'commit').mockImplementation(() => {});
  const outcome = await importFile(t.library, { name, bytes });
  vi.restoreAllMocks();
  if (outcome.status !== 'imported') throw new Error(`import ${outcome.status}`);
  return outcome.article.sha256;
}

describe('an import interrupted between its commit and the rename of its original', () => {
  it('gets its original moved into place, byte for byte, when the library is next opened', async () => {
    const bytes = corpus('beijing-deal-briefing.md');
    const hash = await importDyingAfterCommit('beijing-deal-briefing.md', bytes);
    expect(existsSync(t.library.originals.pathFor(hash))).toBe(false);
    expect(temporaryNames(t.library.originals.dir)).toHaveLength(1);

    const again = openLibrary({ dir: t.library.dir });
    try {
      expect(temporaryNames(again.originals.dir)).toEqual([]);
      expect(sha256(readFileSync(again.originals.pathFor(hash)))).toBe(hash);
      expect(Buffer.compare(again.originals.read(hash), Buffer.from(bytes))).toBe(0);
    } finally {
      again.close();
    }
  });

  it('removes a temporary original whose bytes do not match its name, even if an article refers to that hash', async () => {
    const hash = await importDyingAfterCommit('a.md', corpus('beijing-deal-briefing.md'));
    const [temp] = temporaryNames(t.library.originals.dir);
    // A torn write: the temporary file holds other bytes than its name promises.
    renameSync(`${t.library.originals.dir}/${temp}`, `${t.library.originals.dir}/.incoming-${hash}-torn`);
    writeFileSync(`${t.library.originals.dir}/.incoming-${hash}-torn`, 'half a file');
    const again = openLibrary({ dir: t.library.dir });
    try {
      expect(temporaryNames(again.originals.dir)).toEqual([]);
      expect(existsSync(again.originals.pathFor(hash))).toBe(false);
    } finally {
      again.close();
    }
  });

  it('still removes a temporary original no committed article refers to (a crash before the commit)', () => {
    const staged = t.library.originals.stage(Buffer.from('never committed'));
    const [temp] = temporaryNames(t.library.originals.dir);
    expect(temp).toContain(`-${process.pid}-`);
    // As if another process staged it and was killed: its pid names no running process any more.
    renameSync(`${t.library.originals.dir}/${temp}`, `${t.library.originals.dir}/${(temp ?? '').replace(`-${process.pid}-`, `-${deadPid()}-`)}`);
    const again = openLibrary({ dir: t.library.dir });
    try {
      expect(temporaryNames(again.originals.dir)).toEqual([]);
      expect(again.originals.has(staged.sha256)).toBe(false);
    } finally {
      again.close();
    }
  });

  it('commit succeeds when another process opening the library already moved the original into place', () => {
    const bytes = Buffer.from('an original moved by another process');
    const staged = t.library.originals.stage(bytes);
    const [temp] = temporaryNames(t.library.originals.dir);
    renameSync(`${t.library.originals.dir}/${temp}`, t.library.originals.pathFor(staged.sha256));
    expect(() => staged.commit()).not.toThrow();
    expect(t.library.originals.read(staged.sha256).toString()).toBe(bytes.toString());
  });

  it('leaves alone a file another running process is still importing, and removes it once that process is gone', async () => {
    // The app and the CLI share a library: a CLI command opening it must not delete the app's staged original
    // between the app's staging and its commit (the app would then commit an article without its bytes).
    const importer = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const staged = t.library.originals.stage(Buffer.from('an import in progress in the app'));
      const [temp] = temporaryNames(t.library.originals.dir);
      const theirs = (temp ?? '').replace(`-${process.pid}-`, `-${String(importer.pid)}-`);
      renameSync(`${t.library.originals.dir}/${temp}`, `${t.library.originals.dir}/${theirs}`);

      openLibrary({ dir: t.library.dir }).close();
      expect(temporaryNames(t.library.originals.dir)).toEqual([theirs]);
      expect(t.library.originals.has(staged.sha256)).toBe(false);

      importer.kill('SIGKILL');
      await new Promise((resolve) => importer.once('exit', resolve));
      openLibrary({ dir: t.library.dir }).close();
      expect(temporaryNames(t.library.originals.dir)).toEqual([]);
    } finally {
      importer.kill('SIGKILL');
    }
  });
});

/** The pid of a process that has exited. */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', '0']);
  return done.pid;
}
