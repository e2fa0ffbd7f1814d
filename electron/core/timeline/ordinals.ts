/**
 * Arabic ordinal day numbers written in words, as in "الثالث من كانون الثاني" (the third of January):
 * 1–31, masculine (the day, اليوم, is masculine), with and without the article, and the compound
 * forms (الحادي عشر, الحادي والعشرين). Matched folded (fold.ts), so hamza and yeh variants need no
 * separate entries.
 */
const UNITS = ['الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع'];
const TEENS = ['الحادي عشر', 'الثاني عشر', 'الثالث عشر', 'الرابع عشر', 'الخامس عشر', 'السادس عشر', 'السابع عشر', 'الثامن عشر', 'التاسع عشر'];

function build(): Map<string, number> {
  const map = new Map<string, number>();
  UNITS.forEach((word, i) => map.set(word, i + 1));
  map.set('العاشر', 10);
  TEENS.forEach((word, i) => map.set(word, i + 11));
  map.set('العشرين', 20);
  map.set('الثلاثين', 30);
  // 21–29 and 31: "الحادي والعشرين", "الثاني والعشرين", …, "الحادي والثلاثين".
  const compoundUnits = ['الحادي', ...UNITS.slice(1)];
  compoundUnits.forEach((word, i) => map.set(`${word} والعشرين`, 21 + i));
  map.set('الحادي والثلاثين', 31);
  return map;
}

/** Ordinal word (as written above) → day of the month. */
export const ARABIC_ORDINAL_DAYS: ReadonlyMap<string, number> = build();
