/**
 * A library whose database cannot be opened or read: recognising SQLite's "this file is damaged" errors,
 * and the typed error every door shows instead of "unexpected error": what is wrong, the newest good
 * backup (date and counts) and the exact command that restores it.
 */
import { QuireError, errorMessage } from '../errors.js';
import { latestBackup, type Backup } from './store.js';

/** SQLite result codes that mean the file itself is bad (not busy, not a bug in a query). */
const DAMAGE_CODES = /^SQLITE_(CORRUPT|NOTADB|IOERR|CANTOPEN|FORMAT|RANGE)/;
const DAMAGE_WORDS = /malformed|file is not a database|disk image|database corruption|unsupported file format/i;

export function isDatabaseDamage(error: unknown): boolean {
  if (error instanceof LibraryDamagedError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && DAMAGE_CODES.test(code)) return true;
  return error.name === 'SqliteError' && DAMAGE_WORDS.test(error.message);
}

/** Quotes a path for the shell the analyst pastes the command into. */
function shellQuote(path: string): string {
  if (/^[\w./:\\-]+$/.test(path)) return path;
  return process.platform === 'win32' ? `"${path.replace(/"/g, '""')}"` : `'${path.replace(/'/g, "'\\''")}'`;
}

export function restoreCommand(libraryDir: string, backup: Backup | null): string {
  // Without a backup in the library, only an archive made with `quire backup --to` can help.
  return `quire restore ${backup ? shellQuote(backup.path) : '<archive folder>'} --library ${shellQuote(libraryDir)}`;
}

function describeBackup(backup: Backup): string {
  return `${backup.createdAt.replace('T', ' ').slice(0, 16)} UTC, ${backup.articles} article(s), ${backup.annotations} highlight(s), ${backup.notes} note(s), ${backup.dossiers} dossier(s)`;
}

export class LibraryDamagedError extends QuireError {
  readonly libraryDir: string;
  /** What SQLite said, in a sentence. */
  readonly problem: string;
  readonly latestBackup: Backup | null;
  readonly restoreCommand: string;

  constructor(libraryDir: string, problem: string, latest: Backup | null, options?: { cause?: unknown }) {
    const command = restoreCommand(libraryDir, latest);
    const lines = [
      `The library database ${libraryDir}/quire.sqlite is damaged and cannot be used: ${problem}.`,
      latest
        ? `The newest good backup is from ${describeBackup(latest)}.\nRestore it (the damaged file is kept as quire.sqlite.damaged-<time>):\n  ${command}`
        : `There is no verified backup in ${libraryDir}/backups. Your original files in ${libraryDir}/originals are untouched; if you have an archive made with \`quire backup --to\`, restore it with:\n  ${command}`,
    ];
    super('library_damaged', lines.join('\n'), options);
    this.name = 'LibraryDamagedError';
    this.libraryDir = libraryDir;
    this.problem = problem;
    this.latestBackup = latest;
    this.restoreCommand = command;
  }

  /** From the SQLite error met while opening or reading the library. */
  static from(libraryDir: string, error: unknown): LibraryDamagedError {
    if (error instanceof LibraryDamagedError) return error;
    let latest: Backup | null = null;
    try {
      latest = latestBackup(libraryDir)?.backup ?? null;
    } catch {
      // The backups folder is unreadable too: say so through the missing backup.
    }
    return new LibraryDamagedError(libraryDir, plainProblem(error), latest, { cause: error });
  }
}

function plainProblem(error: unknown): string {
  const message = errorMessage(error);
  if (!(error instanceof Error) || error.name !== 'SqliteError') return message;
  if (/file is not a database|NOTADB/i.test(message)) return 'it is not a readable SQLite database (its header is damaged or it is another kind of file)';
  if (/malformed/i.test(message)) return `SQLite reports it as malformed (“${message}”)`;
  return `SQLite reports “${message}”`;
}
