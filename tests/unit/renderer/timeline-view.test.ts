/** The timeline view's pure pieces: event dates as read and typed, the route's scope, year/month groups, the date offered for a highlight. */
import { describe, expect, it } from 'vitest';
import { checkEventDate, daysInMonth, formatEventDate, parseEventDate, precisionOf } from '../../../electron/common/event-date.js';
import { filterByPrecision, groupByYearMonth } from '../../../renderer/app/timeline/group.js';
import { scopeFromParam, scopeToParam } from '../../../renderer/app/timeline/scope.js';
import { NEAR_CHARS, suggestMention } from '../../../renderer/app/timeline/suggest.js';

describe('event dates', () => {
  it('are shown at their precision, never padded into a false day', () => {
    expect(formatEventDate('2016')).toBe('2016');
    expect(formatEventDate('2016-01')).toBe('January 2016');
    expect(formatEventDate('2016-01-03')).toBe('3 January 2016');
    expect(formatEventDate('Spring 2016')).toBe('Spring 2016');
  });
  it('know their precision and parts', () => {
    expect(precisionOf('2023-03')).toBe('month');
    expect(precisionOf('2023')).toBe('year');
    expect(precisionOf('2023-03-10')).toBe('day');
    expect(precisionOf('03/2023')).toBeNull();
    expect(parseEventDate('2024-10')).toEqual({ year: 2024, month: 10, day: null });
  });
  it('count the days of February in leap and common years', () => {
    expect(daysInMonth(2016, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2024, 12)).toBe(31);
  });
  it('refuse an impossible day with the sentence the analyst sees', () => {
    expect(checkEventDate({ year: '2016', month: '2', day: '31' }, 'day')).toEqual({ ok: false, message: '31 February 2016 is not a date.' });
    expect(checkEventDate({ year: '2023', month: '2', day: '29' }, 'day')).toEqual({ ok: false, message: '29 February 2023 is not a date.' });
    expect(checkEventDate({ year: '2016', month: '2', day: '29' }, 'day')).toEqual({ ok: true, date: '2016-02-29' });
  });
  it('ask for what is missing and ignore fields finer than the precision', () => {
    expect(checkEventDate({ year: '', month: '1', day: '' }, 'month')).toEqual({ ok: false, message: 'Give the year.' });
    expect(checkEventDate({ year: '2016', month: '', day: '' }, 'month')).toEqual({ ok: false, message: 'Choose the month.' });
    expect(checkEventDate({ year: '2016', month: '1', day: '' }, 'day')).toMatchObject({ ok: false, message: expect.stringContaining('Give the day') });
    expect(checkEventDate({ year: '2016', month: '1', day: '45' }, 'month')).toEqual({ ok: true, date: '2016-01' });
    expect(checkEventDate({ year: '2016', month: '', day: 'x' }, 'year')).toEqual({ ok: true, date: '2016' });
    expect(checkEventDate({ year: '16', month: '', day: '' }, 'year')).toMatchObject({ ok: false });
    expect(checkEventDate({ year: '٢٠١٦', month: '', day: '' }, 'year')).toMatchObject({ ok: false, message: expect.stringContaining('four digits') });
  });
});

describe('timeline scope in the route', () => {
  it('round-trips every scope', () => {
    for (const scope of [
      { kind: 'library' },
      { kind: 'tag', tag: 'gulf diplomacy' },
      { kind: 'dossier', id: 'dos_1' },
      { kind: 'search', query: 'Beijing "re-open embassies" lang:en' },
      { kind: 'articles', ids: ['art_1', 'art_2'] },
    ] as const) {
      expect(scopeFromParam(scopeToParam(scope))).toEqual(scope);
    }
  });
  it('falls back to the library for anything it cannot read', () => {
    expect(scopeFromParam(undefined)).toEqual({ kind: 'library' });
    expect(scopeFromParam('tag:')).toEqual({ kind: 'library' });
    expect(scopeFromParam('articles:,,')).toEqual({ kind: 'library' });
    expect(scopeFromParam('planet:mars')).toEqual({ kind: 'library' });
  });
  it('keeps colons inside a search query', () => {
    expect(scopeFromParam('search:source:Reuters after:2024-01')).toEqual({ kind: 'search', query: 'source:Reuters after:2024-01' });
  });
});

describe('grouping by year and month', () => {
  const e = (id: string, date: string) => ({ id, date, precision: precisionOf(date)! });
  const events = [e('y16', '2016'), e('d16', '2016-01-03'), e('m16', '2016-01'), e('m23', '2023-03'), e('m24', '2024-10'), e('d16b', '2016-01-10')];

  it('puts years in order, year-only events first, month-only events before the days of their month', () => {
    const groups = groupByYearMonth(events);
    expect(groups.map((g) => g.year)).toEqual([2016, 2023, 2024]);
    expect(groups[0]!.yearEvents.map((x) => x.id)).toEqual(['y16']);
    expect(groups[0]!.months).toHaveLength(1);
    expect(groups[0]!.months[0]).toMatchObject({ key: '2016-01', name: 'January' });
    expect(groups[0]!.months[0]!.events.map((x) => x.id)).toEqual(['m16', 'd16', 'd16b']);
    expect(groups[0]!.count).toBe(4);
    expect(groups[2]!.months[0]!.name).toBe('October');
  });
  it('filters by precision', () => {
    expect(filterByPrecision(events, new Set(['month'] as const)).map((x) => x.id)).toEqual(['m16', 'm23', 'm24']);
    expect(filterByPrecision(events, new Set(['year', 'day'] as const)).map((x) => x.id)).toEqual(['y16', 'd16', 'd16b']);
  });
});

describe('the date offered for a highlight', () => {
  const text =
    'Bahrain severed relations with Iran in January 2016, after protesters stormed the Saudi embassy. ' +
    'Tehran and Riyadh reached an agreement in Beijing in March 2023 to restore relations.';
  const mention = (words: string, date: string) => {
    const start = text.indexOf(words);
    const sentenceStart = text.lastIndexOf('. ', start) < 0 ? 0 : text.lastIndexOf('. ', start) + 2;
    const sentenceEnd = text.indexOf('.', start) + 1;
    return { kind: 'mention', date, start, end: start + words.length, sentenceStart, sentence: text.slice(sentenceStart, sentenceEnd) };
  };
  const jan = mention('January 2016', '2016-01');
  const mar = mention('March 2023', '2023-03');
  const range = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

  it('is the mention inside the highlight', () => {
    expect(suggestMention([jan, mar], range('in Beijing in March 2023'))).toBe(mar);
  });
  it('is the mention of the same sentence when the highlight holds none', () => {
    expect(suggestMention([jan, mar], range('protesters stormed the Saudi embassy'))).toBe(jan);
    expect(suggestMention([jan, mar], range('to restore relations'))).toBe(mar);
  });
  it('is nothing when the nearest mention is far away, and never a promoted highlight', () => {
    const far = { ...jan, start: jan.start + 5000, end: jan.end + 5000, sentenceStart: 4000 };
    expect(suggestMention([far], { start: 10, end: 20 })).toBeNull();
    expect(NEAR_CHARS).toBeLessThan(5000);
    expect(suggestMention([{ ...jan, kind: 'highlight' }], range('January 2016'))).toBeNull();
  });
});
