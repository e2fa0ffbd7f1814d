import { describe, expect, it } from 'vitest';
import { checkWords, comparableText, intact } from '../../../electron/core/export/text-check.js';

describe('text-layer word check', () => {
  const source = 'أكّدت الوزارة أنّها ستواصل التنسيق في ١٠ آذار/مارس، وقالت إنّ چارچوب‌های حقوقی لازم است.';

  it('ignores harakat, tatweel, bidi controls, ZWNJ, edge punctuation and spacing around numbers', () => {
    const extracted = '\u202bأكدت الوزارة أنها  ستواصـل التنسيق في \u202a١٠\u202cآذار/مارس ، وقالت إن چارچوبهای حقوقی لازم است .';
    expect(comparableText('ستواصـل')).toBe('ستواصل');
    const check = checkWords(source, extracted);
    expect(check.missing).toEqual([]);
    expect(check.inOrder).toBe(true);
    expect(intact(check)).toBe(true);
  });

  it('catches split words, reversed order and presentation forms', () => {
    expect(checkWords(source, source.replace('التنسيق', 'التن سيق')).missing).toEqual(['التنسيق']);
    const reversed = comparableText(source).split(' ').reverse().join(' ');
    const check = checkWords(source, reversed);
    expect(check.missing).toEqual([]);
    expect(check.inOrder).toBe(false);
    const forms = checkWords('لا يزال', 'ﻻ ﻳﺰﺍﻝ');
    expect(forms.presentationForms).toBe(5);
    expect(intact(forms)).toBe(false);
    // A ZWNJ word read as two words is split, not whole.
    expect(checkWords('چارچوب‌های', 'چارچوب های').missing).toEqual(['چارچوبهای']);
  });
});
