import { describe, expect, test } from 'vitest';
import { isStopWord, normalize, terms, tokenize } from '../../../electron/core/search/normalize.js';

describe('normalize: one rule for indexing and querying', () => {
  const same: [string, string, string][] = [
    // [description, a, b]: a and b must normalise to the same string
    ['case', 'IRAN', 'iran'],
    ['Latin accents', 'Crème Brûlée', 'creme brulee'],
    ['accents on capitals', 'ÉCOLE', 'ecole'],
    ['German sharp s', 'Straße', 'strasse'],
    ['ligature (NFKC)', 'ﬁnance', 'finance'],
    ['full-width letters and digits (NFKC)', 'ＡＢＣ１２３', 'abc123'],
    ['Turkish dotted capital I', 'İstanbul', 'istanbul'],
    ['Greek final sigma', 'ΟΔΥΣΣΕΥΣ', 'οδυσσευς'],
    ['Greek tonos', 'Σίσυφος', 'σισυφοσ'],
    ['Polish ł and ź', 'Łódź', 'lodz'],
    ['Danish ø', 'Øresund', 'oresund'],
    ['combining accent vs precomposed', 'cafe\u0301', 'café'],
    ['Arabic shadda', 'الدّبلوماسيّة', 'الدبلوماسية'],
    ['Arabic harakat (fatha, kasra, damma, sukun, tanwin)', 'كَتَبَ كِتَابٌ', 'كتب كتاب'],
    ['hamza below on alef', 'إيران', 'ايران'],
    ['hamza above on alef', 'أحمد', 'احمد'],
    ['madda on alef', 'آمن', 'امن'],
    ['alef wasla', 'ٱلله', 'الله'],
    ['superscript alef', 'هٰذا', 'هذا'],
    ['alef maqsura → yeh', 'مصطفى', 'مصطفي'],
    ['Persian yeh → Arabic yeh', 'ایران', 'ايران'],
    ['Persian yeh vs alef with hamza', 'ایران', 'إيران'],
    ['Persian kaf → Arabic kaf', 'کتاب', 'كتاب'],
    ['teh marbuta and heh', 'مدرسة', 'مدرسه'],
    ['tatweel', 'العـــربية', 'العربية'],
    ['lam-alef presentation form (NFKC)', 'ﻻ', 'لا'],
    ['hamza on waw', 'سؤال', 'سوال'],
    ['Arabic-Indic digits', '٢٠١٦', '2016'],
    ['Persian digits', '۲۰۱۶', '2016'],
    ['zero-width non-joiner', 'می‌خواهد', 'میخواهد'],
    ['zero-width joiner', 'a\u200db', 'ab'],
    ['byte-order mark', '\ufeffword', 'word'],
    ['soft hyphen', 'co\u00adoperation', 'cooperation'],
  ];
  for (const [what, a, b] of same) {
    test(what, () => {
      expect(normalize(a)).toBe(normalize(b));
    });
  }

  test('corpus README: the three spellings of Iran are one term', () => {
    expect(new Set([normalize('ايران'), normalize('إيران'), normalize('ایران')]).size).toBe(1);
  });

  test('corpus README: every way of writing 2016 is ASCII 2016', () => {
    expect(normalize('٢٠١٦')).toBe('2016');
    expect(normalize('۲۰۱۶')).toBe('2016');
    expect(normalize('2016')).toBe('2016');
  });

  test('keeps distinctions that matter', () => {
    expect(normalize('iran')).not.toBe(normalize('iraq'));
    expect(normalize('كتب')).not.toBe(normalize('قتب'));
    // Devanagari vowel signs are letters' parts, not accents.
    expect(normalize('कि')).not.toBe(normalize('क'));
  });

  test('is idempotent', () => {
    const samples = ['Crème', 'الدّبلوماسيّة', 'می‌خواهد', '۲۰۱۶', 'İstanbul', 'ﬁ', 'Σίσυφος', 'ﻻ', 'مسئول', 'Ḥusayn'];
    for (const s of samples) expect(normalize(normalize(s))).toBe(normalize(s));
  });
});

describe('tokenize', () => {
  test('gives normalised terms with offsets into the original text', () => {
    const text = 'Bahrain’s non-interference, ٢٠١٦: الدّبلوماسيّة';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.term)).toEqual(['bahrain', 's', 'non', 'interference', '2016', normalize('الدبلوماسية')]);
    for (const t of tokens) expect(normalize(text.slice(t.start, t.end))).toBe(t.term);
  });

  test('keeps Persian words whole across zero-width non-joiners', () => {
    expect(terms('فراهم‌کردن چارچوب‌های')).toEqual([normalize('فراهمکردن'), normalize('چارچوبهای')]);
  });

  test('splits on punctuation and spaces in every script', () => {
    expect(terms('قطع، العلاقات؛ (2016)')).toEqual(['قطع', 'العلاقات', '2016']);
  });

  test('drops absurdly long terms', () => {
    expect(terms(`a${'x'.repeat(100)} ok`)).toEqual(['ok']);
  });

  test('stop words are recognised after normalisation', () => {
    expect(isStopWord(normalize('The'))).toBe(true);
    expect(isStopWord(normalize('على'))).toBe(true);
    expect(isStopWord(normalize('iran'))).toBe(false);
  });
});
