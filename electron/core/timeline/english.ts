/**
 * Dates in English (and other Latin-script) text, with `chrono-node` for the many ways of writing a
 * day or month, and a small rule for years standing alone ("in 2016", "since 2011", "early 2016"),
 * which chrono leaves out.
 *
 * chrono reads every date relative to a reference day; Quire decides what is kept (anchor.ts):
 * a yearless date takes its year from the published date by the "most recent, not after" rule, a
 * relative date needs a published day, durations ("within two months") and bare times are not dates.
 */
import * as chrono from 'chrono-node';
import { inferYear, type Anchor } from './anchor.js';
import { dayString, isValidDate, resolveGregorian, type DateValue, type ResolvedDate } from './calendar.js';
import type { Candidate, ExtractionInput, MentionFlag } from './types.js';

type ParsedResult = ReturnType<typeof chrono.parse>[number];
type ParsedComponents = ParsedResult['start'];

/** Durations and spans chrono reads as a point in time: not a dated event. */
const DURATION = /^(?:within|for|over|during|in the (?:past|last|next|coming)|the (?:past|last|next|coming)\s+(?:\d+|two|three|four|five|six|several|few))\b/i;
/** "a week after the last round": counted from another event, not from the publication. */
const COUNTED_FROM_ELSEWHERE = /\b(?:after|before|later|earlier|since)$/i;
/** A weekday that is a name or a habit, not a date: "The Sunday Times", "every Friday". */
const NOT_A_DAY_BEFORE = /\b(?:every|each|the)\s+$/i;
/** Future tense before a bare weekday: "will announce the results on Sunday" is the coming Sunday. */
const FUTURE_TENSE = /\b(?:will|shall|is to|are to|is due|are due|due to|scheduled|expected to|plans? to|planned|set to)\b/i;
/** What makes a lone month name a date: "in October", "since March", "early June", "last May". */
const MONTH_CUE = /\b(?:in|since|by|until|till|from|during|of|early|late|mid|last|next|this|before|after|through|throughout|between|and|to|on)[\s-]+$/i;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;

function refDate(anchor: Anchor | null): Date {
  // Noon UTC: no time zone can move the reference to another day.
  if (anchor) return new Date(Date.UTC(anchor.year, anchor.month - 1, anchor.day ?? 1, 12));
  // Any fixed day will do: without an anchor no yearless or relative reading is kept (see readRelative/readAbsolute).
  return new Date(Date.UTC(2000, 0, 1, 12));
}

function isRelative(result: ParsedResult): boolean {
  const tags = [...result.tags()].join(' ');
  if (/relative|casual/i.test(tags)) return true;
  return result.start.isCertain('weekday') && !result.start.isCertain('day');
}

/** The most recent given weekday on or before the anchor's day ("On Monday" in a report). */
function lastWeekday(anchor: Anchor & { day: number }, weekday: number, strictlyBefore: boolean): DateValue {
  const date = new Date(Date.UTC(anchor.year, anchor.month - 1, anchor.day));
  // "last Tuesday" written on a Tuesday is a week ago; "on Tuesday" is that day.
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() - weekday + 7) % 7 || (strictlyBefore ? 7 : 0)));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The first given weekday after the anchor's day ("will meet on Sunday"). */
function nextWeekday(anchor: Anchor & { day: number }, weekday: number): DateValue {
  const date = new Date(Date.UTC(anchor.year, anchor.month - 1, anchor.day));
  date.setUTCDate(date.getUTCDate() + ((weekday - date.getUTCDay() + 7) % 7 || 7));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The text of the sentence before a position (back to the last sentence end). */
function sentenceBefore(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 300), index);
  const end = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('! '), before.lastIndexOf('? '));
  return end >= 0 ? before.slice(end + 1) : before;
}

function componentValue(c: ParsedComponents): DateValue {
  return { year: c.get('year') ?? 0, month: c.get('month'), day: c.get('day') };
}

interface Reading {
  readonly value: DateValue;
  readonly flags: MentionFlag[];
}

function readRelative(result: ParsedResult, text: string, anchor: Anchor | null): Reading | null {
  if (!anchor || anchor.day === null) return null; // no published day: no guess
  const written = result.text.trim();
  if (DURATION.test(written) || COUNTED_FROM_ELSEWHERE.test(written)) return null;
  const start = result.start;
  const flags: MentionFlag[] = ['relative'];
  if (start.isCertain('weekday') && !start.isCertain('day') && !/\bnext\b|\bcoming\b/i.test(written)) {
    const before = sentenceBefore(text, result.index);
    const after = text.slice(result.index + result.text.length, result.index + result.text.length + 2);
    if (NOT_A_DAY_BEFORE.test(before) || /^\s\p{Lu}/u.test(after)) return null;
    const weekday = start.get('weekday') ?? 0;
    const day = { ...anchor, day: anchor.day };
    if (!/\blast\b/i.test(written) && FUTURE_TENSE.test(before)) return { value: nextWeekday(day, weekday), flags };
    return { value: lastWeekday(day, weekday, /\blast\b/i.test(written)), flags };
  }
  const value = componentValue(start);
  if (start.isCertain('day') || start.isCertain('weekday')) return { value, flags };
  if (start.isCertain('month')) return { value: { ...value, day: null }, flags };
  if (start.isCertain('year')) return { value: { year: value.year, month: null, day: null }, flags };
  return null;
}

function readAbsolute(result: ParsedResult, text: string, anchor: Anchor | null): Reading | null {
  const start = result.start;
  const hasDay = start.isCertain('day');
  const hasMonth = start.isCertain('month');
  const hasYear = start.isCertain('year');
  if (!hasMonth && !hasYear) return null; // a time of day, a lone weekday handled above
  const flags: MentionFlag[] = [];
  const numeric = NUMERIC.exec(result.text.trim());
  if (/^\d{1,2}[/.-]\d{1,2}$/.test(result.text.trim())) return null; // "2/3": a fraction as often as a date
  if (numeric) {
    const [a, b, y] = [Number(numeric[1]), Number(numeric[2]), numeric[3]!];
    if ((a <= 12 && b <= 12 && a !== b) || y.length === 2) flags.push('ambiguous');
  }
  if (!hasDay && !hasYear) {
    // A lone month name: only after a cue word, and written as a name ("march" is a verb).
    const before = text.slice(Math.max(0, result.index - 20), result.index);
    if (!MONTH_CUE.test(before) || !/^[A-Z]/.test(result.text.trim())) return null;
  }
  if (hasYear) {
    return { value: { year: start.get('year') ?? 0, month: hasMonth ? start.get('month') : null, day: hasDay && hasMonth ? start.get('day') : null }, flags };
  }
  if (!anchor) return null; // a yearless date in an undated article gets no year
  const month = start.get('month') ?? 1;
  const day = hasDay ? start.get('day') : null;
  flags.push('relative');
  return { value: { year: inferYear(anchor, month, day), month, day }, flags };
}

function endOfRange(result: ParsedResult, startValue: DateValue, resolved: ResolvedDate): string | null {
  const end = result.end;
  if (!end || !end.isCertain('day') || startValue.day === null) return null;
  const value: DateValue = {
    year: end.isCertain('year') ? (end.get('year') ?? 0) : startValue.year,
    month: end.get('month'),
    day: end.get('day'),
  };
  if (!isValidDate(value) || value.month === null || value.day === null) return null;
  const day = dayString(value.year, value.month, value.day);
  return day > resolved.endDay ? day : null;
}

function fromChrono(input: ExtractionInput): Candidate[] {
  const results = chrono.parse(input.text, { instant: refDate(input.anchor), timezone: 0 }, { forwardDate: false });
  const out: Candidate[] = [];
  for (const result of results) {
    const reading = isRelative(result) ? readRelative(result, input.text, input.anchor) : readAbsolute(result, input.text, input.anchor);
    if (!reading || !isValidDate(reading.value)) continue;
    const resolved = resolveGregorian(reading.value);
    const flags = [...reading.flags];
    const rangeEnd = endOfRange(result, reading.value, resolved);
    if (rangeEnd) flags.push('range');
    // chrono keeps trailing punctuation ("October,"): the mention is the date alone.
    const length = result.text.replace(/[\s,.;:]+$/, '').length;
    out.push({ ...resolved, endDay: rangeEnd ?? resolved.endDay, start: result.index, end: result.index + length, flags });
  }
  return out;
}

/** Counted things and units after a number: "2016 people" is a count, not a year. */
const COUNT_AFTER = /^\s*(?:people|persons|men|women|children|soldiers|troops|deaths|dead|casualties|votes|members|times|km|kilometres|kilometers|miles|metres|meters|tons|tonnes|barrels|dollars|euros|rials|dinars|units|cases|pages|%|percent|per cent)\b/i;
const YEAR_CUE = /\b(in|since|by|until|till|from|during|before|after|throughout|of|early|late|mid|between|the year|year|spring|summer|autumn|fall|winter|start of|end of)[\s-]+(?:of\s+)?$/i;
/** A second year of a pair: "in 2017 and 2018", "between 2016 and 2023", "from 2011 to 2015". */
const YEAR_PAIR = /\b(?:1[89]\d\d|20\d\d)\s*(?:,|and|or|to|through|until|-|–)\s*$/i;
/** "the 1979 revolution", "the 2016 election": a year used as an adjective, followed by a lower-case word. */
const ADJECTIVE_BEFORE = /\bthe\s+$/i;
const ADJECTIVE_AFTER = /^\s+\p{Ll}/u;
const BARE_YEAR = /(?<![\d.,/$£€]|\d-)\b(1[89]\d\d|20\d\d|2100)\b(?![\d/-]|\.\d|,\d|s\b|'s\b)/g;

/** Years standing alone after a cue word ("in 2016", "early 2016", "since 2011"); chrono skips them. */
function bareYears(input: ExtractionInput): Candidate[] {
  const out: Candidate[] = [];
  for (const match of input.text.matchAll(BARE_YEAR)) {
    const start = match.index;
    const before = input.text.slice(Math.max(0, start - 16), start);
    const after = input.text.slice(start + 4, start + 24);
    const adjective = ADJECTIVE_BEFORE.test(before) && ADJECTIVE_AFTER.test(after);
    if (!YEAR_CUE.test(before) && !YEAR_PAIR.test(before) && !adjective) continue;
    if (COUNT_AFTER.test(after)) continue;
    const value: DateValue = { year: Number(match[1]), month: null, day: null };
    out.push({ ...resolveGregorian(value), start, end: start + 4, flags: [] });
  }
  return out;
}

export function extractEnglish(input: ExtractionInput): Candidate[] {
  return [...fromChrono(input), ...bareYears(input)];
}
