/**
 * Dates written in Arabic script: Arabic (both month-name series, and the combined
 * "كانون الثاني/يناير ٢٠١٦" form), Persian (Gregorian months as the Iranian press writes them, and
 * Solar Hijri months converted to Gregorian), numeric dates, and years after a cue word
 * ("عام ٢٠١٦", "سال ۱۳۹۴"). Matching runs on the folded text (fold.ts), so digits in either Eastern
 * set, hamza and yeh/kaf variants, marks, tatweel and ZWNJ need no special case, and offsets are the
 * article's own.
 *
 * Not extracted: lunar Hijri dates ("١٤٣٧هـ"): a year of 1300–1499 after an Arabic cue word without
 * "م" is taken for one and skipped rather than misread (docs/timeline.md).
 */
import { inferYear, type Anchor } from './anchor.js';
import { MAX_SOLAR_HIJRI_YEAR, MIN_SOLAR_HIJRI_YEAR, isValidDate, resolveGregorian, resolveSolarHijri, type ResolvedDate } from './calendar.js';
import { foldText, wordPattern } from './fold.js';
import { ALL_MONTH_NAMES, type MonthName } from './month-names.js';
import { ARABIC_ORDINAL_DAYS } from './ordinals.js';
import type { Candidate, ExtractionInput, MentionFlag } from './types.js';
import * as jalaali from 'jalaali-js';

/** Letters of the Arabic script and Latin (not the tatweel, U+0640): what a date must not run into. */
const L = 'A-Za-z\\u0620-\\u063f\\u0641-\\u064a\\u066e-\\u06d3\\u06d5\\u06fa-\\u06ff\\u0750-\\u077f';
const alternation = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).map(wordPattern).join('|');

const MONTH_KEYS = new Map<string, MonthName>();
const keyOf = (text: string): string => foldText(text).replace(/[ـ\u200c]/g, '').replace(/\s+/g, ' ').trim();
for (const name of ALL_MONTH_NAMES) MONTH_KEYS.set(keyOf(name.name), name);

const MONTHS = alternation(ALL_MONTH_NAMES.map((m) => m.name));
const ORDINALS = alternation([...ARABIC_ORDINAL_DAYS.keys()]);
const ORDINAL_KEYS = new Map([...ARABIC_ORDINAL_DAYS].map(([word, day]) => [keyOf(word), day]));
/** After a year: Gregorian (م، ميلادي), lunar Hijri (هـ، هجري، قمری) or Solar Hijri (شمسی، خورشیدی). */
const SUFFIX = alternation(['م', 'ميلادي', 'ميلادية', 'للميلاد', 'هـ', 'ه', 'هجري', 'هجرية', 'هجری قمری', 'قمری', 'هجری شمسی', 'شمسی', 'خورشیدی']);
const YEAR_WORD = alternation(['عام', 'العام', 'سنة', 'السنة', 'سال', 'لعام']);

const MONTH_DATE = new RegExp(
  `(?<![\\d${L}])` +
    `(?:(\\d{1,2})[\\s\\u200c]*(?:${wordPattern('من')}\\s+)?|(${ORDINALS})\\s+${wordPattern('من')}\\s+)?` + // 1: day ("٥ كانون الثاني", "5 من يناير"), 2: in words ("الثالث من")
    `(?:[وف]?[بل]ـ?|[وف])?` + // clitics written onto the month: بـآذار، وبكانون
    `(${MONTHS})ـ*(?:\\u200c?ی)?(?:[\\s\\u200c]*${wordPattern('ماه')})?` + // 3: month (then a Persian ezafe, ژانویه‌ی, or ماه: دی‌ماه)
    `(?:\\s*[/(]\\s*(${MONTHS})ـ*\\s*\\)?)?` + // 4: the other series' name: كانون الثاني/يناير
    `(?:[\\s,،]*(?:(?:${YEAR_WORD})\\s+)?(\\d{4})(?!\\d)(?:\\s*(${SUFFIX})(?![${L}]))?)?` + // 5: year, 6: suffix
    `(?![${L}])`,
  'gd',
);
const NUMERIC_DATE = /(?<![\d/.-])(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?![\d/-]|\.\d)/gd;
const ARABIC_CUE = alternation(['عام', 'العام', 'سنة', 'السنة', 'لعام', 'لسنة', 'بعام', 'وعام', 'والعام', 'منذ', 'في', 'وفي', 'حتى', 'مطلع', 'أوائل', 'أواخر', 'منتصف', 'خلال']);
const PERSIAN_CUE = alternation(['سال', 'در', 'از', 'تا', 'اوایل', 'اواخر', 'اواسط']);
const YEAR_ONLY = new RegExp(
  `(?<![${L}])(?:(${ARABIC_CUE})|(${PERSIAN_CUE}))\\s+(?:${wordPattern('سال')}\\s+)?(\\d{4})(?!\\d)(?:\\s*(${SUFFIX})(?![${L}]))?`,
  'gd',
);
/** Before a yearless month: "في تشرين الأول", "منذ مارس", "در ماه اکتبر". */
const MONTH_CUE = new RegExp(`(?:^|[^${L}])(?:${alternation(['في', 'وفي', 'منذ', 'خلال', 'حتى', 'مطلع', 'أوائل', 'أواخر', 'منتصف', 'شهر', 'ماه', 'در', 'از', 'تا'])})\\s+$`);
/** Counted things after a number: "في ٢٠١٦ حالة" is not a year. */
const COUNT_AFTER = new RegExp(`^\\s*(?:${alternation(['حالة', 'شخص', 'شخصا', 'قتيل', 'قتيلا', 'جريح', 'نفر', 'کشته', 'زخمی', 'مورد', 'دولار', 'ریال', 'كيلومتر', 'کیلومتر', 'صفحة', 'صفحه'])})(?![${L}])`);

type Kind = 'gregorian' | 'solar-hijri' | 'lunar' | null;

/**
 * After a yearless month: the coming one ("أكتوبر المقبل", "اکتبر آینده"), the first after the anchor,
 * which is always a year after the "most recent, not after" reading.
 */
const NEXT_AFTER = new RegExp(`^\\s+(?:${alternation(['المقبل', 'القادم', 'آینده', 'آتی'])})(?![${L}])`);


function suffixKind(suffix: string | undefined): Kind {
  if (!suffix) return null;
  const key = keyOf(suffix);
  if (['م', 'میلادی', 'میلادیه', 'للمیلاد'].includes(key)) return 'gregorian';
  if (['شمسی', 'هجری شمسی', 'خورشیدی'].includes(key)) return 'solar-hijri';
  return 'lunar';
}

interface Span {
  readonly start: number;
  readonly end: number;
}

function candidate(span: Span, resolved: ResolvedDate | null, flags: MentionFlag[]): Candidate | null {
  return resolved ? { ...resolved, start: span.start, end: span.end, flags } : null;
}

/** The anchor's day in the Solar Hijri calendar, for a yearless Solar Hijri day. */
function solarAnchor(anchor: Anchor): Anchor {
  const { jy, jm, jd } = jalaali.toJalaali(anchor.year, anchor.month, anchor.day ?? 1);
  return { year: jy, month: jm, day: anchor.day === null ? null : jd };
}

function readMonthDate(match: RegExpExecArray, input: ExtractionInput): Candidate | null {
  const indices = match.indices!;
  const first = MONTH_KEYS.get(keyOf(match[3]!));
  const second = match[4] !== undefined ? MONTH_KEYS.get(keyOf(match[4])) : undefined;
  if (!first) return null;
  const flags: MentionFlag[] = [];
  if (second && (second.month !== first.month || second.calendar !== first.calendar)) flags.push('ambiguous');
  const day = match[1] !== undefined ? Number(match[1]) : match[2] !== undefined ? (ORDINAL_KEYS.get(keyOf(match[2])) ?? null) : null;
  const kind = suffixKind(match[6]);
  if (kind === 'lunar') return null;
  const year = match[5] !== undefined ? Number(match[5]) : null;
  const start = indices[1]?.[0] ?? indices[2]?.[0] ?? indices[3]![0];
  const end = Math.max(...[indices[3], indices[4], indices[5]].filter((i): i is [number, number] => i !== undefined).map((i) => i[1]));
  const span = { start, end };

  if (year === null) {
    if (!input.anchor) return null; // no published date: no year is guessed
    if (day === null && (first.risky || !MONTH_CUE.test(input.folded.slice(Math.max(0, start - 12), start)))) return null;
    flags.push('relative');
    // "أكتوبر المقبل", "اکتبر آینده": the coming one, after the anchor.
    const forward = NEXT_AFTER.test(input.folded.slice(end, end + 16));
    if (first.calendar === 'solar-hijri') {
      if (day === null) return null;
      const anchor = solarAnchor(input.anchor);
      const resolved = resolveSolarHijri(inferYear(anchor, first.month, day) + (forward ? 1 : 0), first.month, day);
      return candidate(span, resolved, [...flags, 'solar-hijri']);
    }
    const pastYear = inferYear(input.anchor, first.month, day);
    const value = { year: forward ? pastYear + 1 : pastYear, month: first.month, day };
    return isValidDate(value) ? candidate(span, resolveGregorian(value), flags) : null;
  }
  if (first.calendar === 'solar-hijri' || kind === 'solar-hijri') {
    if (first.calendar !== 'solar-hijri') return null; // a Gregorian month with a Solar Hijri year: contradictory
    return candidate(span, resolveSolarHijri(year, first.month, day), [...flags, 'solar-hijri']);
  }
  const value = { year, month: first.month, day };
  return isValidDate(value) ? candidate(span, resolveGregorian(value), flags) : null;
}

function readNumeric(match: RegExpExecArray): Candidate | null {
  const [a, b, c] = [match[1]!, match[3]!, match[4]!];
  let year: number;
  let month: number;
  let day: number;
  if (a.length === 4 && c.length <= 2) [year, month, day] = [Number(a), Number(b), Number(c)];
  else if (c.length === 4 && a.length <= 2) [year, month, day] = [Number(c), Number(b), Number(a)]; // day/month/year, as the Arabic and Persian press write it
  else return null;
  const span = { start: match.index, end: match.index + match[0].length };
  if (year >= MIN_SOLAR_HIJRI_YEAR && year <= MAX_SOLAR_HIJRI_YEAR) return candidate(span, resolveSolarHijri(year, month, day), ['solar-hijri']);
  const value = { year, month, day };
  return isValidDate(value) ? candidate(span, resolveGregorian(value), []) : null;
}

function readYearOnly(match: RegExpExecArray, input: ExtractionInput): Candidate | null {
  const year = Number(match[3]);
  const indices = match.indices!;
  const span = { start: indices[3]![0], end: indices[3]![1] };
  const kind = suffixKind(match[4]);
  if (kind === 'lunar') return null;
  if (!match[4] && COUNT_AFTER.test(input.folded.slice(span.end, span.end + 16))) return null;
  const persian = match[2] !== undefined;
  const strong = /سال|عام|سنه/.test(foldText(match[1] ?? match[2] ?? ''));
  const hijriRange = year >= MIN_SOLAR_HIJRI_YEAR && year <= MAX_SOLAR_HIJRI_YEAR;
  if (kind === 'solar-hijri' || (persian && hijriRange && kind !== 'gregorian')) {
    return candidate(span, resolveSolarHijri(year, null, null), ['solar-hijri']);
  }
  // After an Arabic cue, 1300–1499 without "م" is most likely a lunar Hijri year: not read as Gregorian.
  if (!persian && hijriRange && kind !== 'gregorian') return null;
  if (!strong && (year < 1800 || year > 2100)) return null;
  const value = { year, month: null, day: null };
  return isValidDate(value) ? candidate(span, resolveGregorian(value), []) : null;
}

function collect(pattern: RegExp, text: string, read: (match: RegExpExecArray) => Candidate | null): Candidate[] {
  const out: Candidate[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const found = read(match);
    if (found) out.push(found);
  }
  return out;
}

/** Month-name dates and cue-word years (anywhere: they need Arabic-script words). */
export function extractArabicScript(input: ExtractionInput): Candidate[] {
  return [
    ...collect(MONTH_DATE, input.folded, (m) => readMonthDate(m, input)),
    ...collect(YEAR_ONLY, input.folded, (m) => readYearOnly(m, input)),
  ];
}

/** Numeric dates read day/month/year or year/month/day (for Arabic-script sentences only: English is month/day). */
export function extractArabicNumeric(input: ExtractionInput): Candidate[] {
  return collect(NUMERIC_DATE, input.folded, readNumeric);
}
