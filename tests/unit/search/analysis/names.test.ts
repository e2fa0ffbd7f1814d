/** Name keys: the spellings an analyst meets for one person meet under one key; ordinary words do not collide. */
import { describe, expect, test } from 'vitest';
import { arabicNameKey, latinNameKey, nameKey } from '../../../../electron/core/search/analysis/names.js';
import { normalize } from '../../../../electron/core/search/normalize.js';

const key = (word: string): string | null => nameKey(normalize(word));

describe('Latin transliterations', () => {
  test.each([
    ['Araghchi', 'Araqchi'],
    ['Araghchi', 'Aragchi'],
    ['Mohammed', 'Muhammad'],
    ['Mohamed', 'Muhammad'],
    ['Mohammad', 'Muhammed'],
    ['Khamenei', 'Kamenei'],
    ['Youssef', 'Yusuf'],
    ['Hossein', 'Husayn'],
    ['Ahmed', 'Ahmad'],
    ['Abdel', 'Abdul'],
    ['Ramadhan', 'Ramadan'],
    ['Ramazan', 'Ramadan'],
    ['Abbas', 'Abas'],
    ['Qassem', 'Ghassem'],
    ['Nasrallah', 'Nasralah'],
    ['Soleimani', 'Suleimani'],
    ['Sheeraz', 'Shiraz'],
    ['Zarif', 'Zareef'],
    ['Sudani', 'Soudani'],
  ])('%s ~ %s', (a, b) => {
    expect(key(a)).not.toBeNull();
    expect(key(a)).toBe(key(b));
  });

  test('different names stay apart', () => {
    expect(key('Hassan')).not.toBe(key('Hussein'));
    expect(key('Rouhani')).not.toBe(key('Raisi'));
    expect(key('Salman')).not.toBe(key('Sultan'));
  });

  test('vowels a/e/i stay apart (ball/bell, send/sand); words under four letters get no generic key', () => {
    expect(latinNameKey('ball')).not.toBe(latinNameKey('bell'));
    expect(latinNameKey('send')).not.toBe(latinNameKey('sand'));
    expect(latinNameKey('bin')).toBeNull();
    // …except the given names of the table.
    expect(latinNameKey('ali')).toBe(latinNameKey('aly'));
  });

  test('digits get none', () => {
    expect(latinNameKey('2016x')).toBeNull();
  });
});

describe('Arabic-script letter variants', () => {
  test.each([
    ['عراقچی', 'عراقجي'],
    ['گلپایگانی', 'كلبايكاني'],
    ['پزشکیان', 'بزشكيان'],
    ['ژنرال', 'زنرال'],
  ])('%s (Persian) ~ %s (Arabic)', (fa, ar) => {
    expect(key(fa)).toBe(key(ar));
  });

  test('two-letter words get none', () => {
    expect(arabicNameKey(normalize('چه'))).toBeNull();
  });

  test('other scripts get none', () => {
    expect(nameKey('москва')).toBeNull();
  });
});
