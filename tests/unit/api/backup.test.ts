/**
 * The backup API through the real dispatcher and the app's LibrarySession: recovery mode (health,
 * status and restore answer; everything else fails with library_damaged), restore reopening the library
 * and search without a restart, create, settings and check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createDispatcher, dispatch } from '../../../electron/api/handlers.js';
import { LibrarySession } from '../../../electron/api/session.js';
import type { ApiResult } from '../../../electron/api/define.js';
import { createBackup } from '../../../electron/core/backup/create.js';
import { readLock } from '../../../electron/core/backup/lock.js';
import { listBackups } from '../../../electron/core/backup/store.js';
import { InlineSearchService } from '../../../electron/core/search/service.js';
import { buildCorpusLibrary, type CorpusLibrary } from '../export/corpus-library.js';
import { damageFile } from '../backup/damage.js';

vi.setConfig({ testTimeout: 60_000 });

let corpus: CorpusLibrary | null = null;
let session: LibrarySession | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
  corpus?.dispose();
  corpus = null;
});

async function open(damage: boolean): Promise<LibrarySession> {
  corpus = await buildCorpusLibrary();
  await createBackup(corpus.library, { kind: 'auto' });
  corpus.library.close();
  if (damage) damageFile(join(corpus.library.dir, 'quire.sqlite'), 'zero-header');
  session = new LibrarySession({ dir: corpus.library.dir, by: 'serve', startSearch: (library) => new InlineSearchService(library) });
  session.open();
  return session;
}

async function call(s: LibrarySession, method: string, input: unknown = {}): Promise<ApiResult> {
  return dispatch(s.context, method, input, { refreshWaitMs: 10 });
}

function value<T>(result: ApiResult): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('recovery mode', () => {
  it('answers health, status, check and restore; other methods fail with library_damaged', async () => {
    const s = await open(true);
    expect(readLock(s.dir)?.by).toBe('serve');
    const health = value<{ state: string; latestBackup: { articles: number } | null; restoreCommand: string }>(await call(s, 'library.health'));
    expect(health.state).toBe('damaged');
    expect(health.latestBackup?.articles).toBe(3);
    expect(health.restoreCommand).toMatch(/^quire restore .*backups\/quire-.*\.sqlite --library /);

    const status = value<{ last: unknown; backups: unknown[]; intervalHours: number }>(await call(s, 'backup.status'));
    expect(status.backups).toHaveLength(1);
    expect(status.intervalHours).toBe(24);

    const check = value<{ healthy: boolean; problems: { kind: string }[] }>(await call(s, 'library.check'));
    expect(check.healthy).toBe(false);
    expect(check.problems.map((p) => p.kind)).toEqual(['database_unreadable']);

    for (const method of ['library.info', 'articles.list', 'backup.create']) {
      const result = await call(s, method);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('library_damaged');
        expect(result.error.message).toContain('quire restore');
      }
    }
  });

  it('restores the newest backup and reopens library and search without a restart', async () => {
    const s = await open(true);
    const damaged = readFileSync(join(s.dir, 'quire.sqlite'));
    const restored = value<{ articles: number; annotations: number; notes: number; dossiers: number; damagedCopy: string }>(
      await call(s, 'backup.restore', { backup: null }),
    );
    expect(restored).toMatchObject({ articles: 3, annotations: 5, notes: 1, dossiers: 1 });
    expect(readFileSync(restored.damagedCopy).equals(damaged)).toBe(true);
    expect(value(await call(s, 'library.health'))).toEqual({ state: 'ok' });
    expect(value<{ articles: number }>(await call(s, 'library.info')).articles).toBe(3);
    const hits = value<{ total: number }>(await call(s, 'search.query', { query: 'Bahrain' }));
    expect(hits.total).toBeGreaterThan(0);
  });

  it('enters recovery when the database turns out damaged in the middle of a session', async () => {
    const s = await open(false);
    expect(value(await call(s, 'library.health'))).toEqual({ state: 'ok' });
    // A handler meets a damaged page: SQLite throws SQLITE_CORRUPT from deep inside a query.
    const failing = createDispatcher(
      { 'test.read': { summary: 'reads a damaged page', input: z.object({}), output: z.object({}) } },
      {
        'test.read': () => {
          throw Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT', name: 'SqliteError' });
        },
      },
    );
    const met = await failing(s.context, 'test.read', {});
    expect(met.ok ? 'ok' : met.error.code).toBe('library_damaged');
    expect(met.ok ? '' : met.error.message).toContain('The newest good backup is from');
    expect(s.damaged).not.toBeNull();
    const result = await call(s, 'articles.list');
    expect(result.ok ? 'ok' : result.error.code).toBe('library_damaged');
  });
});

describe('on a healthy library', () => {
  it('creates a backup, changes settings, checks', async () => {
    const s = await open(false);
    const made = value<{ kind: string; articles: number }>(await call(s, 'backup.create'));
    expect(made).toMatchObject({ kind: 'manual', articles: 3 });
    const status = value<{ backups: { kind: string }[]; retention: unknown; intervalHours: number }>(
      await call(s, 'backup.setSettings', { intervalHours: 12, retention: { daily: 10 } }),
    );
    expect(status.backups.map((b) => b.kind)).toEqual(['manual', 'auto']);
    expect(status).toMatchObject({ intervalHours: 12, retention: { daily: 10, weekly: 4, monthly: 12 } });
    const bad = await call(s, 'backup.setSettings', { intervalHours: 0 });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('invalid_input');
    const check = value<{ healthy: boolean }>(await call(s, 'library.check', { repair: true }));
    expect(check.healthy).toBe(true);
  });

  it('backs up an app left open for days, once a backup is due', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      const s = await open(false);
      s.context.library.db.prepare(`UPDATE articles SET title = 'Edited while the app stayed open' WHERE rowid = 1`).run();
      vi.advanceTimersByTime(23 * 3_600_000);
      expect(listBackups(s.dir)).toHaveLength(1);
      vi.advanceTimersByTime(2 * 3_600_000);
      // The backup runs asynchronously (db.backup); poll with the real setTimeout (vi.waitFor's interval is faked here).
      for (let i = 0; i < 100 && listBackups(s.dir).length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(listBackups(s.dir).map((b) => b.kind)).toEqual(['auto', 'auto']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('releases the lock when the session closes', async () => {
    const s = await open(false);
    expect(readLock(s.dir)?.pid).toBe(process.pid);
    await s.close();
    session = null;
    expect(readLock(s.dir)).toBeNull();
  });
});
