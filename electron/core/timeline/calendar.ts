/**
 * Calendar arithmetic for timeline dates: a date at day, month or year precision, the first and last
 * Gregorian day it covers, and the Solar Hijri (Jalali) calendar converted with `jalaali-js`.
 *
 * Every day is `YYYY-MM-DD` text: it sorts as it reads, and SQLite compares it without parsing.
 * All arithmetic is in UTC so that no time zone moves a day.
 */
import * as jalaali from 'jalaali-js';
import { daysInMonth, type EventPrecision } from '../../common/event-date.js';

export type { EventPrecision };

/** A calendar date at some precision: `month` null at year precision, `day` null at year or month precision. */
export interface DateValue {
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
}

/** A resolved date: what it means (`date` at `precision`) and the days it covers (inclusive). */
export interface ResolvedDate {
  readonly date: string;
  readonly precision: EventPrecision;
  readonly startDay: string;
  readonly endDay: string;
}

/** Years a date in a news text may plausibly have (wider than "news", for history: 1000 to 2200). */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 2200;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function dayString(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** True when the parts name a real Gregorian day, month or year ("31 February" is not one). */
export function isValidDate(value: DateValue): boolean {
  const { year, month, day } = value;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return false;
  if (month === null) return day === null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  if (day === null) return true;
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

export function precisionOfValue(value: DateValue): EventPrecision {
  return value.day !== null ? 'day' : value.month !== null ? 'month' : 'year';
}

/** The stored form of a valid date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export function isoOf(value: DateValue): string {
  if (value.month === null) return pad(value.year, 4);
  if (value.day === null) return `${pad(value.year, 4)}-${pad(value.month)}`;
  return dayString(value.year, value.month, value.day);
}

/** A valid Gregorian date resolved to its bounds: January 2016 covers 2016-01-01…2016-01-31. */
export function resolveGregorian(value: DateValue): ResolvedDate {
  const { year, month, day } = value;
  const startDay = dayString(year, month ?? 1, day ?? 1);
  const endDay = month === null ? dayString(year, 12, 31) : dayString(year, month, day ?? daysInMonth(year, month));
  return { date: isoOf(value), precision: precisionOfValue(value), startDay, endDay };
}

/** Parses a stored or typed date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) into a valid value, or null. */
export function parseIsoDate(text: string): DateValue | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!match) return null;
  const value: DateValue = {
    year: Number(match[1]),
    month: match[2] === undefined ? null : Number(match[2]),
    day: match[3] === undefined ? null : Number(match[3]),
  };
  return isValidDate(value) ? value : null;
}

/** Adds days to a `YYYY-MM-DD` day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

// ---- Solar Hijri (the Iranian civil calendar) ----

/** Solar Hijri years a text may plausibly mention (1200 SH ≈ 1821, 1500 SH ≈ 2121). */
export const MIN_SOLAR_HIJRI_YEAR = 1200;
export const MAX_SOLAR_HIJRI_YEAR = 1499;

function gregorianDayOfJalaali(jy: number, jm: number, jd: number): string {
  const { gy, gm, gd } = jalaali.toGregorian(jy, jm, jd);
  return dayString(gy, gm, gd);
}

export function isValidSolarHijri(jy: number, jm: number | null, jd: number | null): boolean {
  if (!Number.isInteger(jy) || jy < MIN_SOLAR_HIJRI_YEAR || jy > MAX_SOLAR_HIJRI_YEAR) return false;
  if (jm === null) return jd === null;
  if (!Number.isInteger(jm) || jm < 1 || jm > 12) return false;
  return jd === null || jalaali.isValidJalaaliDate(jy, jm, jd);
}

/**
 * The Gregorian month (or year) that holds most of a span: how a Solar Hijri month or year is named at
 * month (year) precision. Dey 1394 runs 2015-12-22…2016-01-20: ten days of December, twenty of
 * January, so it reads "January 2016" while its bounds keep the exact days.
 */
function dominant(startDay: string, endDay: string, unit: 'month' | 'year'): string {
  const width = unit === 'month' ? 7 : 4;
  const counts = new Map<string, number>();
  for (let day = startDay; day <= endDay; day = addDays(day, 1)) {
    const key = day.slice(0, width);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best = startDay.slice(0, width);
  let bestCount = -1;
  for (const [key, count] of counts) {
    // Ties go to the later period: the Solar Hijri month is mostly thought of by where it ends.
    if (count >= bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

/**
 * A Solar Hijri date converted to the Gregorian calendar. A day converts exactly. A month or a year
 * straddles two Gregorian ones: its bounds are the exact Gregorian days it covers, and its `date` is the
 * Gregorian month (year) holding most of it, at month (year) precision. Null for an impossible date
 * ("31 Esfand" outside a leap year, a 13th month).
 */
export function resolveSolarHijri(jy: number, jm: number | null, jd: number | null): ResolvedDate | null {
  if (!isValidSolarHijri(jy, jm, jd)) return null;
  if (jm !== null && jd !== null) {
    const day = gregorianDayOfJalaali(jy, jm, jd);
    return { date: day, precision: 'day', startDay: day, endDay: day };
  }
  if (jm !== null) {
    const startDay = gregorianDayOfJalaali(jy, jm, 1);
    const endDay = gregorianDayOfJalaali(jy, jm, jalaali.jalaaliMonthLength(jy, jm));
    return { date: dominant(startDay, endDay, 'month'), precision: 'month', startDay, endDay };
  }
  const startDay = gregorianDayOfJalaali(jy, 1, 1);
  const endDay = gregorianDayOfJalaali(jy, 12, jalaali.jalaaliMonthLength(jy, 12));
  return { date: dominant(startDay, endDay, 'year'), precision: 'year', startDay, endDay };
}
