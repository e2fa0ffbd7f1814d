/**
 * Month names in Arabic script, as the press writes them. Spelling variants that folding already
 * merges (hamza on alef, Arabic or Persian yeh and kaf, marks, tatweel) are not repeated here.
 *
 * `risky`: the name is also an everyday word (Persian آب "water", مه "fog", می the verb prefix, تیر
 * "arrow", مهر "seal", دی, Arabic آب for "father" in some spellings), so it counts as a month only next
 * to a day or a year, never alone after a cue word.
 */
export type CalendarKind = 'gregorian' | 'solar-hijri';

export interface MonthName {
  readonly name: string;
  readonly month: number;
  readonly calendar: CalendarKind;
  readonly risky?: boolean;
}

const gregorian = (month: number, names: readonly string[], risky = false): MonthName[] =>
  names.map((name) => ({ name, month, calendar: 'gregorian' as const, ...(risky ? { risky } : {}) }));

/** Levantine and Iraqi (Syriac) names: كانون الثاني … كانون الأول. */
export const LEVANTINE: readonly MonthName[] = [
  ...gregorian(1, ['كانون الثاني']),
  ...gregorian(2, ['شباط']),
  ...gregorian(3, ['آذار']),
  ...gregorian(4, ['نيسان']),
  ...gregorian(5, ['أيار']),
  ...gregorian(6, ['حزيران']),
  ...gregorian(7, ['تموز']),
  ...gregorian(8, ['آب'], true),
  ...gregorian(9, ['أيلول']),
  ...gregorian(10, ['تشرين الأول']),
  ...gregorian(11, ['تشرين الثاني']),
  ...gregorian(12, ['كانون الأول']),
];

/** Egyptian and Gulf names, transliterated from the European ones, with their common spellings. */
export const EGYPTIAN: readonly MonthName[] = [
  ...gregorian(1, ['يناير']),
  ...gregorian(2, ['فبراير']),
  ...gregorian(3, ['مارس']),
  ...gregorian(4, ['أبريل', 'ابريل', 'إبريل']),
  ...gregorian(5, ['مايو']),
  ...gregorian(6, ['يونيو', 'يونيه']),
  ...gregorian(7, ['يوليو', 'يوليه']),
  ...gregorian(8, ['أغسطس', 'اغسطس', 'آغسطس']),
  ...gregorian(9, ['سبتمبر']),
  ...gregorian(10, ['أكتوبر', 'اكتوبر']),
  ...gregorian(11, ['نوفمبر']),
  ...gregorian(12, ['ديسمبر']),
];

/** Gregorian months as the Iranian press writes them (French-derived), with variants. */
export const PERSIAN_GREGORIAN: readonly MonthName[] = [
  ...gregorian(1, ['ژانویه', 'ژانوئیه', 'ژانویهٔ']),
  ...gregorian(2, ['فوریه', 'فووریه']),
  ...gregorian(3, ['مارس']),
  ...gregorian(4, ['آوریل', 'آپریل']),
  ...gregorian(5, ['مه', 'می'], true),
  ...gregorian(6, ['ژوئن', 'ژوین', 'جون']),
  ...gregorian(7, ['ژوئیه', 'ژوییه', 'جولای']),
  ...gregorian(8, ['اوت', 'آگوست', 'اگوست']),
  ...gregorian(9, ['سپتامبر']),
  ...gregorian(10, ['اکتبر']),
  ...gregorian(11, ['نوامبر']),
  ...gregorian(12, ['دسامبر']),
];

const solar = (month: number, name: string, risky = false): MonthName => ({ name, month, calendar: 'solar-hijri', ...(risky ? { risky } : {}) });

/** The Solar Hijri (Iranian civil) months, Farvardin (from 21 March) to Esfand. */
export const SOLAR_HIJRI: readonly MonthName[] = [
  solar(1, 'فروردین'),
  solar(2, 'اردیبهشت'),
  solar(3, 'خرداد'),
  solar(4, 'تیر', true),
  solar(5, 'مرداد'),
  solar(5, 'امرداد'),
  solar(6, 'شهریور'),
  solar(7, 'مهر', true),
  solar(8, 'آبان'),
  solar(9, 'آذر'),
  solar(10, 'دی', true),
  solar(11, 'بهمن'),
  solar(12, 'اسفند'),
];

export const ALL_MONTH_NAMES: readonly MonthName[] = [...LEVANTINE, ...EGYPTIAN, ...PERSIAN_GREGORIAN, ...SOLAR_HIJRI];
