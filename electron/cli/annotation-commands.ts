/**
 * Highlights and labels at the command line:
 *
 *   quire labels                                   quire highlight ARTICLE_ID --quote TEXT [--occurrence N] …
 *   quire label add|rename|color|move|delete …     quire highlight ARTICLE_ID --start N --end N …
 *   quire annotations [ARTICLE_ID] [--status S]    quire annotation delete|set|attach|show ID …
 *   quire update ARTICLE_ID --text-file FILE       (replaces the text, re-anchors every highlight)
 *
 * With --json every command prints the objects the API returns (AnnotationView, Label, TextUpdateResult).
 */
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import {
  attachAnnotation,
  createAnnotation,
  deleteAnnotation,
  ensureAnnotationsRegistered,
  getAnnotation,
  listAnnotations,
  updateAnnotation,
  updateArticleText,
  type AnchorTarget,
  type AnnotationStatus,
  type AnnotationView,
  type TextUpdateResult,
} from '../core/annotations.js';
import { QuireError, UsageError } from '../core/errors.js';
import { decodeText } from '../core/importers/encoding.js';
import { createLabel, deleteLabel, listLabels, moveLabel, resolveLabel, updateLabel, type Label } from '../core/labels.js';
import type { Library } from '../core/library.js';
import { printJson, printLine, wantsJson, withLibrary } from './context.js';

ensureAnnotationsRegistered();

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function positiveInt(what: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${what} is a whole number from 1.`);
    return n;
  };
}

function offset(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('an offset is a whole number from 0.');
  return n;
}

function shortcut(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 9) throw new InvalidArgumentError('a shortcut is a digit from 1 to 9.');
  return n;
}

/** Nested subcommands do not inherit the program's exit override: without it commander would exit the process. */
function quiet(command: Command): Command {
  return command.exitOverride().configureOutput({ writeErr: (text) => process.stderr.write(text) });
}

interface TargetOptions {
  quote?: string;
  occurrence?: number;
  start?: number;
  end?: number;
}

function targetFrom(options: TargetOptions): AnchorTarget {
  const hasRange = options.start !== undefined || options.end !== undefined;
  if (options.quote !== undefined && hasRange) {
    if (options.start === undefined || options.end === undefined) throw new UsageError('Give both --start and --end.');
    return { start: options.start, end: options.end, quote: options.quote };
  }
  if (options.quote !== undefined) {
    return options.occurrence === undefined ? { quote: options.quote } : { quote: options.quote, occurrence: options.occurrence };
  }
  if (hasRange) {
    if (options.start === undefined || options.end === undefined) throw new UsageError('Give both --start and --end.');
    if (options.occurrence !== undefined) throw new UsageError('--occurrence goes with --quote, not with --start/--end.');
    return { start: options.start, end: options.end };
  }
  throw new UsageError('Say what to highlight: --quote TEXT (with --occurrence N if it appears more than once), or --start N --end N.');
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function shorten(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function describeAnnotation(a: AnnotationView): string {
  const where = a.status === 'anchored' ? `${a.start}–${a.end}` : 'ORPHANED';
  const label = a.label ? ` [${a.label}]` : '';
  const tags = a.tags.length > 0 ? `  #${a.tags.join(' #')}` : '';
  const note = a.note ? `\n    note: ${shorten(a.note, 100)}` : '';
  return `${a.id}  ${where}${label}  “${shorten(a.quote)}”${tags}${note}`;
}

function describeLabel(l: Label): string {
  const key = l.shortcut === null ? ' ' : String(l.shortcut);
  return `${String(l.position).padStart(2)}. [${key}] ${l.color}  ${l.name}  (${plural(l.annotations, 'highlight')})`;
}

/** Reads a text file in whatever encoding it was saved (`-` for standard input). */
function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path === '-' ? 0 : path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new QuireError('not_found', `There is no file ${path}.`);
    if (code === 'EISDIR') throw new UsageError(`${path} is a folder; give a text file.`);
    throw new QuireError('read_failed', `Could not read ${path} (${code ?? 'unknown error'}).`);
  }
  return decodeText(new Uint8Array(bytes)).text;
}

function labelId(library: Library, name: string | false | undefined): string | null | undefined {
  if (name === undefined) return undefined;
  if (name === false) return null;
  return resolveLabel(library, name).id;
}

function printUpdate(result: TextUpdateResult): void {
  printLine(
    `${result.articleId}: text ${result.textChanged ? 'replaced' : 'unchanged'}; ` +
      `${plural(result.counts.anchored, 'highlight')} anchored, ${result.counts.orphaned} orphaned.`,
  );
  for (const a of result.annotations) {
    const before = a.previous.status === 'anchored' ? `${a.previous.start}–${a.previous.end}` : 'orphaned';
    const after = a.status === 'anchored' ? `${a.start}–${a.end}` : 'ORPHANED';
    printLine(`  ${a.id}  ${before} → ${after}  (${a.method})  “${shorten(a.quote, 60)}”`);
  }
}

export function registerAnnotationCommands(program: Command): void {
  // ---- Labels ----

  program
    .command('labels')
    .description('list the highlight labels: order, shortcut key, colour, name, use')
    .action(async (_options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        const labels = listLabels(library);
        if (wantsJson(command)) return printJson(labels);
        if (labels.length === 0) return printLine('No labels. Add one with `quire label add NAME`.');
        for (const l of labels) printLine(describeLabel(l));
      });
    });

  const label = quiet(program.command('label').description('add, rename, recolour, move or delete a label'));

  quiet(label.command('add'))
    .description('add a label at the end of the list')
    .argument('<name>', 'the label name')
    .option('--color <hex>', 'colour such as #E69F00 (default: the next unused colour)')
    .option('--shortcut <digit>', 'keyboard digit 1–9 (default: the next free one)', shortcut)
    .action(async (name: string, options: { color?: string; shortcut?: number }, command: Command) => {
      await withLibrary(command, (library) => {
        const added = createLabel(library, {
          name,
          ...(options.color !== undefined ? { color: options.color } : {}),
          ...(options.shortcut !== undefined ? { shortcut: options.shortcut } : {}),
        });
        if (wantsJson(command)) return printJson(added);
        printLine(`Added ${describeLabel(added)}`);
      });
    });

  quiet(label.command('rename'))
    .description('rename a label (its highlights keep it)')
    .argument('<old>', 'current name')
    .argument('<new>', 'new name')
    .action(async (oldName: string, newName: string, _options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        const renamed = updateLabel(library, resolveLabel(library, oldName).id, { name: newName });
        if (wantsJson(command)) return printJson(renamed);
        printLine(`Renamed “${oldName}” to “${renamed.name}”.`);
      });
    });

  quiet(label.command('color'))
    .description('change the colour of a label')
    .argument('<name>', 'label name')
    .argument('<hex>', 'colour such as #56B4E9')
    .action(async (name: string, hex: string, _options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        const changed = updateLabel(library, resolveLabel(library, name).id, { color: hex });
        if (wantsJson(command)) return printJson(changed);
        printLine(describeLabel(changed));
      });
    });

  quiet(label.command('shortcut'))
    .description('set the keyboard digit of a label (or remove it with "none")')
    .argument('<name>', 'label name')
    .argument('<digit>', '1–9, or none')
    .action(async (name: string, digit: string, _options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        const value = digit.toLowerCase() === 'none' ? null : Number(digit);
        if (value !== null && !Number.isInteger(value)) throw new UsageError('A shortcut is a digit from 1 to 9, or none.');
        const changed = updateLabel(library, resolveLabel(library, name).id, { shortcut: value });
        if (wantsJson(command)) return printJson(changed);
        printLine(describeLabel(changed));
      });
    });

  quiet(label.command('move'))
    .description('move a label to a position in the list (1 = first)')
    .argument('<name>', 'label name')
    .argument('<position>', 'new position, from 1', positiveInt('a position'))
    .action(async (name: string, position: number, _options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        const labels = moveLabel(library, resolveLabel(library, name).id, position);
        if (wantsJson(command)) return printJson(labels);
        for (const l of labels) printLine(describeLabel(l));
      });
    });

  quiet(label.command('delete'))
    .description('delete a label; if highlights use it, say where they go (--reassign OTHER) or --clear their label')
    .argument('<name>', 'label name')
    .option('--reassign <other>', 'move its highlights to this label')
    .option('--clear', 'leave its highlights without a label')
    .action(async (name: string, options: { reassign?: string; clear?: boolean }, command: Command) => {
      await withLibrary(command, (library) => {
        if (options.reassign !== undefined && options.clear) throw new UsageError('Give either --reassign or --clear, not both.');
        const target = resolveLabel(library, name);
        const option =
          options.reassign !== undefined
            ? { reassignTo: resolveLabel(library, options.reassign).id }
            : options.clear
              ? ({ clear: true } as const)
              : undefined;
        let deleted;
        try {
          deleted = deleteLabel(library, target.id, option);
        } catch (error) {
          if (error instanceof QuireError && error.code === 'label_in_use') {
            throw new UsageError(`${error.message.replace(/: say whether.*$/, '')}: add --reassign OTHER_LABEL or --clear.`);
          }
          throw error;
        }
        if (wantsJson(command)) return printJson(deleted);
        const moved =
          deleted.annotations === 0
            ? ''
            : deleted.reassignedTo
              ? ` ${plural(deleted.annotations, 'highlight')} moved to “${options.reassign ?? ''}”.`
              : ` ${plural(deleted.annotations, 'highlight')} left without a label.`;
        printLine(`Deleted the label “${deleted.name}”.${moved}`);
      });
    });

  // ---- Highlights ----

  program
    .command('highlight')
    .description('highlight a quote in an article (or the range --start/--end of its plain text)')
    .argument('<article-id>', 'article id')
    .option('--quote <text>', 'the exact text to highlight')
    .option('--occurrence <n>', 'which occurrence of the quote, from 1 (needed when it appears more than once)', positiveInt('--occurrence'))
    .option('--start <n>', 'start offset in the plain text (with --end)', offset)
    .option('--end <n>', 'end offset in the plain text (with --start)', offset)
    .option('--label <name>', 'label to apply')
    .option('--note <text>', 'a note on the highlight')
    .option('-t, --tag <tag>', 'a tag (repeatable)', collect, [])
    .action(
      async (
        articleId: string,
        options: TargetOptions & { label?: string; note?: string; tag: string[] },
        command: Command,
      ) => {
        await withLibrary(command, (library) => {
          const annotation = createAnnotation(library, {
            articleId,
            target: targetFrom(options),
            labelId: labelId(library, options.label) ?? null,
            note: options.note === undefined ? null : { text: options.note },
            tags: options.tag,
          });
          if (wantsJson(command)) return printJson(annotation);
          printLine(describeAnnotation(annotation));
        });
      },
    );

  program
    .command('annotations')
    .description('list highlights, of one article or of the whole library')
    .argument('[article-id]', 'only this article')
    .option('--status <status>', 'only anchored or orphaned highlights')
    .action(async (articleId: string | undefined, options: { status?: string }, command: Command) => {
      if (options.status !== undefined && options.status !== 'anchored' && options.status !== 'orphaned') {
        throw new UsageError('--status is anchored or orphaned.');
      }
      const status = options.status as AnnotationStatus | undefined;
      await withLibrary(command, (library) => {
        const list = listAnnotations(library, {
          ...(articleId !== undefined ? { articleId } : {}),
          ...(status !== undefined ? { status } : {}),
        });
        if (wantsJson(command)) return printJson(list);
        if (list.length === 0) return printLine(status === 'orphaned' ? 'No orphaned highlights.' : 'No highlights.');
        let current = '';
        for (const a of list) {
          if (articleId === undefined && a.articleId !== current) {
            current = a.articleId;
            printLine(`${current}:`);
          }
          printLine(`${articleId === undefined ? '  ' : ''}${describeAnnotation(a)}`);
        }
      });
    });

  const annotation = quiet(program.command('annotation').description('show, change, re-attach or delete one highlight'));

  quiet(annotation.command('show'))
    .description('show one highlight')
    .argument('<id>', 'highlight id')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        const a = getAnnotation(library, id);
        if (wantsJson(command)) return printJson(a);
        printLine(describeAnnotation(a));
      });
    });

  quiet(annotation.command('set'))
    .description('change the label, note or tags of a highlight (--tag replaces its tags)')
    .argument('<id>', 'highlight id')
    .option('--label <name>', 'apply this label')
    .option('--no-label', 'remove the label')
    .option('--note <text>', 'replace the note ("" removes it)')
    .option('-t, --tag <tag>', 'tag (repeatable; replaces the tags)', collect)
    .option('--no-tags', 'remove every tag')
    .action(
      async (id: string, options: { label?: string | false; note?: string; tag?: string[]; tags?: boolean }, command: Command) => {
        await withLibrary(command, (library) => {
          const label = labelId(library, options.label);
          const tags = options.tags === false ? [] : options.tag;
          const changed = updateAnnotation(library, id, {
            ...(label !== undefined ? { labelId: label } : {}),
            ...(options.note !== undefined ? { note: options.note === '' ? null : { text: options.note } } : {}),
            ...(tags !== undefined ? { tags } : {}),
          });
          if (wantsJson(command)) return printJson(changed);
          printLine(describeAnnotation(changed));
        });
      },
    );

  quiet(annotation.command('attach'))
    .description('re-attach a highlight (an orphan, usually) to a new passage of its article')
    .argument('<id>', 'highlight id')
    .option('--quote <text>', 'the text to attach it to')
    .option('--occurrence <n>', 'which occurrence of the quote, from 1', positiveInt('--occurrence'))
    .option('--start <n>', 'start offset (with --end)', offset)
    .option('--end <n>', 'end offset (with --start)', offset)
    .action(async (id: string, options: TargetOptions, command: Command) => {
      await withLibrary(command, (library) => {
        const attached = attachAnnotation(library, id, targetFrom(options));
        if (wantsJson(command)) return printJson(attached);
        printLine(describeAnnotation(attached));
      });
    });

  quiet(annotation.command('delete'))
    .description('delete a highlight and its note')
    .argument('<id>', 'highlight id')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withLibrary(command, (library) => {
        const deleted = deleteAnnotation(library, id);
        if (wantsJson(command)) return printJson({ deleted: deleted.id });
        printLine(`Deleted the highlight ${deleted.id} (“${shorten(deleted.quote, 60)}”).`);
      });
    });

  // ---- Changing an article's text ----

  program
    .command('update')
    .description("replace an article's text with a corrected one and re-anchor its highlights")
    .argument('<article-id>', 'article id')
    .requiredOption('--text-file <file>', 'the new plain text (paragraphs separated by blank lines; - reads standard input)')
    .action(async (articleId: string, options: { textFile: string }, command: Command) => {
      const text = readTextFile(options.textFile);
      await withLibrary(command, (library) => {
        const result = updateArticleText(library, articleId, { text });
        if (wantsJson(command)) {
          const { text: _text, ...rest } = result;
          return printJson(rest);
        }
        printUpdate(result);
      });
    });
}
