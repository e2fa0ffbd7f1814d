import { InvalidArgumentError, Option, type Command } from 'commander';
import { EXIT, Progress, printJson, printLine, wantsJson, withLibrary } from './context.js';

/**
 * `quire import PATH... [--tag T]... [--max-size MB]`
 *
 * JSON (`--json`): {"imported":[{"id","title","path","language","direction","sha256"}],
 *                   "duplicates":[{"path","id"}], "failed":[{"path","error"}]}
 * Exit code 1 when any input failed (duplicates are not failures).
 */

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function parseMaxSize(value: string): number {
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb <= 0) throw new InvalidArgumentError('give a positive number of megabytes, such as 50 or 0.5.');
  return Math.round(mb * 1024 * 1024);
}

/** The default of core/import.ts's DEFAULT_MAX_BYTES, repeated here so `quire --help` does not load the importers. */
const DEFAULT_MAX_MB = 50;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function registerImportCommands(program: Command): void {
  program
    .command('import')
    .description('import articles from files and folders (text, Markdown, HTML, PDF, DOCX); folders are read recursively')
    .argument('<paths...>', 'files or folders to import')
    .option('-t, --tag <tag>', 'add this tag to every imported article (repeatable)', collect, [])
    .addOption(
      new Option('--max-size <MB>', `refuse files larger than this many megabytes (default ${DEFAULT_MAX_MB})`).argParser(parseMaxSize),
    )
    .action(async (paths: string[], options: { tag: string[]; maxSize?: number }, command: Command) => {
      const json = wantsJson(command);
      // Loaded on use: the importers pull in jsdom, pdfjs and mammoth, which every other command can do without.
      const { importPaths } = await import('../core/import.js');
      const report = await withLibrary(command, async (library) => {
        const progress = new Progress();
        try {
          return await importPaths(library, paths, {
            tags: options.tag,
            ...(options.maxSize !== undefined ? { maxBytes: options.maxSize } : {}),
            onProgress: (done, total, path) => progress.update(done, total, path),
          });
        } finally {
          progress.done();
        }
      });

      if (json) {
        printJson({
          imported: report.imported.map((a) => ({
            id: a.id,
            title: a.title,
            path: a.path ?? null,
            language: a.language,
            direction: a.direction,
            sha256: a.sha256,
            ...(a.kind ? { kind: a.kind } : {}),
          })),
          duplicates: report.duplicates,
          failed: report.failed,
        });
      } else {
        for (const a of report.imported) printLine(`imported   ${a.path ?? ''} → ${a.id}  ${a.title}${a.language ? ` (${a.language})` : ''}`);
        for (const d of report.duplicates) printLine(`duplicate  ${d.path} = ${d.id} (already in the library)`);
        for (const f of report.failed) printLine(`failed     ${f.path}: ${withoutName(f.path, f.error)}`);
        const parts = [
          `${importedSummary(report.imported)} imported`,
          ...(report.duplicates.length > 0 ? [plural(report.duplicates.length, 'duplicate')] : []),
          ...(report.failed.length > 0 ? [`${report.failed.length} failed`] : []),
        ];
        printLine(`${parts.join(', ')}.`);
      }
      if (report.failed.length > 0) process.exitCode = EXIT.failed;
    });
}

/** "3 articles", "1 dossier", "2 articles and 1 dossier". */
function importedSummary(imported: readonly { readonly kind?: 'dossier' }[]): string {
  const dossiers = imported.filter((a) => a.kind === 'dossier').length;
  const articles = imported.length - dossiers;
  if (dossiers === 0) return plural(articles, 'article');
  if (articles === 0) return plural(dossiers, 'dossier');
  return `${plural(articles, 'article')} and ${plural(dossiers, 'dossier')}`;
}

/** Errors name the file ("x.png: …"); the human listing already shows the path first. */
function withoutName(path: string, error: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return error.startsWith(`${name}: `) ? error.slice(name.length + 2) : error;
}
