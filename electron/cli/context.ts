import type { Command } from 'commander';
import { QuireError, errorMessage } from '../core/errors.js';
import { autoBackupIfDue } from '../core/backup/create.js';
import { isDatabaseDamage, LibraryDamagedError } from '../core/backup/damage.js';
import { openLibrary, type Library } from '../core/library.js';

/** Exit codes, documented in README: 0 success, 1 some inputs or the operation failed, 2 usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export interface GlobalOptions {
  readonly library?: string;
  readonly json?: boolean;
}

/** Global options, accepted before or after the command name (commander merges them here). */
export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

export function wantsJson(command: Command): boolean {
  return globalOptions(command).json === true;
}

/**
 * Opens the library named by --library / QUIRE_LIBRARY / the default, runs `fn`, always closes it.
 * An automatic backup is made at open or close when one is due (docs/backups.md; cheap otherwise).
 * A damaged database, met at open or while reading, becomes the recovery message (LibraryDamagedError).
 */
export async function withLibrary<T>(command: Command, fn: (library: Library) => T | Promise<T>): Promise<T> {
  const options = globalOptions(command);
  const library = openLibrary(options.library ? { dir: options.library } : {});
  try {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      await autoBackupIfDue(library);
      outcome = { ok: true, value: await fn(library) };
    } catch (error) {
      if (isDatabaseDamage(error)) throw error;
      outcome = { ok: false, error };
    }
    // Also after a command that failed (an import with one bad file still stored the others).
    await autoBackupIfDue(library);
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  } catch (error) {
    throw isDatabaseDamage(error) ? LibraryDamagedError.from(library.dir, error) : error;
  } finally {
    library.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Thrown by commands for a failure whose message has already been printed; carries the exit code. */
export class ExitSignal extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/** Reports an error in the analyst's words and returns the exit code it deserves. */
export function reportError(error: unknown): number {
  if (error instanceof ExitSignal) return error.exitCode;
  if (error instanceof QuireError) {
    process.stderr.write(`quire: ${error.message}\n`);
    return error.code === 'usage' ? EXIT.usage : EXIT.failed;
  }
  process.stderr.write(`quire: unexpected error: ${errorMessage(error)}\n`);
  if (process.env['QUIRE_DEBUG'] && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
  return EXIT.failed;
}

/**
 * Progress on stderr: a live bar on a terminal, nothing on a pipe (stdout stays machine-readable).
 */
export class Progress {
  private readonly live = process.stderr.isTTY === true;
  private lastDraw = 0;

  update(done: number, total: number, label = ''): void {
    if (!this.live) return;
    const now = Date.now();
    if (done < total && now - this.lastDraw < 50) return;
    this.lastDraw = now;
    const width = 28;
    const filled = total > 0 ? Math.round((done / total) * width) : 0;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const text = `${bar} ${done}/${total} ${label}`.slice(0, (process.stderr.columns ?? 80) - 1);
    process.stderr.write(`\r\x1b[K${text}`);
  }

  done(): void {
    if (this.live) process.stderr.write('\r\x1b[K');
  }
}
