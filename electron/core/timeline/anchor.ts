/**
 * The anchor: the article's published date, from which dates that leave something out are read.
 *
 * Rules (docs/timeline.md):
 * - A yearless date ("In October", "on 5 March", "في تشرين الأول") is the most recent such month or
 *   day **not after** the anchor: an article published 2024-12-03 that says "In October" means
 *   October 2024; one published 2024-03-10 saying "In October" means October 2023. A day compares as a
 *   day, a month as a month (so "In December" in an article of 3 December 2024 is December 2024).
 * - A relative date ("yesterday", "last Tuesday", "two weeks ago") is counted from the anchor's day.
 * - Without a published date there is no anchor: a yearless or relative date gets no year rather
 *   than a guess, and is not kept. (The import date is not a substitute: an archive article imported
 *   today was written years ago.)
 * - A date is `future` when it starts after the anchor's day (or, without a published date, after
 *   the day it was read); it is kept, flagged: plans and deadlines are part of a chronology.
 */
import { daysInMonth } from '../../common/event-date.js';
import { dayString } from './calendar.js';

export interface Anchor {
  readonly year: number;
  readonly month: number;
  /** Null when the article gives only its month of publication. */
  readonly day: number | null;
}

/** Reads a stored published date (`YYYY-MM-DD`, `YYYY-MM` or an ISO instant); null when absent or unreadable. */
export function anchorFrom(publishedAt: string | null): Anchor | null {
  if (!publishedAt) return null;
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(publishedAt.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month < 1 || month > 12) return null;
  if (day !== null && (day < 1 || day > daysInMonth(year, month))) return null;
  return { year, month, day };
}

/** The year a yearless month (and day) falls in: the most recent one not after the anchor. */
export function inferYear(anchor: Anchor, month: number, day: number | null): number {
  if (month < anchor.month) return anchor.year;
  if (month > anchor.month) return anchor.year - 1;
  // Same month: a day after the anchor's day is last year's; an unknown anchor day gives the benefit of the doubt.
  if (day !== null && anchor.day !== null && day > anchor.day) return anchor.year - 1;
  return anchor.year;
}

/** The last day a date may start on without being `future`. */
export function futureAfter(anchor: Anchor | null, today: string): string {
  if (!anchor) return today;
  return dayString(anchor.year, anchor.month, anchor.day ?? daysInMonth(anchor.year, anchor.month));
}
