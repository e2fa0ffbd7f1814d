/**
 * Highlights on the timeline: the analyst promotes a highlight with the date they read in it (a
 * suggested one corrected, or their own), at day, month or year precision, with an optional title and
 * sentence. One event per highlight; it goes when the highlight goes (ON DELETE CASCADE).
 */
import { MONTH_NAMES, daysInMonth } from '../../common/event-date.js';
import type { Db } from '../db/open.js';
import { NotFoundError, UsageError } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { MAX_YEAR, MIN_YEAR, resolveGregorian, type EventPrecision, type ResolvedDate } from './calendar.js';

export interface EventRow {
  readonly id: string;
  readonly annotationId: string;
  readonly date: string;
  readonly precision: EventPrecision;
  readonly startDay: string;
  readonly endDay: string;
  readonly title: string | null;
  readonly sentence: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface EventFields {
  readonly date: string;
  readonly precision: EventPrecision;
  readonly title?: string | null;
  readonly sentence?: string | null;
}

const EVENT_COLUMNS = `id, annotation_id AS annotationId, date, precision, start_day AS startDay, end_day AS endDay, title, sentence,
  created_at AS createdAt, updated_at AS updatedAt`;

/**
 * Checks an analyst's date against its precision and returns it resolved. A finer date than the
 * precision is cut to it ("2024-10-15" at month precision is October 2024); a coarser one is refused.
 */
export function checkAnalystDate(date: string, precision: EventPrecision): ResolvedDate {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim());
  if (!match) throw new UsageError(`“${date}” is not a date: write it as 2016, 2016-01 or 2016-01-03.`);
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) throw new UsageError(`${year} is outside the years a timeline holds (${MIN_YEAR}–${MAX_YEAR}).`);
  if (month !== null && (month < 1 || month > 12)) throw new UsageError(`“${date}”: there is no month ${month}.`);
  if (month !== null && day !== null && (day < 1 || day > daysInMonth(year, month))) {
    throw new UsageError(`${day} ${MONTH_NAMES[month - 1]} ${year} is not a date.`);
  }
  if (precision !== 'year' && month === null) throw new UsageError(`Give the month for ${precision} precision (e.g. ${year}-01), or choose year precision.`);
  if (precision === 'day' && day === null) throw new UsageError(`Give the day for day precision (e.g. ${date}-01), or choose month precision.`);
  return resolveGregorian({ year, month: precision === 'year' ? null : month, day: precision === 'day' ? day : null });
}

function cleanText(value: string | null | undefined, max: number, what: string): string | null {
  if (value === undefined || value === null) return null;
  const clean = value.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (clean.length > max) throw new UsageError(`The ${what} is too long (at most ${max} characters).`);
  return clean === '' ? null : clean;
}

export function getEventRow(db: Db, id: string): EventRow | undefined {
  return db.prepare(`SELECT ${EVENT_COLUMNS} FROM timeline_events WHERE id = ?`).get(id) as EventRow | undefined;
}

export function getEventForAnnotation(db: Db, annotationId: string): EventRow | undefined {
  return db.prepare(`SELECT ${EVENT_COLUMNS} FROM timeline_events WHERE annotation_id = ?`).get(annotationId) as EventRow | undefined;
}

/** Puts a highlight on the timeline, or changes the date of the one it already has. Returns the event's id. */
export function promoteHighlight(db: Db, annotationId: string, fields: EventFields): string {
  const resolved = checkAnalystDate(fields.date, fields.precision);
  const title = cleanText(fields.title, 500, 'title');
  const sentence = cleanText(fields.sentence, 5000, 'sentence');
  return db.transaction(() => {
    if (!db.prepare(`SELECT 1 FROM annotations WHERE id = ?`).get(annotationId)) throw new NotFoundError('highlight', annotationId);
    const now = nowIso();
    const existing = getEventForAnnotation(db, annotationId);
    const id = existing?.id ?? newId('evt');
    db.prepare(
      `INSERT INTO timeline_events (id, annotation_id, date, precision, start_day, end_day, title, sentence, created_at, updated_at)
       VALUES (@id, @annotationId, @date, @precision, @startDay, @endDay, @title, @sentence, @now, @now)
       ON CONFLICT (annotation_id) DO UPDATE SET date = excluded.date, precision = excluded.precision, start_day = excluded.start_day,
         end_day = excluded.end_day, title = excluded.title, sentence = excluded.sentence, updated_at = excluded.updated_at`,
    ).run({ id, annotationId, ...resolved, title, sentence, now });
    return id;
  })();
}

export interface EventPatch {
  readonly date?: string;
  readonly precision?: EventPrecision;
  readonly title?: string | null;
  readonly sentence?: string | null;
}

/** Changes an event's date, precision, title or sentence (null clears title and sentence). */
export function updateEvent(db: Db, id: string, patch: EventPatch): void {
  db.transaction(() => {
    const row = getEventRow(db, id);
    if (!row) throw new NotFoundError('timeline event', id);
    // Changing only the precision re-reads the stored date at the new precision ("2016-01" → year: 2016).
    const precision = patch.precision ?? row.precision;
    const resolved = checkAnalystDate(patch.date ?? row.date, precision);
    const title = patch.title !== undefined ? cleanText(patch.title, 500, 'title') : row.title;
    const sentence = patch.sentence !== undefined ? cleanText(patch.sentence, 5000, 'sentence') : row.sentence;
    db.prepare(
      `UPDATE timeline_events SET date = @date, precision = @precision, start_day = @startDay, end_day = @endDay, title = @title,
         sentence = @sentence, updated_at = @now WHERE id = @id`,
    ).run({ id, ...resolved, title, sentence, now: nowIso() });
  })();
}

/** Takes a highlight off the timeline (the highlight stays). Returns what it was, for undo. */
export function removeEvent(db: Db, id: string): EventRow {
  return db.transaction(() => {
    const row = getEventRow(db, id);
    if (!row) throw new NotFoundError('timeline event', id);
    db.prepare(`DELETE FROM timeline_events WHERE id = ?`).run(id);
    return row;
  })();
}

/** A highlight's place on the timeline as an undo snapshot keeps it (deleting a highlight or its article). */
export interface EventSnapshot {
  readonly date: string;
  readonly precision: EventPrecision;
  readonly title: string | null;
  readonly sentence: string | null;
}

export function eventSnapshot(db: Db, annotationId: string): EventSnapshot | null {
  const row = getEventForAnnotation(db, annotationId);
  return row ? { date: row.date, precision: row.precision, title: row.title, sentence: row.sentence } : null;
}

/** Puts a restored highlight back on the timeline (inside the restore's transaction). */
export function restoreEventSnapshot(db: Db, annotationId: string, snapshot: EventSnapshot | null | undefined): void {
  if (!snapshot) return;
  promoteHighlight(db, annotationId, snapshot);
}
