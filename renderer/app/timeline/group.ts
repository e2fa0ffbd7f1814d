/**
 * The timeline's shape: events filtered by precision, then grouped by year and, inside a year, by
 * month. An event known only to the year ("in 2016") opens its year, before the months; one known to
 * the month opens its month, before that month's days. Within a group, events keep the order the API
 * gives (by date, then article).
 */
import { MONTH_NAMES, parseEventDate, type EventPrecision } from '../../../electron/common/event-date.js';

export interface Datable {
  readonly date: string;
  readonly precision: EventPrecision;
}

export interface MonthGroup<E> {
  /** `YYYY-MM`. */
  readonly key: string;
  /** "January". */
  readonly name: string;
  readonly events: readonly E[];
}

export interface YearGroup<E> {
  readonly year: number;
  /** Events dated to the year only. */
  readonly yearEvents: readonly E[];
  readonly months: readonly MonthGroup<E>[];
  readonly count: number;
}

export function filterByPrecision<E extends Datable>(events: readonly E[], shown: ReadonlySet<EventPrecision>): E[] {
  return events.filter((e) => shown.has(e.precision));
}

export function groupByYearMonth<E extends Datable>(events: readonly E[]): YearGroup<E>[] {
  const years = new Map<number, { yearEvents: E[]; months: Map<number, E[]> }>();
  for (const event of events) {
    const parts = parseEventDate(event.date);
    if (!parts) continue;
    let year = years.get(parts.year);
    if (!year) {
      year = { yearEvents: [], months: new Map() };
      years.set(parts.year, year);
    }
    if (parts.month === null || event.precision === 'year') {
      year.yearEvents.push(event);
      continue;
    }
    const list = year.months.get(parts.month) ?? [];
    list.push(event);
    year.months.set(parts.month, list);
  }
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, g]) => {
      const months = [...g.months.entries()]
        .sort(([a], [b]) => a - b)
        .map(([month, list]) => ({
          key: `${year}-${String(month).padStart(2, '0')}`,
          name: MONTH_NAMES[month - 1] ?? String(month),
          // Month-precision events before the days of that month; otherwise as given.
          events: [...list].sort((a, b) => rank(a) - rank(b)),
        }));
      return { year, yearEvents: g.yearEvents, months, count: g.yearEvents.length + months.reduce((n, m) => n + m.events.length, 0) };
    });
}

function rank(event: Datable): number {
  return event.precision === 'month' ? 0 : 1;
}
