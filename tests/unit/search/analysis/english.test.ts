/** English: Porter2 as published (snowballstem.org's English stemmer; cases from its sample vocabulary). */
import { describe, expect, test } from 'vitest';
import { stemEnglish } from '../../../../electron/core/search/analysis/english.js';
import { stem } from '../../../../electron/core/search/analysis/index.js';

describe('Porter2', () => {
  test.each([
    ['consign', 'consign'],
    ['consigned', 'consign'],
    ['consigning', 'consign'],
    ['consignment', 'consign'],
    ['consist', 'consist'],
    ['consisted', 'consist'],
    ['consistency', 'consist'],
    ['knack', 'knack'],
    ['knackeries', 'knackeri'],
    ['generously', 'generous'],
    ['embassies', 'embassi'],
    ['embassy', 'embassi'],
    ['sanctions', 'sanction'],
    ['sanctioned', 'sanction'],
  ])('%s → %s', (word, expected) => {
    expect(stemEnglish(word)).toBe(expected);
  });

  test('short words, digits and mixed tokens are left alone', () => {
    expect(stemEnglish('as')).toBe('as');
    expect(stemEnglish('2016')).toBe('2016');
    expect(stemEnglish('f16s')).toBe('f16s');
  });
});

describe('the language of a word is its script', () => {
  test('Latin → English, Arabic script → Arabic/Persian, anything else unchanged', () => {
    expect(stem('embassies')).toBe('embassi');
    expect(stem('العقوبات')).toBe('عقوب');
    expect(stem('посольства')).toBe('посольства');
  });
});
