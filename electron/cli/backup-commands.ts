/**
 * `quire backup [--to DIR]`, `quire backups`, `quire restore BACKUP|--latest`, `quire check [--repair]`,
 * `quire backup-settings`. The work is in core/backup/; this file parses and prints.
 */
import type { Command } from 'commander';
import { writeArchive } from '../core/backup/archive.js';
import { checkLibrary, type CheckReport } from '../core/backup/check.js';
import { createBackup } from '../core/backup/create.js';
import { restoreBackup, type RestoreResult } from '../core/backup/restore.js';
import { readBackupSettings, writeBackupSettings, type BackupSettings } from '../core/backup/settings.js';
import { listBackups, type Backup } from '../core/backup/store.js';
import { LibraryDamagedError } from '../core/backup/damage.js';
import { UsageError } from '../core/errors.js';
import { defaultLibraryDir } from '../core/paths.js';
import { EXIT, ExitSignal, globalOptions, printJson, printLine, wantsJson, withLibrary } from './context.js';
import { resolve } from 'node:path';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function counts(b: { articles: number; annotations: number; notes: number; dossiers: number }): string {
  return `${b.articles} article(s), ${b.annotations} highlight(s), ${b.notes} note(s), ${b.dossiers} dossier(s)`;
}

/** The JSON object of one backup: the seven fields, then id and kind. */
export function backupJson(b: Backup): Record<string, string | number> {
  return {
    path: b.path,
    createdAt: b.createdAt,
    articles: b.articles,
    annotations: b.annotations,
    notes: b.notes,
    dossiers: b.dossiers,
    bytes: b.bytes,
    id: b.id,
    kind: b.kind,
  };
}

function libraryDirOf(command: Command): string {
  return resolve(globalOptions(command).library ?? defaultLibraryDir());
}

function printSettings(settings: BackupSettings): void {
  const r = settings.retention;
  printLine(`Automatic backups: every ${settings.intervalHours} h when the library changed; keeping ${r.daily} daily, ${r.weekly} weekly, ${r.monthly} monthly.`);
}

function printRestore(result: RestoreResult): void {
  printLine(`Restored the backup of ${when(result.restored.createdAt)} (${result.restored.path}).`);
  printLine(`The library now holds ${counts(result)}.`);
  if (result.damagedCopy) printLine(`The database it replaced is kept as ${result.damagedCopy} (Quire never deletes it).`);
  for (const warning of result.warnings) printLine(`Warning: ${warning}`);
}

function printCheck(report: CheckReport): void {
  for (const line of report.repaired) printLine(`Repaired: ${line}`);
  const { articles, originals, indexedArticles } = report.checked;
  if (report.healthy) {
    printLine(`The library is healthy: database, ${articles} article(s), ${originals} original file(s) and the search index (${indexedArticles} article(s)) checked.`);
    return;
  }
  printLine(`${report.problems.length} problem(s) found:`);
  for (const p of report.problems) printLine(`  [${p.kind}] ${p.message}${p.repairable ? ' (quire check --repair fixes this)' : ''}`);
  if (report.problems.some((p) => p.kind === 'integrity' || p.kind === 'foreign_key')) {
    printLine('The database itself is damaged: restore the newest good backup with `quire restore --latest` (the damaged file is kept).');
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('make a verified backup now in <library>/backups, or with --to DIR a portable archive folder (database, originals, manifest)')
    .option('--to <dir>', 'write a portable archive folder into DIR (restore it anywhere with `quire restore FOLDER`)')
    .action(async (options: { to?: string }, command: Command) => {
      await withLibrary(command, async (library) => {
        const backup = options.to ? await writeArchive(library, options.to) : await createBackup(library, { kind: 'manual' });
        if (wantsJson(command)) return printJson(backupJson(backup));
        printLine(`Backed up ${counts(backup)} to ${backup.path} (${size(backup.bytes)}, verified).`);
      });
    });

  program
    .command('backups')
    .description('list the verified backups of the library, newest first')
    .action(async (_options: unknown, command: Command) => {
      const print = (backups: Backup[], settings: BackupSettings | null): void => {
        if (wantsJson(command)) return printJson(backups.map(backupJson));
        if (settings) printSettings(settings);
        if (backups.length === 0) return printLine('No backups yet. Make one with `quire backup`.');
        for (const b of backups) printLine(`${when(b.createdAt)}  ${b.kind.padEnd(6)}  ${counts(b)}  ${size(b.bytes)}  ${b.id}`);
      };
      try {
        await withLibrary(command, (library) => print(listBackups(library.dir), readBackupSettings(library.db)));
      } catch (error) {
        // The list is what an analyst with a damaged database needs most: print it, then the recovery message.
        if (!(error instanceof LibraryDamagedError)) throw error;
        print(listBackups(error.libraryDir), null);
        throw error;
      }
    });

  program
    .command('backup-settings')
    .description('show or change how often automatic backups are made and how many are kept')
    .option('--interval <hours>', 'hours between automatic backups (default 24)')
    .option('--keep-daily <n>', 'daily backups kept (default 7)')
    .option('--keep-weekly <n>', 'weekly backups kept (default 4)')
    .option('--keep-monthly <n>', 'monthly backups kept (default 12)')
    .action(async (options: { interval?: string; keepDaily?: string; keepWeekly?: string; keepMonthly?: string }, command: Command) => {
      await withLibrary(command, (library) => {
        const num = (value: string | undefined, name: string): number | undefined => {
          if (value === undefined) return undefined;
          const n = Number(value);
          if (!Number.isFinite(n)) throw new UsageError(`${name} takes a number, not “${value}”.`);
          return n;
        };
        const settings = writeBackupSettings(library.db, {
          intervalHours: num(options.interval, '--interval'),
          retention: { daily: num(options.keepDaily, '--keep-daily'), weekly: num(options.keepWeekly, '--keep-weekly'), monthly: num(options.keepMonthly, '--keep-monthly') },
        });
        if (wantsJson(command)) return printJson(settings);
        printSettings(settings);
      });
    });

  program
    .command('restore')
    .description('restore a backup (an id from `quire backups`, a backup file or an archive folder) into place; the current database is kept as quire.sqlite.damaged-<time>')
    .argument('[backup]', 'the backup to restore')
    .option('--latest', 'restore the newest verified backup')
    .action(async (backup: string | undefined, options: { latest?: boolean }, command: Command) => {
      if ((backup === undefined) === (options.latest !== true)) {
        throw new UsageError('Name one backup to restore (an id from `quire backups`, a file or an archive folder), or use --latest.');
      }
      const result = await restoreBackup(libraryDirOf(command), backup ?? null, { rebuildIndex: true });
      if (wantsJson(command)) return printJson({ ...result, restored: backupJson(result.restored) });
      printRestore(result);
    });

  program
    .command('check')
    .description('check the database, every original file (SHA-256) and the search index; exit 1 naming each problem')
    .option('--repair', 'fix what can be fixed without guessing (leftover temporary files, the search index) and say what was done')
    .action(async (options: { repair?: boolean }, command: Command) => {
      let report: CheckReport;
      try {
        report = await withLibrary(command, (library) => checkLibrary(library, { repair: options.repair === true }));
      } catch (error) {
        if (!(error instanceof LibraryDamagedError) || !wantsJson(command)) throw error;
        // --json: the report still, naming the unreadable database (the message goes to stderr as well).
        printJson({
          healthy: false,
          problems: [{ kind: 'database_unreadable', message: error.message, articleId: null, file: 'quire.sqlite', repairable: false }],
          repaired: [],
          checked: { articles: 0, originals: 0, indexedArticles: 0 },
        } satisfies CheckReport);
        throw error;
      }
      if (wantsJson(command)) printJson(report);
      else printCheck(report);
      if (!report.healthy) throw new ExitSignal(EXIT.failed);
    });
}
