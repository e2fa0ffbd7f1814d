/**
 * Damage a real library's database in the ways files get damaged, then: opening it gives the typed
 * recovery error (never "unexpected error"), the app's session enters recovery mode, and restore brings
 * back articles, highlights, notes and dossiers while keeping the damaged file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibrarySession } from '../../../electron/api/session.js';
import { createBackup } from '../../../electron/core/backup/create.js';
import { LibraryDamagedError } from '../../../electron/core/backup/damage.js';
import { lockPath } from '../../../electron/core/backup/lock.js';
import { restoreBackup } from '../../../electron/core/backup/restore.js';
import { openLibrary, libraryInfo } from '../../../electron/core/library.js';
import { InlineSearchService } from '../../../electron/core/search/service.js';
import { buildCorpusLibrary, type CorpusLibrary } from '../export/corpus-library.js';
import { damageFile, type Damage } from './damage.js';

vi.setConfig({ testTimeout: 60_000 });

let corpus: CorpusLibrary | null = null;
afterEach(() => {
  corpus?.dispose();
  corpus = null;
});

async function backedUpLibrary(): Promise<{ corpus: CorpusLibrary; libDir: string; counts: ReturnType<typeof libraryInfo> }> {
  corpus = await buildCorpusLibrary();
  await createBackup(corpus.library, { kind: 'manual' });
  const counts = libraryInfo(corpus.library);
  corpus.library.close();
  return { corpus, libDir: corpus.library.dir, counts };
}

const DAMAGES: Damage[] = ['flip-pages', 'flip-schema', 'truncate', 'zero-header', 'half-copied', 'empty'];

describe('a damaged database', () => {
  it.each(DAMAGES)('%s: detected at open by the app, restored with everything back, damaged copy kept', async (how) => {
    const { libDir, counts } = await backedUpLibrary();
    const db = join(libDir, 'quire.sqlite');
    damageFile(db, how);
    const damagedBytes = readFileSync(db);

    const session = new LibrarySession({ dir: libDir, by: 'app', startSearch: (library) => new InlineSearchService(library) });
    session.open();
    const health = session.health();
    expect(health.state).toBe('damaged');
    if (health.state !== 'damaged') return;
    expect(health.latestBackup?.articles).toBe(counts.articles);
    expect(health.latestBackup?.annotations).toBe(counts.annotations);
    expect(health.restoreCommand).toContain(`quire restore ${health.latestBackup?.path}`);
    expect(() => session.context.library).toThrow(LibraryDamagedError);

    const result = await session.restore(null);
    expect(session.health()).toEqual({ state: 'ok' });
    const info = libraryInfo(session.context.library);
    expect({ a: info.articles, h: info.annotations, n: info.notes, d: info.dossiers }).toEqual({
      a: counts.articles,
      h: counts.annotations,
      n: counts.notes,
      d: counts.dossiers,
    });
    expect(result.annotations).toBe(counts.annotations);
    expect(result.damagedCopy).not.toBeNull();
    expect(readFileSync(result.damagedCopy as string).equals(damagedBytes)).toBe(true);
    // The restored highlights and notes are the real rows, searchable again.
    const hits = await session.context.search.search({ query: 'Manama keeps the door open', type: 'note' });
    expect(hits.results[0]?.id).toBe(corpus?.noteId);
    await session.close();
  });

  it('opening it with openLibrary raises LibraryDamagedError with the problem, the newest backup and the command', async () => {
    const { libDir } = await backedUpLibrary();
    damageFile(join(libDir, 'quire.sqlite'), 'flip-schema');
    let error: unknown;
    try {
      openLibrary({ dir: libDir });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LibraryDamagedError);
    const damage = error as LibraryDamagedError;
    expect(damage.code).toBe('library_damaged');
    expect(damage.problem).toMatch(/malformed database schema/);
    expect(damage.message).toMatch(/5 highlight\(s\), 1 note\(s\), 1 dossier\(s\)/);
    expect(damage.message).toContain(`quire restore ${damage.latestBackup?.path} --library ${libDir}`);
  });

  it('keeps the WAL of the replaced database beside its damaged copy, never replaying it onto the restored one', async () => {
    const { libDir, counts } = await backedUpLibrary();
    // An analyst's change after the backup, still in the WAL (a reader holds it open: no checkpoint).
    const writer = openLibrary({ dir: libDir });
    writer.db.pragma('wal_autocheckpoint = 0');
    writer.db.prepare(`UPDATE articles SET title = 'edited after the backup'`).run();
    const wal = readFileSync(join(libDir, 'quire.sqlite-wal'));
    const result = await restoreBackup(libDir, null, { rebuildIndex: true });
    writer.close();
    expect(result.damagedCopy).not.toBeNull();
    expect(readFileSync(`${result.damagedCopy}-wal`).subarray(0, 32).equals(wal.subarray(0, 32))).toBe(true);
    const reopened = openLibrary({ dir: libDir });
    expect(libraryInfo(reopened).articles).toBe(counts.articles);
    expect((reopened.db.prepare(`SELECT COUNT(*) AS n FROM articles WHERE title = 'edited after the backup'`).get() as { n: number }).n).toBe(0);
    reopened.close();
  });

  it('refuses to restore while the app holds the library, unless its database is unreadable', async () => {
    const { libDir } = await backedUpLibrary();
    // The parent process (vitest's) stands in for the app: alive, and not us.
    writeFileSync(lockPath(libDir), JSON.stringify({ pid: process.ppid, host: hostname(), by: 'app', startedAt: 'now' }));
    await expect(restoreBackup(libDir, null)).rejects.toThrow(/open in the Quire app \(process \d+/);
    expect(existsSync(join(libDir, 'quire.sqlite'))).toBe(true);
    damageFile(join(libDir, 'quire.sqlite'), 'zero-header');
    const result = await restoreBackup(libDir, null);
    expect(result.articles).toBe(3);
  });

  it('ignores the lock of an app that died', async () => {
    const { libDir } = await backedUpLibrary();
    writeFileSync(lockPath(libDir), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), by: 'app', startedAt: 'then' }));
    await expect(restoreBackup(libDir, null)).resolves.toMatchObject({ articles: 3 });
  });

  it('refuses a backup whose file changed since it was made, touching nothing', async () => {
    const { libDir } = await backedUpLibrary();
    const live = readFileSync(join(libDir, 'quire.sqlite'));
    const backup = (await import('../../../electron/core/backup/store.js')).latestBackup(libDir);
    if (!backup) throw new Error('no backup');
    damageFile(backup.databasePath, 'flip-pages');
    await expect(restoreBackup(libDir, null)).rejects.toThrow(/has changed since it was made/);
    expect(readFileSync(join(libDir, 'quire.sqlite')).equals(live)).toBe(true);
  });

  it('without any backup, says so, points at archives, and restore --latest explains itself', async () => {
    corpus = await buildCorpusLibrary();
    const libDir = corpus.library.dir;
    corpus.library.close();
    damageFile(join(libDir, 'quire.sqlite'), 'zero-header');
    let error: unknown;
    try {
      openLibrary({ dir: libDir });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LibraryDamagedError);
    const damage = error as LibraryDamagedError;
    expect(damage.latestBackup).toBeNull();
    expect(damage.message).toContain('There is no verified backup');
    expect(damage.message).toContain('originals are untouched');
    expect(damage.restoreCommand).toBe(`quire restore <archive folder> --library ${libDir}`);
    await expect(restoreBackup(libDir, null)).rejects.toThrow(/There is no verified backup in .* yet/);
  });
});
