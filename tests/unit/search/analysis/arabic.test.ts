/**
 * Arabic-script light stemming. The Arabic cases are those of Apache Lucene's TestArabicStemFilter
 * (Apache License 2.0; words only, no code), run through our normalisation first as the index does.
 * Where our length guard differs from Lucene's (three letters kept, not two) the case says so.
 */
import { describe, expect, test } from 'vitest';
import { stemArabicScript } from '../../../../electron/core/search/analysis/arabic.js';
import { normalize } from '../../../../electron/core/search/normalize.js';

const stem = (word: string): string => stemArabicScript(normalize(word));

describe('Arabic prefixes and suffixes (Lucene TestArabicStemFilter)', () => {
  test.each([
    ['الحسن', 'حسن'],
    ['والحسن', 'حسن'],
    ['بالحسن', 'حسن'],
    ['كالحسن', 'حسن'],
    ['فالحسن', 'حسن'],
    ['للاخر', 'اخر'],
    ['وحسن', 'حسن'],
    ['زوجها', 'زوج'],
    ['ساهدان', 'ساهد'],
    ['ساهدات', 'ساهد'],
    ['ساهدون', 'ساهد'],
    ['ساهدين', 'ساهد'],
    ['ساهديه', 'ساهد'],
    ['ساهدية', 'ساهد'],
    ['ساهده', 'ساهد'],
    ['ساهدة', 'ساهد'],
    ['ساهدي', 'ساهد'],
    ['وساهدون', 'ساهد'],
    ['ساهدهات', 'ساهد'],
    ['الو', 'الو'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(normalize(expected));
  });

  test('non-Arabic words are left alone', () => {
    expect(stemArabicScript('english')).toBe('english');
  });
});

describe('news vocabulary: one stem for the forms an analyst meets', () => {
  test.each([
    ['السفارات', 'سفارة'],
    ['سفارات', 'السفارة'],
    ['العقوبات', 'عقوبات'],
    ['والعقوبات', 'العقوبات'],
    ['بالمفاوضات', 'مفاوضات'],
    ['للمفاوضات', 'المفاوضات'],
    ['الدبلوماسيون', 'دبلوماسي'],
  ])('%s and %s', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  test('short words and names keep at least three letters (Lucene keeps two)', () => {
    expect(stem('علي')).toBe(normalize('علي')); // Lucene: عل
    expect(stem('زيد')).toBe('زيد');
    expect(stem('ولي')).toBe('ولي'); // a lone و needs three letters after it
    expect(stem('وقال')).toBe('قال');
    expect(stem('بيان')).toBe('بيان'); // not بي
  });
});

describe('place names whose ending only looks like a suffix keep it', () => {
  test.each([
    ['لبنان', 'لبنان'],
    ['البحرين', 'بحرين'],
    ['والبحرين', 'بحرين'],
    ['سورية', 'سوريه'],
    ['السودان', 'سودان'],
    ['کرمان', 'كرمان'],
    ['پاکستان', 'پاكستان'],
    ['کردستان', 'كردستان'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  test('and do not meet the words they would have been cut to', () => {
    expect(stem('لبنان')).not.toBe(stem('لبن'));
    expect(stem('البحرين')).not.toBe(stem('البحر'));
  });
});

describe('Persian endings, with or without the zero-width non-joiner', () => {
  test.each([
    ['تحریم‌ها', 'تحریم'],
    ['تحریمها', 'تحریم'],
    ['تحریم‌های', 'تحریم'],
    ['کشورها', 'کشور'],
    ['دانشجویان', 'دانشجو'],
    ['بزرگ‌ترین', 'بزرگ'],
    ['بزرگتر', 'بزرگ'],
    ['مذاکرات', 'مذاکره'],
  ])('%s → the stem of %s', (word, base) => {
    expect(stem(word)).toBe(stem(base));
  });

  test('words that only look like they end in a suffix keep three letters', () => {
    expect(stem('دختر')).toBe(normalize('دختر')); // not دخ + تر
    expect(stem('بهتر')).toBe(normalize('بهتر'));
  });
});
