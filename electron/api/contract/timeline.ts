/**
 * The timeline: dates found in the articles' text (mentions, extracted at import and on every text
 * change) and highlights the analyst put on the timeline (events), listed earliest first.
 *
 * Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD` at year, month or day precision; `startDay`/`endDay`
 * are the first and last day the date covers (`YYYY-MM-DD`, inclusive), so "January 2016" spans
 * 2016-01-01…2016-01-31 and a Solar Hijri month ("دی ۱۳۹۴") spans the Gregorian days it covers
 * (2015-12-22…2016-01-20, shown at month precision by its main Gregorian month). See docs/timeline.md.
 *
 * Offsets are UTF-16 code units in the article's plain text (the `text` of `articles.get`).
 *
 * Pure (zod only): the renderer imports the types.
 */
import { z } from 'zod';
import { defineContract } from '../define.js';
import { idSchema as id, labelBadgeSchema } from './common.js';

export const eventPrecisionSchema = z.enum(['day', 'month', 'year']);
/** A timeline date as stored and exchanged: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (checked against the precision). */
export const eventDateSchema = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
/** A bound for `after`/`before`: a date at any precision (`2016` means from 2016-01-01, or up to 2016-12-31). */
const boundSchema = eventDateSchema;

/**
 * What a mention or event may carry as a warning:
 * - `future`: later than the article's published date (or, without one, than the day it was extracted);
 * - `relative`: resolved from the published date ("last Tuesday", "In October");
 * - `ambiguous`: the text allows another reading (a two-digit year, a weekday that does not match);
 * - `solar-hijri`: converted from the Solar Hijri calendar ("دی ۱۳۹۴"), so its bounds span two Gregorian months;
 * - `orphaned`: a promoted highlight whose quote is no longer in the article (its offsets are null).
 */
export const eventFlagSchema = z.string().max(40);

export const timelineScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('library') }).strict(),
  /** A search result or any hand-picked set: the article ids. */
  z.object({ kind: z.literal('articles'), ids: z.array(id).max(100_000) }).strict(),
  z.object({ kind: z.literal('tag'), tag: z.string().min(1).max(200) }).strict(),
  /** A dossier: its articles (whole or highlights-only) and the articles of its highlights. */
  z.object({ kind: z.literal('dossier'), id }).strict(),
]);

export const timelineEventSchema = z.object({
  /** A mention's id (`kind: 'mention'`) or an event's id (`kind: 'highlight'`: what updateEvent/removeEvent take). */
  id: z.string(),
  kind: z.enum(['mention', 'highlight']),
  articleId: z.string(),
  articleTitle: z.string(),
  /** The article's source (publication), or null. */
  source: z.string().nullable(),
  /** The article's published date as stored (ISO 8601), or null. */
  publishedAt: z.string().nullable(),
  /** The article's language (BCP 47) and writing direction, so an RTL sentence is laid out right to left. */
  language: z.string().nullable(),
  direction: z.enum(['ltr', 'rtl']),
  date: eventDateSchema,
  precision: eventPrecisionSchema,
  /** First and last day covered, `YYYY-MM-DD`, inclusive: sort and filter on these. */
  startDay: z.string(),
  endDay: z.string(),
  /** A mention: the date's text in the article. A highlight: the highlight's [start, end), null when orphaned. */
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
  /** The date as written ("كانون الثاني/يناير ٢٠١٦"); a highlight: its quote. */
  text: z.string(),
  /** The sentence the date stands in; a highlight: the analyst's sentence if given, else its quote. */
  sentence: z.string(),
  /**
   * Where `sentence` starts in the article's text, so the date inside it is at `start - sentenceStart`;
   * null for an orphaned highlight or one whose sentence the analyst wrote.
   */
  sentenceStart: z.number().int().nullable(),
  /** The analyst's title for a promoted highlight, or null. */
  title: z.string().nullable(),
  /** The promoted highlight's id, or null for an extracted mention. */
  annotationId: z.string().nullable(),
  /** The promoted highlight's label, or null. */
  label: labelBadgeSchema.nullable(),
  flags: z.array(eventFlagSchema),
});

const eventFieldsShape = {
  date: eventDateSchema,
  precision: eventPrecisionSchema,
  /** A short title for the event (null or absent: none). */
  title: z.string().max(500).nullable().optional(),
  /** The sentence to show instead of the highlight's quote (null or absent: the quote). */
  sentence: z.string().max(5000).nullable().optional(),
};

export const timelineContract = defineContract({
  'timeline.list': {
    summary: 'Dated events of the library, some articles, a tag or a dossier, earliest first; highlights outrank mentions of the same place.',
    input: z
      .object({
        scope: timelineScopeSchema,
        /** Only events that end on or after this date. */
        after: boundSchema.optional(),
        /** Only events that start on or before this date. */
        before: boundSchema.optional(),
        /** Only these precisions (absent or empty: all). */
        precision: z.array(eventPrecisionSchema).max(3).optional(),
      })
      .strict(),
    output: z.object({
      events: z.array(timelineEventSchema),
      /**
       * Articles of the scope whose dates are still being read (a big library opened for the first time
       * since the timeline came): their events are missing from this answer; list again in a moment.
       */
      pending: z.number().int(),
    }),
  },
  'timeline.promote': {
    summary: 'Puts a highlight on the timeline with a date the analyst chose (again: changes it).',
    input: z.object({ annotationId: id, ...eventFieldsShape }).strict(),
    output: timelineEventSchema,
    mutates: true,
  },
  'timeline.updateEvent': {
    summary: "Changes a promoted highlight's date, precision, title or sentence (null clears title/sentence).",
    input: z
      .object({
        id,
        date: eventDateSchema.optional(),
        precision: eventPrecisionSchema.optional(),
        title: eventFieldsShape.title,
        sentence: eventFieldsShape.sentence,
      })
      .strict(),
    output: timelineEventSchema,
    mutates: true,
  },
  'timeline.removeEvent': {
    summary: 'Takes a highlight off the timeline (the highlight stays); returns what timeline.promote takes to undo it.',
    input: z.object({ id }).strict(),
    output: z.object({
      id: z.string(),
      annotationId: z.string(),
      date: eventDateSchema,
      precision: eventPrecisionSchema,
      title: z.string().nullable(),
      sentence: z.string().nullable(),
    }),
    mutates: true,
  },
});

export type TimelineEventDto = z.output<typeof timelineEventSchema>;
export type TimelineScopeDto = z.output<typeof timelineScopeSchema>;
export type EventPrecisionDto = z.output<typeof eventPrecisionSchema>;
