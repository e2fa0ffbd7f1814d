/**
 * `quire dossier …`: build dossiers from the command line (the app's dossier builder, scriptable).
 * Positions are 1-based here, as `quire dossier show` numbers the items.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  addItems,
  createDossier,
  deleteDossier,
  duplicateDossier,
  getDossierView,
  listDossiers,
  moveItem,
  removeItem,
  setItemOptions,
  updateDossier,
  type DossierPatch,
  type DossierView,
} from '../core/dossiers/dossiers.js';
import '../core/dossiers/import-hook.js';
import { importDossierJson, type DossierImportResult } from '../core/dossiers/json.js';
import { QuireError, UsageError } from '../core/errors.js';
import { noteDocumentFromMarkdown } from '../core/notes-markdown.js';
import { printJson, printLine, wantsJson, withLibrary } from './context.js';

interface MetadataOptions {
  readonly title?: string;
  readonly subtitle?: string;
  readonly author?: string;
  readonly marking?: string;
  readonly date?: string;
  readonly summary?: string;
  readonly summaryFile?: string;
  /** `--chronology` / `--no-chronology`; undefined when neither is given. */
  readonly chronology?: boolean;
}

/** Empty strings clear a field (`--marking ''`). */
function patchFrom(options: MetadataOptions): DossierPatch {
  if (options.summary !== undefined && options.summaryFile !== undefined) {
    throw new UsageError('Give the summary with --summary or --summary-file, not both.');
  }
  const patch: { -readonly [K in keyof DossierPatch]: DossierPatch[K] } = {};
  if (options.title !== undefined) patch.title = options.title;
  if (options.subtitle !== undefined) patch.subtitle = options.subtitle;
  if (options.author !== undefined) patch.author = options.author;
  if (options.marking !== undefined) patch.marking = options.marking;
  if (options.date !== undefined) patch.date = options.date;
  if (options.summary !== undefined) patch.summaryText = options.summary;
  if (options.summaryFile !== undefined) patch.summaryJson = JSON.stringify(noteDocumentFromMarkdown(readText(options.summaryFile)));
  if (options.chronology !== undefined) patch.includeChronology = options.chronology;
  return patch;
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new UsageError(`There is no file ${file}.`);
    if (code === 'EISDIR') throw new UsageError(`${file} is a folder, not a file.`);
    throw new QuireError('read_failed', `Could not read ${file}.`, { cause: error });
  }
}

function parsePosition(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`A position is a number from 1 (got “${value}”).`);
  return n;
}

const KIND_NAMES = { heading: 'Heading', article: 'Article', annotation: 'Highlight', note: 'Note' } as const;

function printDossier(dossier: DossierView): void {
  printLine(`${dossier.title}  (${dossier.id})`);
  const meta: [string, string | null][] = [
    ['Subtitle', dossier.subtitle],
    ['Author', dossier.author],
    ['Date', dossier.date],
    ['Marking', dossier.marking],
    ['Chronology', dossier.includeChronology ? 'included (dated events of its sources, after the summary)' : null],
  ];
  for (const [key, value] of meta) if (value) printLine(`${`${key}:`.padEnd(Math.max(10, key.length + 2))}${value}`);
  if (dossier.summaryText) {
    printLine();
    printLine(dossier.summaryText);
  }
  printLine();
  if (dossier.items.length === 0) {
    printLine('No items yet. Add some with `quire dossier add DOSSIER_ID ARTICLE_OR_HIGHLIGHT_OR_NOTE_ID…`.');
    return;
  }
  const width = String(dossier.items.length).length;
  for (const item of dossier.items) {
    const number = String(item.position + 1).padStart(width);
    if (item.kind === 'heading') {
      printLine(`${number}. ## ${item.title}  (${item.id})`);
      continue;
    }
    const flags = [
      item.missing ? 'deleted' : null,
      item.options.highlightsOnly ? 'highlights only' : null,
      item.label ? item.label.name : null,
    ].filter(Boolean);
    const quoted = item.kind === 'annotation' ? `“${item.title}”` : item.title;
    printLine(`${number}. ${KIND_NAMES[item.kind]}: ${quoted}${flags.length ? `  [${flags.join(', ')}]` : ''}`);
    printLine(`${' '.repeat(width + 2)}${item.id} → ${item.refId ?? ''}${item.detail && !item.missing ? `  ${item.detail}` : ''}`);
  }
}

function printImport(result: DossierImportResult): void {
  const n = (x: { created: number; reused: number }, what: string): string =>
    `${what}: ${x.created} new${x.reused ? `, ${x.reused} already in the library` : ''}`;
  printLine(
    result.dossierCreated
      ? `Imported dossier ${result.dossierId} “${result.title}”.`
      : `The library already has dossier ${result.dossierId} “${result.title}”; it was left as it is.`,
  );
  printLine(`  ${n(result.articles, 'Articles')}; ${n(result.annotations, 'highlights')}; ${n(result.notes, 'notes')}; ${n(result.labels, 'labels')}.`);
}

export function registerDossierCommands(program: Command): void {
  const dossier = program.command('dossier').description('build dossiers: create, add items, reorder, show');

  const metadataOptions = (command: Command): Command =>
    command
      .option('--subtitle <text>', 'subtitle')
      .option('--author <name>', 'author printed on the cover')
      .option('--marking <text>', 'a line printed at the top and bottom of every page (e.g. a classification)')
      .option('--date <date>', 'date printed on the cover (default: today)')
      .option('--summary <text>', 'summary (plain text; blank lines separate paragraphs)')
      .option('--summary-file <file.md>', 'summary from a Markdown file')
      .option('--chronology', 'print a chronology of the dated events in its sources (docs/timeline.md)')
      .option('--no-chronology', 'print no chronology section');

  metadataOptions(dossier.command('create').description('create a dossier and print it with its id').argument('<title>', 'title')).action(
    async (title: string, options: MetadataOptions, command: Command) => {
      await withLibrary(command, (library) => {
        const created = createDossier(library.db, { ...patchFrom(options), title });
        if (wantsJson(command)) return printJson(created);
        printLine(`Created dossier ${created.id} “${created.title}”.`);
      });
    },
  );

  dossier
    .command('list')
    .description('list dossiers, most recently edited first')
    .action(async (_options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        const dossiers = listDossiers(library.db);
        if (wantsJson(command)) return printJson(dossiers);
        if (dossiers.length === 0) return printLine('No dossiers yet. Create one with `quire dossier create TITLE`.');
        for (const d of dossiers) {
          const meta = [d.date, d.marking, `${d.itemCount} item${d.itemCount === 1 ? '' : 's'}`].filter(Boolean).join(' · ');
          printLine(`${d.id}  ${d.title}  (${meta})`);
        }
      });
    });

  dossier
    .command('show')
    .description('show a dossier with its numbered items')
    .argument('<dossier-id>', 'dossier id')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        const view = getDossierView(library.db, id);
        if (wantsJson(command)) return printJson(view);
        printDossier(view);
      });
    });

  dossier
    .command('add')
    .description('add articles, highlights or notes (by id), and/or a section heading')
    .argument('<dossier-id>', 'dossier id')
    .argument('[ids...]', 'article, highlight or note ids, added in this order')
    .option('--highlights-only', 'for articles: print only the highlighted passages')
    .option('--heading <text>', 'add a section heading before the items')
    .option('--position <n>', 'insert at this position (1 = first) instead of at the end')
    .action(
      async (
        dossierId: string,
        ids: string[],
        options: { highlightsOnly?: boolean; heading?: string; position?: string },
        command: Command,
      ) => {
        if (ids.length === 0 && options.heading === undefined) {
          throw new UsageError('Name at least one article, highlight or note id, or give --heading TEXT.');
        }
        await withLibrary(command, (library) => {
          const result = addItems(library.db, dossierId, {
            ids,
            ...(options.heading !== undefined ? { heading: options.heading } : {}),
            highlightsOnly: options.highlightsOnly === true,
            ...(options.position !== undefined ? { position: parsePosition(options.position) - 1 } : {}),
          });
          if (wantsJson(command)) return printJson(result);
          for (const item of result.added) {
            printLine(`Added ${item.kind === 'annotation' ? 'highlight' : item.kind} ${item.refId ?? `“${item.heading ?? ''}”`} as item ${item.position + 1} (${item.id}).`);
          }
          for (const skip of result.skipped) printLine(`Skipped ${skip.id}: ${skip.reason}`);
        });
      },
    );

  dossier
    .command('remove')
    .description('remove an item (by item id, or by the id of the article, highlight or note)')
    .argument('<dossier-id>', 'dossier id')
    .argument('<item-id>', 'item id or referenced id')
    .action(async (dossierId: string, itemId: string, _options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        const removed = removeItem(library.db, dossierId, itemId);
        if (wantsJson(command)) return printJson({ removed: removed.id });
        printLine(`Removed item ${removed.id} from the dossier.`);
      });
    });

  dossier
    .command('move')
    .description('move an item to a position (1 = first)')
    .argument('<dossier-id>', 'dossier id')
    .argument('<item-id>', 'item id or referenced id')
    .argument('<position>', 'new position, from 1')
    .action(async (dossierId: string, itemId: string, position: string, _options: unknown, command: Command) => {
      const at = parsePosition(position);
      await withLibrary(command, (library) => {
        const moved = moveItem(library.db, dossierId, itemId, at - 1);
        if (wantsJson(command)) return printJson(getDossierView(library.db, dossierId));
        printLine(`Moved item ${moved.id} to position ${moved.position + 1}.`);
      });
    });

  dossier
    .command('item')
    .description('set an item’s options: whole text or highlights only; a heading’s text')
    .argument('<dossier-id>', 'dossier id')
    .argument('<item-id>', 'item id or referenced id')
    .option('--highlights-only', 'print only the article’s highlighted passages')
    .option('--whole-text', 'print the article’s whole text with its highlights')
    .option('--heading <text>', 'new text for a section heading')
    .action(
      async (dossierId: string, itemId: string, options: { highlightsOnly?: boolean; wholeText?: boolean; heading?: string }, command: Command) => {
        if (options.highlightsOnly && options.wholeText) throw new UsageError('Choose --highlights-only or --whole-text, not both.');
        if (!options.highlightsOnly && !options.wholeText && options.heading === undefined) {
          throw new UsageError('Nothing to change: give --highlights-only, --whole-text or --heading TEXT.');
        }
        await withLibrary(command, (library) => {
          const item = setItemOptions(library.db, dossierId, itemId, {
            ...(options.highlightsOnly ? { highlightsOnly: true } : {}),
            ...(options.wholeText ? { highlightsOnly: false } : {}),
            ...(options.heading !== undefined ? { heading: options.heading } : {}),
          });
          if (wantsJson(command)) return printJson(item);
          printLine(`Updated item ${item.id}.`);
        });
      },
    );

  dossier
    .command('rename')
    .description('change a dossier’s title')
    .argument('<dossier-id>', 'dossier id')
    .argument('<title>', 'new title')
    .action(async (id: string, title: string, _options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        const updated = updateDossier(library.db, id, { title });
        if (wantsJson(command)) return printJson(updated);
        printLine(`Renamed ${updated.id} to “${updated.title}”.`);
      });
    });

  metadataOptions(
    dossier
      .command('set')
      .description('change a dossier’s title, subtitle, author, date, marking, summary or chronology ("" clears a field)')
      .argument('<dossier-id>', 'dossier id')
      .option('--title <text>', 'title'),
  ).action(async (id: string, options: MetadataOptions, command: Command) => {
    const patch = patchFrom(options);
    if (Object.keys(patch).length === 0) throw new UsageError('Nothing to change: give at least one of --title, --subtitle, --author, --date, --marking, --summary, --chronology.');
    await withLibrary(command, (library) => {
      const updated = updateDossier(library.db, id, patch);
      if (wantsJson(command)) return printJson(updated);
      printLine(`Updated ${updated.id} “${updated.title}”.`);
    });
  });

  dossier
    .command('duplicate')
    .description('copy a dossier with its items')
    .argument('<dossier-id>', 'dossier id')
    .option('--title <text>', 'title of the copy (default: “… (copy)”)')
    .action(async (id: string, options: { title?: string }, command: Command) => {
      await withLibrary(command, (library) => {
        const copy = duplicateDossier(library.db, id, options.title);
        if (wantsJson(command)) return printJson(copy);
        printLine(`Created dossier ${copy.id} “${copy.title}”.`);
      });
    });

  dossier
    .command('delete')
    .description('delete a dossier (its articles, highlights and notes stay in the library)')
    .argument('<dossier-id>', 'dossier id')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        deleteDossier(library.db, id);
        if (wantsJson(command)) return printJson({ deleted: id });
        printLine(`Deleted dossier ${id}.`);
      });
    });

  dossier
    .command('import')
    .description('import a dossier exported as JSON (nothing already in the library is duplicated)')
    .argument('<file>', 'a .json file written by `quire export --format json`')
    .action(async (file: string, _options: unknown, command: Command) => {
      const text = readText(file);
      await withLibrary(command, (library) => {
        const result = importDossierJson(library, text);
        if (wantsJson(command)) return printJson(result);
        printImport(result);
      });
    });
}
