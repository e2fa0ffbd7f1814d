/**
 * The timeline as listed: the dates found in the scope's articles and the highlights the analyst put on
 * it, earliest first. A promoted highlight outranks the mentions it speaks for: a mention is left out
 * when a promoted highlight of the same article covers its sentence and either covers the date itself
 * or gives an overlapping date (the analyst's reading wins; a second, different date in that sentence
 * stays).
 */
import type { Db } from '../db/open.js';
import { UsageError } from '../errors.js';
import { anchorFrom, futureAfter } from './anchor.js';
import { parseIsoDate, resolveGregorian, type EventPrecision } from './calendar.js';
import { covers, resolveScope, type ResolvedScope, type TimelineScope } from './scope.js';

export interface TimelineFilter {
  readonly scope: TimelineScope;
  /** Events that end on or after this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`: from its first day). */
  readonly after?: string;
  /** Events that start on or before this date (up to its last day). */
  readonly before?: string;
  readonly precision?: readonly EventPrecision[];
  /** Today (`YYYY-MM-DD`), for the `future` flag of an undated article's highlight. */
  readonly today?: string;
}

export interface TimelineEvent {
  readonly id: string;
  readonly kind: 'mention' | 'highlight';
  readonly articleId: string;
  readonly articleTitle: string;
  readonly source: string | null;
  readonly publishedAt: string | null;
  readonly language: string | null;
  readonly direction: 'ltr' | 'rtl';
  readonly date: string;
  readonly precision: EventPrecision;
  readonly startDay: string;
  readonly endDay: string;
  readonly start: number | null;
  readonly end: number | null;
  readonly text: string;
  readonly sentence: string;
  readonly sentenceStart: number | null;
  readonly title: string | null;
  readonly annotationId: string | null;
  readonly label: { readonly name: string; readonly color: string } | null;
  readonly flags: string[];
}

interface ArticleColumns {
  readonly articleId: string;
  readonly articleTitle: string;
  readonly source: string | null;
  readonly publishedAt: string | null;
  readonly language: string | null;
  readonly direction: 'ltr' | 'rtl';
}

interface MentionRow extends ArticleColumns {
  readonly rowId: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly date: string;
  readonly precision: EventPrecision;
  readonly startDay: string;
  readonly endDay: string;
  readonly sentence: string;
  readonly sentenceStart: number;
  readonly sentenceEnd: number;
  readonly flags: string;
}

interface EventJoinRow extends ArticleColumns {
  readonly id: string;
  readonly annotationId: string;
  readonly date: string;
  readonly precision: EventPrecision;
  readonly startDay: string;
  readonly endDay: string;
  readonly title: string | null;
  readonly sentence: string | null;
  readonly start: number | null;
  readonly end: number | null;
  readonly quote: string;
  readonly status: 'anchored' | 'orphaned';
  readonly labelName: string | null;
  readonly labelColor: string | null;
}

const ARTICLE = `a.id AS articleId, a.title AS articleTitle, a.source, a.published_at AS publishedAt, a.language, a.direction`;

function bound(value: string | undefined, which: 'after' | 'before'): string | null {
  if (value === undefined) return null;
  const parsed = parseIsoDate(value);
  if (!parsed) throw new UsageError(`--${which} “${value}” is not a date: write it as 2016, 2016-01 or 2016-01-03.`);
  const resolved = resolveGregorian(parsed);
  return which === 'after' ? resolved.startDay : resolved.endDay;
}

/** SQL conditions shared by both queries: the day window and the article set. */
function conditions(scope: ResolvedScope, after: string | null, before: string | null, alias: string): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (after) {
    parts.push(`${alias}.end_day >= ?`);
    params.push(after);
  }
  if (before) {
    parts.push(`${alias}.start_day <= ?`);
    params.push(before);
  }
  if (scope) {
    parts.push(`a.id IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify([...scope.keys()]));
  }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

function mentionEvent(row: MentionRow): TimelineEvent {
  return {
    id: `dm_${row.rowId}`,
    kind: 'mention',
    articleId: row.articleId,
    articleTitle: row.articleTitle,
    source: row.source,
    publishedAt: row.publishedAt,
    language: row.language,
    direction: row.direction,
    date: row.date,
    precision: row.precision,
    startDay: row.startDay,
    endDay: row.endDay,
    start: row.start,
    end: row.end,
    text: row.text,
    sentence: row.sentence,
    sentenceStart: row.sentenceStart,
    title: null,
    annotationId: null,
    label: null,
    flags: row.flags === '' ? [] : row.flags.split(' '),
  };
}

function highlightEvent(row: EventJoinRow, today: string): TimelineEvent {
  const flags: string[] = [];
  if (row.startDay > futureAfter(anchorFrom(row.publishedAt), today)) flags.push('future');
  if (row.status === 'orphaned') flags.push('orphaned');
  const anchored = row.status === 'anchored' && row.start !== null && row.end !== null;
  return {
    id: row.id,
    kind: 'highlight',
    articleId: row.articleId,
    articleTitle: row.articleTitle,
    source: row.source,
    publishedAt: row.publishedAt,
    language: row.language,
    direction: row.direction,
    date: row.date,
    precision: row.precision,
    startDay: row.startDay,
    endDay: row.endDay,
    start: anchored ? row.start : null,
    end: anchored ? row.end : null,
    text: row.quote,
    sentence: row.sentence ?? row.quote,
    sentenceStart: anchored && row.sentence === null ? row.start : null,
    title: row.title,
    annotationId: row.annotationId,
    label: row.labelName !== null && row.labelColor !== null ? { name: row.labelName, color: row.labelColor } : null,
    flags,
  };
}

function outranked(mention: MentionRow, events: readonly EventJoinRow[]): boolean {
  return events.some((e) => {
    if (e.articleId !== mention.articleId || e.status !== 'anchored' || e.start === null || e.end === null) return false;
    const inSentence = e.start < mention.sentenceEnd && mention.sentenceStart < e.end;
    if (!inSentence) return false;
    const coversDate = e.start < mention.end && mention.start < e.end;
    const sameTime = e.startDay <= mention.endDay && mention.startDay <= e.endDay;
    return coversDate || sameTime;
  });
}

function loadEvents(db: Db, where: string, params: readonly unknown[]): EventJoinRow[] {
  return db
    .prepare(
      `SELECT e.id, e.annotation_id AS annotationId, e.date, e.precision, e.start_day AS startDay, e.end_day AS endDay, e.title, e.sentence,
         n.start, n.end, n.quote, n.status, l.name AS labelName, l.color AS labelColor, ${ARTICLE}
       FROM timeline_events e JOIN annotations n ON n.id = e.annotation_id JOIN articles a ON a.id = n.article_id
       LEFT JOIN labels l ON l.id = n.label_id ${where}`,
    )
    .all(...params) as EventJoinRow[];
}

/** One promoted highlight as the timeline lists it, or undefined. */
export function getHighlightEvent(db: Db, eventId: string, today = new Date().toISOString().slice(0, 10)): TimelineEvent | undefined {
  const [row] = loadEvents(db, 'WHERE e.id = ?', [eventId]);
  return row ? highlightEvent(row, today) : undefined;
}

const PRECISION_ORDER: Record<EventPrecision, number> = { year: 0, month: 1, day: 2 };

export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return (
    a.startDay.localeCompare(b.startDay) ||
    // The broader first at the same start: 2016, then January 2016, then 1 January 2016.
    PRECISION_ORDER[a.precision] - PRECISION_ORDER[b.precision] ||
    b.endDay.localeCompare(a.endDay) ||
    a.articleTitle.localeCompare(b.articleTitle) ||
    (a.start ?? -1) - (b.start ?? -1) ||
    a.id.localeCompare(b.id)
  );
}

/** The events of a scope, filtered and sorted (dates of articles not read yet are not included: see backfill.ts). */
export function listTimeline(db: Db, filter: TimelineFilter): TimelineEvent[] {
  const after = bound(filter.after, 'after');
  const before = bound(filter.before, 'before');
  if (after && before && after > before) throw new UsageError('--after is later than --before: nothing can be in between.');
  const precisions = filter.precision && filter.precision.length > 0 ? new Set(filter.precision) : null;
  const scope = resolveScope(db, filter.scope);
  const today = filter.today ?? new Date().toISOString().slice(0, 10);

  const ev = conditions(scope, null, null, 'e');
  const allEvents = loadEvents(db, ev.where, ev.params);
  const events = allEvents.filter((e) => {
    const coverage = scope?.get(e.articleId);
    return !scope || (coverage !== undefined && (coverage.annotations === 'all' || coverage.annotations.has(e.annotationId)));
  });

  const mc = conditions(scope, after, before, 'm');
  const mentions = db
    .prepare(
      `SELECT m.id AS rowId, m.start, m.end, m.text, m.date, m.precision, m.start_day AS startDay, m.end_day AS endDay, m.sentence,
         m.sentence_start AS sentenceStart, m.sentence_end AS sentenceEnd, m.flags, ${ARTICLE}
       FROM date_mentions m JOIN articles a ON a.id = m.article_id ${mc.where}`,
    )
    .all(...mc.params) as MentionRow[];

  const byArticle = new Map<string, EventJoinRow[]>();
  for (const e of events) byArticle.set(e.articleId, [...(byArticle.get(e.articleId) ?? []), e]);

  const out: TimelineEvent[] = [];
  for (const m of mentions) {
    const coverage = scope?.get(m.articleId);
    if (scope && (!coverage || !covers(coverage, m.start, m.end))) continue;
    if (outranked(m, byArticle.get(m.articleId) ?? [])) continue;
    out.push(mentionEvent(m));
  }
  for (const e of events) {
    if (after && e.endDay < after) continue;
    if (before && e.startDay > before) continue;
    out.push(highlightEvent(e, today));
  }
  return out.filter((e) => !precisions || precisions.has(e.precision)).sort(compareEvents);
}
