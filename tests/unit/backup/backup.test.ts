/**
 * Automatic and manual backups on a real library: when one is due (clock injected), that a copy failing
 * verification never replaces a good one, rotation on disk, settings in library_meta, the portable
 * archive restored into a fresh folder, and originals outliving their article while a backup needs them.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeArchive } from '../../../electron/core/backup/archive.js';
import { autoBackupDue, autoBackupIfDue, createBackup } from '../../../electron/core/backup/create.js';
import { readManifest } from '../../../electron/core/backup/manifest.js';
import { restoreBackup } from '../../../electron/core/backup/restore.js';
import { readBackupSettings, writeBackupSettings } from '../../../electron/core/backup/settings.js';
import { listBackups } from '../../../electron/core/backup/store.js';
import { deleteArticleWithOriginal } from '../../../electron/core/articles.js';
import { latestVersion, schemaVersion } from '../../../electron/core/db/open.js';
import { libraryInfo, openLibrary } from '../../../electron/core/library.js';
import { InlineSearchService } from '../../../electron/core/search/service.js';
import { insertPlainTextArticle, tempLibrary, type TempLibrary } from '../helpers/library.js';
import { buildCorpusLibrary, type CorpusLibrary } from '../export/corpus-library.js';

vi.setConfig({ testTimeout: 120_000 });

const HOUR = 3_600_000;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function temp(): TempLibrary {
  const t = tempLibrary();
  cleanups.push(t.cleanup);
  return t;
}

async function corpusLibrary(): Promise<CorpusLibrary> {
  const c = await buildCorpusLibrary();
  cleanups.push(c.dispose);
  return c;
}

describe('automatic backups', () => {
  it('are due only when the newest is older than the interval and the library changed since', async () => {
    const { library } = temp();
    const t0 = new Date('2026-03-01T09:00:00Z');
    expect(autoBackupDue(library, t0)).toMatchObject({ due: false, reason: 'nothing to back up yet' });

    insertPlainTextArticle(library, { title: 'First', text: 'One.' });
    expect(autoBackupDue(library, t0)).toMatchObject({ due: true, reason: 'never backed up' });
    expect(await autoBackupIfDue(library, t0)).toMatchObject({ kind: 'auto', articles: 1 });
    expect(autoBackupDue(library, t0).due).toBe(false);

    // Unchanged, even long after: no new backup.
    expect(autoBackupDue(library, new Date(t0.getTime() + 100 * HOUR))).toMatchObject({ due: false, reason: 'no changes since the last backup' });
    // Changed, but within the interval.
    insertPlainTextArticle(library, { title: 'Second', text: 'Two.' });
    expect(autoBackupDue(library, new Date(t0.getTime() + 23 * HOUR))).toMatchObject({ due: false, reason: 'the last backup is recent' });
    // Changed, and the interval has passed.
    expect(autoBackupDue(library, new Date(t0.getTime() + 24 * HOUR)).due).toBe(true);
    // A shorter interval from the settings.
    writeBackupSettings(library.db, { intervalHours: 6 });
    expect(autoBackupDue(library, new Date(t0.getTime() + 7 * HOUR)).due).toBe(true);
  });

  it('notice dossier edits, which the change log does not record', async () => {
    const c = await corpusLibrary();
    const t0 = new Date('2026-03-01T09:00:00Z');
    await createBackup(c.library, { kind: 'auto', now: t0 });
    const later = new Date(t0.getTime() + 48 * HOUR);
    expect(autoBackupDue(c.library, later).due).toBe(false);
    c.library.db.prepare(`UPDATE dossiers SET title = 'Renamed', updated_at = ? WHERE id = ?`).run(later.toISOString(), c.dossierId);
    expect(autoBackupDue(c.library, later).due).toBe(true);
  });

  it('can be turned off with QUIRE_AUTO_BACKUP=0', async () => {
    const { library } = temp();
    insertPlainTextArticle(library, { title: 'First', text: 'One.' });
    vi.stubEnv('QUIRE_AUTO_BACKUP', '0');
    try {
      expect(await autoBackupIfDue(library)).toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
    expect(listBackups(library.dir)).toEqual([]);
  });
});

describe('a backup', () => {
  it('is an online-backup snapshot verified before it counts, with counts and originals in its manifest', async () => {
    const c = await corpusLibrary();
    const backup = await createBackup(c.library, { kind: 'manual', now: new Date('2026-03-01T09:00:00Z') });
    expect(backup).toMatchObject({ id: 'quire-2026-03-01T09-00-00-000Z.sqlite', kind: 'manual', articles: 3, annotations: 5, notes: 1, dossiers: 1 });
    const manifest = readManifest(backup.path.replace(/\.sqlite$/, '.json'));
    expect(manifest?.verified).toBe(true);
    expect(manifest?.originals).toHaveLength(3);
    expect(manifest?.bytes).toBe(readFileSync(backup.path).length);
    // One self-contained file: no -wal beside it.
    expect(readdirSync(join(c.library.dir, 'backups')).sort()).toEqual([backup.id.replace('.sqlite', '.json'), backup.id]);
  });

  it('that fails verification never replaces a good one, and nothing is rotated out', async () => {
    const c = await corpusLibrary();
    const good = await createBackup(c.library, { kind: 'auto', now: new Date('2026-03-01T09:00:00Z') });
    writeBackupSettings(c.library.db, { retention: { daily: 0, weekly: 0, monthly: 0 } });
    const before = readdirSync(join(c.library.dir, 'backups')).sort();
    await expect(
      createBackup(c.library, {
        kind: 'auto',
        now: new Date('2026-03-05T09:00:00Z'),
        // What a failing disk does to the copy between writing and verifying it.
        beforeVerify: (partial) => {
          const bytes = readFileSync(partial);
          for (let at = 4096; at < bytes.length; at += 97) bytes[at] = (bytes[at] ?? 0) ^ 0xff;
          writeFileSync(partial, bytes);
        },
      }),
    ).rejects.toThrow(/did not pass verification .* older backups were kept/);
    expect(readdirSync(join(c.library.dir, 'backups')).sort()).toEqual(before);
    expect(listBackups(c.library.dir)).toEqual([good]);
  });

  it('rotation on disk keeps the expected automatic backups and every manual one', async () => {
    const { library } = temp();
    writeBackupSettings(library.db, { retention: { daily: 3, weekly: 2, monthly: 2 } });
    const start = Date.UTC(2026, 0, 1, 3);
    await createBackup(library, { kind: 'manual', now: new Date(start - 24 * HOUR) });
    for (let day = 0; day < 40; day++) {
      insertPlainTextArticle(library, { title: `Day ${day}`, text: `Written on day ${day}.` });
      await createBackup(library, { kind: 'auto', now: new Date(start + day * 24 * HOUR) });
    }
    const days = listBackups(library.dir).map((b) => `${b.kind}:${b.createdAt.slice(0, 10)}`);
    // Last day 2026-02-09 (a Monday): daily 09, 08, 07; weekly W07 → 09, W06 → 08; monthly Feb → 09, Jan → 31.
    expect(days).toEqual(['auto:2026-02-09', 'auto:2026-02-08', 'auto:2026-02-07', 'auto:2026-01-31', 'manual:2025-12-31']);
    expect(readdirSync(join(library.dir, 'backups'))).toHaveLength(10);
  });
});

describe('settings', () => {
  it('live in library_meta, with defaults, without a schema change', () => {
    const { library } = temp();
    expect(readBackupSettings(library.db)).toEqual({ intervalHours: 24, retention: { daily: 7, weekly: 4, monthly: 12 } });
    writeBackupSettings(library.db, { intervalHours: 12, retention: { weekly: 8 } });
    expect(readBackupSettings(library.db)).toEqual({ intervalHours: 12, retention: { daily: 7, weekly: 8, monthly: 12 } });
    expect(schemaVersion(library.db)).toBe(latestVersion); // the settings needed no migration of their own
    expect(() => writeBackupSettings(library.db, { intervalHours: 0 })).toThrow(/between 1 hour and 30 days/);
    expect(() => writeBackupSettings(library.db, { retention: { daily: -1 } })).toThrow(/whole number/);
  });
});

describe('the portable archive (backup --to DIR)', () => {
  it('restores into a fresh folder with originals, highlights, notes, dossiers and search', async () => {
    const c = await corpusLibrary();
    const out = mkdtempSync(join(tmpdir(), 'quire-archive-'));
    cleanups.push(() => rmSync(out, { recursive: true, force: true }));
    const archive = await writeArchive(c.library, out, new Date('2026-03-01T09:00:00Z'));
    expect(archive).toMatchObject({ id: 'quire-backup-2026-03-01T09-00-00-000Z', kind: 'archive', articles: 3, annotations: 5, notes: 1, dossiers: 1 });
    expect(readdirSync(archive.path).sort()).toEqual(['manifest.json', 'originals', 'quire.sqlite']);
    expect(readdirSync(join(archive.path, 'originals'))).toHaveLength(3);
    expect(readdirSync(out)).toEqual([archive.id]); // no partial folder left

    const fresh = join(out, 'another-machine', 'library');
    const result = await restoreBackup(fresh, archive.path, { rebuildIndex: true });
    expect(result).toMatchObject({ articles: 3, annotations: 5, notes: 1, dossiers: 1, damagedCopy: null, warnings: [] });
    const library = openLibrary({ dir: fresh });
    try {
      const expected = libraryInfo(c.library);
      expect({ ...libraryInfo(library), path: '' }).toEqual({ ...expected, path: '' });
      for (const name of readdirSync(c.library.originals.dir)) {
        expect(readFileSync(join(library.originals.dir, name)).equals(readFileSync(join(c.library.originals.dir, name)))).toBe(true);
      }
      const search = new InlineSearchService(library);
      const hits = await search.search({ query: 'Beijing' });
      await search.close();
      expect(hits.total).toBeGreaterThan(0);
    } finally {
      library.close();
    }
  });

  it('refuses an archive whose original was damaged in transit', async () => {
    const c = await corpusLibrary();
    const out = mkdtempSync(join(tmpdir(), 'quire-archive-'));
    cleanups.push(() => rmSync(out, { recursive: true, force: true }));
    const archive = await writeArchive(c.library, out);
    const original = readdirSync(join(archive.path, 'originals'))[0] as string;
    writeFileSync(join(archive.path, 'originals', original), 'not the original any more');
    const fresh = join(out, 'fresh');
    await expect(restoreBackup(fresh, archive.path)).rejects.toThrow(/does not match its SHA-256/);
    expect(existsSync(join(fresh, 'quire.sqlite'))).toBe(false);
  });
});

describe('originals referenced by backups', () => {
  it('outlive their article, so restoring the backup finds them', async () => {
    const c = await corpusLibrary();
    await createBackup(c.library, { kind: 'manual' });
    const hash = (c.library.db.prepare(`SELECT original_sha256 AS h FROM articles WHERE id = ?`).get(c.articles.md) as { h: string }).h;
    deleteArticleWithOriginal(c.library, c.articles.md);
    expect(existsSync(c.library.originals.pathFor(hash))).toBe(true);
    const dir = c.library.dir;
    c.library.close();
    const result = await restoreBackup(dir, null);
    expect(result.warnings).toEqual([]);
    expect(result.articles).toBe(3);
  });
});
