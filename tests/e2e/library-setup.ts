/**
 * Libraries prepared before a test's own `quire serve` starts: real content (articles, a labelled
 * highlight, a note, a dossier) written through the API of a short-lived server, optionally backed up,
 * then the database damaged the way a bad disk or a half-finished sync would leave it.
 */
import { closeSync, existsSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupDto } from '../../electron/api/contract/backup.js';
import { ENGLISH_TXT, MARKDOWN } from './corpus.js';
import { apiClient, runQuire, startQuireServer, stopProcess } from './fixtures.js';

export interface SeededLibrary {
  readonly articleTitles: readonly string[];
  /** A highlighted passage of the first article. */
  readonly quote: string;
  readonly noteTitle: string;
  readonly dossierTitle: string;
  /** The newest backup as `quire backups --json` lists it, or null when the library has none. */
  readonly backup: BackupDto | null;
}

export const SEED_QUOTE = 'continue coordination with its Iranian counterpart';

/** Two articles, one highlight, one note and one dossier; with `backup`, a verified backup of them. */
export async function seedLibrary(dir: string, options: { backup: boolean }): Promise<SeededLibrary> {
  const { server, child } = await startQuireServer(dir);
  const noteTitle = 'Manama–Tehran: what changed after Beijing';
  const dossierTitle = 'Gulf détente brief';
  let articleTitles: string[];
  try {
    const api = apiClient(server);
    const { imported } = await api('import.paths', { paths: [ENGLISH_TXT, MARKDOWN] });
    if (imported.length !== 2) throw new Error(`expected 2 imported articles, got ${imported.length}`);
    articleTitles = imported.map((a) => a.title);
    const english = await api('articles.get', { id: imported[0]!.id });
    const start = english.text.indexOf(SEED_QUOTE);
    if (start < 0) throw new Error('the seed quote is not in the English article');
    const labels = await api('labels.list', {});
    const highlight = await api('annotations.create', { articleId: english.id, start, end: start + SEED_QUOTE.length, quote: SEED_QUOTE, labelId: labels[0]?.id ?? null });
    await api('notes.create', { title: noteTitle, text: 'Bahrain’s foreign ministry keeps the channel to Tehran open.', cite: [highlight.id] });
    const dossier = await api('dossiers.create', { title: dossierTitle });
    await api('dossiers.addItems', { dossierId: dossier.id, ids: [english.id] });
    if (options.backup) await api('backup.create', {});
  } finally {
    await stopProcess(child);
  }
  if (!options.backup) {
    // Closing a changed library may make its first automatic backup: this library is one whose
    // backups are gone (never made, or lost with the disk), so remove them.
    rmSync(join(dir, 'backups'), { recursive: true, force: true });
    return { articleTitles, quote: SEED_QUOTE, noteTitle, dossierTitle, backup: null };
  }
  const listed = await runQuire(dir, ['backups', '--json']);
  if (listed.code !== 0) throw new Error(`quire backups failed: ${listed.stderr}`);
  const backups = JSON.parse(listed.stdout) as BackupDto[];
  if (backups.length === 0) throw new Error('the library has no backup after backup.create');
  return { articleTitles, quote: SEED_QUOTE, noteTitle, dossierTitle, backup: backups[0]! };
}

/**
 * Damages `quire.sqlite` as a failing disk or a half-copied sync would: the 100-byte header is
 * overwritten and bytes are flipped inside the first pages. SQLite then refuses the file.
 */
export function damageDatabase(dir: string): void {
  const file = join(dir, 'quire.sqlite');
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(100, 0xa5), 0, 100, 0);
    const noise = Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0xff, 0x13, 0x37]);
    for (let offset = 4096 + 512; offset < Math.min(size, 4 * 4096); offset += 1024) writeSync(fd, noise, 0, noise.length, offset);
  } finally {
    closeSync(fd);
  }
}

/** The copies a restore kept aside (`quire.sqlite.damaged-<time>`). */
export function damagedCopies(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('quire.sqlite.damaged-')) : [];
}
