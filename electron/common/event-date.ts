/**
 * Timeline dates as an analyst reads and writes them: an event's date is `YYYY`, `YYYY-MM` or
 * `YYYY-MM-DD`, at year, month or day precision. Shown at that precision ("2016", "January 2016",
 * "3 January 2016"), never padded into a false day. Pure: the timeline view, the "Add to timeline"
 * form and the exports' chronology section all use it, so a date reads the same everywhere.
 */

export type EventPrecision = 'year' | 'month' | 'day';

export const EVENT_PRECISIONS: readonly EventPrecision[] = ['day', 'month', 'year'];

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export interface EventDateParts {
  readonly year: number;
  /** 1–12; null at year precision. */
  readonly month: number | null;
  /** 1–31; null at year or month precision. */
  readonly day: number | null;
}

/** Splits `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null for anything else. */
export function parseEventDate(date: string): EventDateParts | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim());
  if (!match) return null;
  return {
    year: Number(match[1]),
    month: match[2] === undefined ? null : Number(match[2]),
    day: match[3] === undefined ? null : Number(match[3]),
  };
}

export function precisionOf(date: string): EventPrecision | null {
  const parts = parseEventDate(date);
  if (!parts) return null;
  return parts.day !== null ? 'day' : parts.month !== null ? 'month' : 'year';
}

function monthName(month: number | null): string | null {
  return month !== null && month >= 1 && month <= 12 ? MONTH_NAMES[month - 1]! : null;
}

/** "2016", "January 2016", "3 January 2016"; text that is not an event date is returned as it is. */
export function formatEventDate(date: string): string {
  const parts = parseEventDate(date);
  if (!parts) return date;
  const month = monthName(parts.month);
  if (!month) return String(parts.year);
  return parts.day !== null ? `${parts.day} ${month} ${parts.year}` : `${month} ${parts.year}`;
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (UTC: no time-zone surprises).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export type EventDateCheck = { readonly ok: true; readonly date: string } | { readonly ok: false; readonly message: string };

/**
 * Checks what the analyst typed for an event at a precision and returns the stored form, or a
 * sentence saying what is wrong ("31 February 2016 is not a date."). Fields finer than the precision
 * are ignored.
 */
export function checkEventDate(input: { year: string; month: string; day: string }, precision: EventPrecision): EventDateCheck {
  const yearText = input.year.trim();
  if (!/^\d{1,4}$/.test(yearText)) {
    return { ok: false, message: yearText === '' ? 'Give the year.' : `“${yearText}” is not a year: write it with four digits, e.g. 2016.` };
  }
  const year = Number(yearText);
  if (year < 1000) return { ok: false, message: `Write the year with four digits (${yearText} is too early for a timeline event).` };
  if (precision === 'year') return { ok: true, date: pad(year, 4) };
  const month = Number(input.month);
  if (!Number.isInteger(month) || month < 1 || month > 12) return { ok: false, message: 'Choose the month.' };
  if (precision === 'month') return { ok: true, date: `${pad(year, 4)}-${pad(month, 2)}` };
  const dayText = input.day.trim();
  if (!/^\d{1,2}$/.test(dayText)) {
    return { ok: false, message: dayText === '' ? 'Give the day, or choose month precision.' : `“${dayText}” is not a day of the month.` };
  }
  const day = Number(dayText);
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: `${day} ${MONTH_NAMES[month - 1]} ${year} is not a date.` };
  }
  return { ok: true, date: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}
