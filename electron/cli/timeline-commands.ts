/**
 * The timeline at the command line:
 *
 *   quire timeline [--dossier ID | --tag T | --article ID… | --search QUERY] [--after D] [--before D]
 *                  [--precision day,month] [--json]
 *   quire event add ANNOTATION_ID --date 2024-10 [--precision month] [--title T] [--sentence S]
 *   quire event set EVENT_ID [--date D] [--precision P] [--title T] [--sentence S]
 *   quire event delete EVENT_ID|ANNOTATION_ID
 *
 * With --json, `timeline` prints the array of events and `event add|set` the event, as the API returns them.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { formatEventDate } from '../common/event-date.js';
import { NotFoundError, UsageError } from '../core/errors.js';
import type { Library } from '../core/library.js';
import { createSearchService } from '../core/search/index.js';
import type { EventPrecision } from '../core/timeline/calendar.js';
import { getEventForAnnotation, getEventRow, removeEvent } from '../core/timeline/events.js';
import type { TimelineEvent } from '../core/timeline/query.js';
import type { TimelineScope } from '../core/timeline/scope.js';
import { listTimelineReady, promote, update } from '../core/timeline/service.js';
import { printJson, printLine, wantsJson, withLibrary } from './context.js';
import { formatTimeline, trimSentence } from './timeline-format.js';

const PRECISIONS: readonly EventPrecision[] = ['day', 'month', 'year'];

function parsePrecisionList(value: string): EventPrecision[] {
  const items = value.split(',').map((p) => p.trim().toLowerCase()).filter(Boolean);
  const wrong = items.filter((p) => !PRECISIONS.includes(p as EventPrecision));
  if (items.length === 0 || wrong.length > 0) throw new InvalidArgumentError('use day, month and/or year, separated by commas (e.g. day,month)');
  return [...new Set(items)] as EventPrecision[];
}

function parsePrecision(value: string): EventPrecision {
  const p = value.trim().toLowerCase();
  if (!PRECISIONS.includes(p as EventPrecision)) throw new InvalidArgumentError('use day, month or year');
  return p as EventPrecision;
}

function parseDate(value: string): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value.trim())) throw new InvalidArgumentError('write a date as 2016, 2016-01 or 2016-01-03');
  return value.trim();
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The precision a date is written at: 2024 → year, 2024-10 → month, 2024-10-24 → day. */
function precisionOfDate(date: string): EventPrecision {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

interface TimelineOptions {
  dossier?: string;
  tag?: string;
  article?: string[];
  search?: string;
  after?: string;
  before?: string;
  precision?: EventPrecision[];
}

async function scopeFrom(options: TimelineOptions, library: Library): Promise<TimelineScope> {
  const given = [options.dossier, options.tag, options.article, options.search].filter((v) => v !== undefined).length;
  if (given > 1) throw new UsageError('Choose one of --dossier, --tag, --article or --search.');
  if (options.dossier !== undefined) return { kind: 'dossier', id: options.dossier };
  if (options.tag !== undefined) return { kind: 'tag', tag: options.tag };
  if (options.article !== undefined) return { kind: 'articles', ids: options.article };
  if (options.search !== undefined) {
    if (options.search.trim() === '') throw new UsageError('Give something to search for with --search.');
    const search = createSearchService(library, { mode: 'inline' });
    try {
      const response = await search.search({ query: options.search, limit: 500 });
      if (response.warning) process.stderr.write(`quire: ${response.warning}\n`);
      // Highlights and notes found bring their article.
      return { kind: 'articles', ids: [...new Set(response.results.map((h) => h.articleId).filter((id): id is string => id !== null))] };
    } finally {
      await search.close();
    }
  }
  return { kind: 'library' };
}

function describeEvent(event: TimelineEvent): string {
  return `${formatEventDate(event.date)} · “${trimSentence(event.text, 80)}” · ${event.source ?? event.articleTitle}  (${event.id})`;
}

/** An event by its id, or by the highlight it puts on the timeline. */
function resolveEventId(library: Library, id: string): string {
  const row = getEventRow(library.db, id) ?? getEventForAnnotation(library.db, id);
  if (!row) throw new NotFoundError('timeline event (or highlight on the timeline)', id);
  return row.id;
}

/** Nested subcommands do not inherit the program's exit override: without it commander would exit the process. */
function quiet(command: Command): Command {
  return command.exitOverride().configureOutput({ writeErr: (text) => process.stderr.write(text) });
}

export function registerTimelineCommands(program: Command): void {
  program
    .command('timeline')
    .description('dated events of the library, a dossier, a tag, some articles or a search, earliest first')
    .option('--dossier <id>', "a dossier's articles and highlights")
    .option('--tag <tag>', 'articles (and highlights) with this tag')
    .option('--article <id>', 'this article (repeat for several)', collect)
    .option('--search <query>', 'the articles a search finds (first 500 results)')
    .option('--after <date>', 'events ending on or after this date (2016, 2016-01 or 2016-01-03)', parseDate)
    .option('--before <date>', 'events starting on or before this date', parseDate)
    .option('--precision <list>', 'only these precisions: day, month, year (comma-separated)', parsePrecisionList)
    .action(async (options: TimelineOptions, command: Command) => {
      await withLibrary(command, async (library) => {
        const scope = await scopeFrom(options, library);
        let announced = false;
        const { events } = listTimelineReady(
          library.db,
          {
            scope,
            ...(options.after !== undefined ? { after: options.after } : {}),
            ...(options.before !== undefined ? { before: options.before } : {}),
            ...(options.precision ? { precision: options.precision } : {}),
          },
          {
            onProgress: (done) => {
              // A library from before the timeline: its articles' dates are read once, now.
              if (!announced && done >= 100) {
                process.stderr.write('quire: reading the dates of articles imported before the timeline (once)…\n');
                announced = true;
              }
            },
          },
        );
        if (wantsJson(command)) return printJson(events);
        if (events.length === 0) return printLine('No dated events.');
        for (const line of formatTimeline(events)) printLine(line);
        const articles = new Set(events.map((e) => e.articleId)).size;
        printLine('');
        printLine(`${events.length} ${events.length === 1 ? 'event' : 'events'} from ${articles} ${articles === 1 ? 'article' : 'articles'}.`);
      });
    });

  const event = program.command('event').description('put highlights on the timeline: event add|set|delete');
  quiet(event);

  quiet(
    event
      .command('add')
      .description('put a highlight on the timeline at a date (again: change it)')
      .argument('<annotation-id>', 'the highlight')
      .requiredOption('--date <date>', 'the date: 2016, 2016-01 or 2016-01-03', parseDate)
      .option('--precision <p>', 'day, month or year (default: as the date is written)', parsePrecision)
      .option('--title <text>', 'a short title for the event')
      .option('--sentence <text>', "the sentence to show instead of the highlight's quote"),
  ).action(async (annotationId: string, options: { date: string; precision?: EventPrecision; title?: string; sentence?: string }, command: Command) => {
    await withLibrary(command, (library) => {
      const result = promote(library.db, annotationId, {
        date: options.date,
        precision: options.precision ?? precisionOfDate(options.date),
        ...(options.title !== undefined ? { title: options.title } : {}),
        ...(options.sentence !== undefined ? { sentence: options.sentence } : {}),
      });
      if (wantsJson(command)) return printJson(result);
      printLine(`On the timeline: ${describeEvent(result)}`);
    });
  });

  quiet(
    event
      .command('set')
      .description("change an event's date, precision, title or sentence ('' clears title and sentence)")
      .argument('<id>', 'the event (evt_…) or its highlight')
      .option('--date <date>', 'the date: 2016, 2016-01 or 2016-01-03', parseDate)
      .option('--precision <p>', 'day, month or year', parsePrecision)
      .option('--title <text>', 'a short title')
      .option('--sentence <text>', 'the sentence to show'),
  ).action(async (id: string, options: { date?: string; precision?: EventPrecision; title?: string; sentence?: string }, command: Command) => {
    if (Object.values(options).every((v) => v === undefined)) throw new UsageError('Say what to change: --date, --precision, --title or --sentence.');
    await withLibrary(command, (library) => {
      const precision = options.precision ?? (options.date !== undefined ? precisionOfDate(options.date) : undefined);
      const result = update(library.db, resolveEventId(library, id), {
        ...(options.date !== undefined ? { date: options.date } : {}),
        ...(precision !== undefined ? { precision } : {}),
        ...(options.title !== undefined ? { title: options.title || null } : {}),
        ...(options.sentence !== undefined ? { sentence: options.sentence || null } : {}),
      });
      if (wantsJson(command)) return printJson(result);
      printLine(`Changed: ${describeEvent(result)}`);
    });
  });

  quiet(
    event
      .command('delete')
      .description('take a highlight off the timeline (the highlight stays)')
      .argument('<id>', 'the event (evt_…) or its highlight'),
  ).action(async (id: string, _options: unknown, command: Command) => {
    await withLibrary(command, (library) => {
      const row = removeEvent(library.db, resolveEventId(library, id));
      if (wantsJson(command)) return printJson({ id: row.id, annotationId: row.annotationId, date: row.date, precision: row.precision });
      printLine(`Taken off the timeline: ${formatEventDate(row.date)} (${row.id}); the highlight ${row.annotationId} stays.`);
    });
  });
}
