/**
 * `quire export DOSSIER_ID --format pdf|html|md|json --out FILE [--paper a4|letter] [--no-originals]`
 * Progress goes to stderr (a bar on a terminal); stdout gets the path written (or JSON with --json).
 */
import type { Command } from 'commander';
import { extname, resolve } from 'node:path';
import { findDossier } from '../core/dossiers/dossiers.js';
import { NotFoundError } from '../core/errors.js';
import { checkFormat, checkPaper, exportDossier, exportFilename, type ExportFormat } from '../core/export/index.js';
import { Progress, printJson, printLine, wantsJson, withLibrary } from './context.js';

interface ExportCommandOptions {
  readonly format?: string;
  readonly out?: string;
  readonly paper: string;
  /** false with --no-originals. */
  readonly originals?: boolean;
}

const BY_EXTENSION: Readonly<Record<string, ExportFormat>> = { '.pdf': 'pdf', '.html': 'html', '.htm': 'html', '.md': 'md', '.markdown': 'md', '.json': 'json' };

export function registerExportCommands(program: Command): void {
  program
    .command('export')
    .description('export a dossier to PDF, HTML, Markdown or JSON')
    .argument('<dossier-id>', 'the dossier to export (see `quire dossier list`)')
    .option('-f, --format <format>', 'pdf, html, md or json (default: from the --out extension, else pdf)')
    .option('-o, --out <file>', 'the file to write (default: the dossier title in the current folder)')
    .option('--paper <size>', 'paper size for PDF and HTML printing: a4 or letter', 'a4')
    .option('--no-originals', 'JSON only: leave the original files out (smaller; see docs/dossier-json.md)')
    .addHelpText(
      'after',
      '\nPDF export prints with Chromium (set QUIRE_CHROMIUM to choose one). An empty dossier exports as a short document saying so.',
    )
    .action(async (dossierId: string, options: ExportCommandOptions, command: Command) => {
      const format = options.format
        ? checkFormat(options.format)
        : (options.out && BY_EXTENSION[extname(options.out).toLowerCase()]) || 'pdf';
      const paper = checkPaper(options.paper);
      await withLibrary(command, async (library) => {
        const dossier = findDossier(library.db, dossierId);
        if (!dossier) throw new NotFoundError('dossier', dossierId);
        const out = resolve(options.out ?? exportFilename(dossier.title, format));
        const progress = new Progress();
        const result = await exportDossier(library, dossierId, {
          format,
          paper,
          out,
          includeOriginals: options.originals !== false,
          onProgress: (p) => progress.update(Math.round(p.fraction * 100), 100, p.message),
        }).finally(() => progress.done());
        if (wantsJson(command)) {
          return printJson({ path: result.path, format: result.format, mediaType: result.mediaType, bytes: result.bytes.byteLength, paper });
        }
        printLine(result.path);
      });
    });
}
