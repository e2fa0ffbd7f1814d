/**
 * Relative dates in Arabic and Persian, counted from the published day (anchor.ts): yesterday
 * (أمس، دیروز), the day before (أول أمس، پریروز), last/next month and year (الشهر الماضي، ماه آینده،
 * العام الماضي، سال گذشته, …) and weekdays with "last"/"next" or "on" (يوم الثلاثاء الماضي، سه‌شنبه گذشته).
 * A bare weekday name is not read: الجمعة and جمعه are as often the Friday prayer or a name.
 * "In the past two months" is a span, not a date: a number before "months" rules the phrase out.
 */
import type { Anchor } from './anchor.js';
import { resolveGregorian, type DateValue } from './calendar.js';
import { foldText, wordPattern } from './fold.js';
import type { Candidate, ExtractionInput } from './types.js';

const L = 'A-Za-z\\u0620-\\u063f\\u0641-\\u064a\\u066e-\\u06d3\\u06d5\\u06fa-\\u06ff\\u0750-\\u077f';
const alt = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).map(wordPattern).join('|');
const keyOf = (text: string): string => foldText(text).replace(/[ـ\u200c]/g, '').replace(/\s+/g, ' ').trim();

type Shift = { readonly unit: 'day' | 'month' | 'year'; readonly by: number };

const FIXED: ReadonlyArray<readonly [string, Shift]> = [
  ['أمس', { unit: 'day', by: -1 }],
  ['البارحة', { unit: 'day', by: -1 }],
  ['أول أمس', { unit: 'day', by: -2 }],
  ['أمس الأول', { unit: 'day', by: -2 }],
  ['دیروز', { unit: 'day', by: -1 }],
  ['پریروز', { unit: 'day', by: -2 }],
  ['الشهر الماضي', { unit: 'month', by: -1 }],
  ['الشهر المقبل', { unit: 'month', by: 1 }],
  ['الشهر القادم', { unit: 'month', by: 1 }],
  ['العام الماضي', { unit: 'year', by: -1 }],
  ['السنة الماضية', { unit: 'year', by: -1 }],
  ['العام المقبل', { unit: 'year', by: 1 }],
  ['العام القادم', { unit: 'year', by: 1 }],
  ['ماه گذشته', { unit: 'month', by: -1 }],
  ['ماه پیش', { unit: 'month', by: -1 }],
  ['ماه آینده', { unit: 'month', by: 1 }],
  ['ماه بعد', { unit: 'month', by: 1 }],
  ['سال گذشته', { unit: 'year', by: -1 }],
  ['پارسال', { unit: 'year', by: -1 }],
  ['سال آینده', { unit: 'year', by: 1 }],
];
const FIXED_KEYS = new Map(FIXED.map(([word, shift]) => [keyOf(word), shift]));

const WEEKDAYS: ReadonlyArray<readonly [string, number]> = [
  ['الأحد', 0], ['الاثنين', 1], ['الإثنين', 1], ['الثلاثاء', 2], ['الأربعاء', 3], ['الخميس', 4], ['الجمعة', 5], ['السبت', 6],
  ['یکشنبه', 0], ['یک‌شنبه', 0], ['دوشنبه', 1], ['سه‌شنبه', 2], ['سه شنبه', 2], ['چهارشنبه', 3], ['پنجشنبه', 4], ['پنج‌شنبه', 4], ['جمعه', 5], ['شنبه', 6],
];
const WEEKDAY_KEYS = new Map(WEEKDAYS.map(([word, day]) => [keyOf(word), day]));
const PAST = alt(['الماضي', 'الفائت', 'گذشته', 'پیش']);
const NEXT = alt(['المقبل', 'القادم', 'آینده']);

/** Numbers (and number words) before "months"/"years": "the past two months" is a span. */
const NUMBER_BEFORE = new RegExp(`(?:\\d|${alt(['دو', 'سه', 'چهار', 'چند', 'ثلاثة', 'أربعة', 'عدة'])})[\\s\\u200c]*$`);

const FIXED_PATTERN = new RegExp(`(?<![${L}])(?:[وف])?(${alt(FIXED.map(([w]) => w))})(?![${L}])`, 'gd');
const WEEKDAY_PATTERN = new RegExp(
  `(?<![${L}])(?:(${alt(['يوم', 'روز'])})\\s+)?(${alt(WEEKDAYS.map(([w]) => w))})(?:\\s+(?:(${PAST})|(${NEXT})))?(?![${L}\\u200c])`,
  'gd',
);

function shiftFrom(anchor: Anchor & { day: number }, shift: Shift): DateValue {
  const date = new Date(Date.UTC(anchor.year, anchor.month - 1, shift.unit === 'day' ? anchor.day + shift.by : 1));
  if (shift.unit === 'day') return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  if (shift.unit === 'month') {
    date.setUTCMonth(date.getUTCMonth() + shift.by);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: null };
  }
  return { year: anchor.year + shift.by, month: null, day: null };
}

function weekdayFrom(anchor: Anchor & { day: number }, weekday: number, direction: 'last' | 'next' | 'on'): DateValue {
  const date = new Date(Date.UTC(anchor.year, anchor.month - 1, anchor.day));
  const back = (date.getUTCDay() - weekday + 7) % 7;
  if (direction === 'next') date.setUTCDate(date.getUTCDate() + ((weekday - date.getUTCDay() + 7) % 7 || 7));
  else date.setUTCDate(date.getUTCDate() - (back || (direction === 'last' ? 7 : 0)));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function extractRelativeWords(input: ExtractionInput): Candidate[] {
  const anchor = input.anchor;
  if (!anchor || anchor.day === null) return []; // no published day: nothing to count from
  const day = { ...anchor, day: anchor.day };
  const out: Candidate[] = [];
  FIXED_PATTERN.lastIndex = 0;
  for (let m = FIXED_PATTERN.exec(input.folded); m !== null; m = FIXED_PATTERN.exec(input.folded)) {
    const [start, end] = m.indices![1]!;
    const shift = FIXED_KEYS.get(keyOf(m[1]!));
    if (!shift || NUMBER_BEFORE.test(input.folded.slice(Math.max(0, start - 12), start))) continue;
    out.push({ ...resolveGregorian(shiftFrom(day, shift)), start, end, flags: ['relative'] });
  }
  WEEKDAY_PATTERN.lastIndex = 0;
  for (let m = WEEKDAY_PATTERN.exec(input.folded); m !== null; m = WEEKDAY_PATTERN.exec(input.folded)) {
    // A weekday counts with "on" (يوم، روز) or with "last"/"next"; alone it is too often a name.
    if (m[1] === undefined && m[3] === undefined && m[4] === undefined) continue;
    const weekday = WEEKDAY_KEYS.get(keyOf(m[2]!));
    if (weekday === undefined) continue;
    const direction = m[3] !== undefined ? 'last' : m[4] !== undefined ? 'next' : 'on';
    out.push({ ...resolveGregorian(weekdayFrom(day, weekday, direction)), start: m.index, end: m.index + m[0].length, flags: ['relative'] });
  }
  return out;
}
