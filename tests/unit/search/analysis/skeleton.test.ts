/** The cross-script consonant skeleton: one key for a name in Latin, Arabic and Persian spelling. */
import { describe, expect, test } from 'vitest';
import { arabicSkeleton, latinSkeleton, skeletonKey } from '../../../../electron/core/search/analysis/skeleton.js';
import { normalize } from '../../../../electron/core/search/normalize.js';

const key = (word: string): string | null => skeletonKey(normalize(word));

describe('one skeleton across scripts', () => {
  test.each([
    ['Araghchi', 'عراقجي', 'عراقچی'],
    ['Araqchi', 'عراقجي', 'عراقچی'],
    ['Mohammed', 'محمد', 'محمد'],
    ['Zarif', 'ظريف', 'ظریف'],
    ['Rouhani', 'روحاني', 'روحانی'],
    ['Nasrallah', 'نصرالله', 'نصرالله'],
    ['Hossein', 'حسين', 'حسین'],
    ['Salman', 'سلمان', 'سلمان'],
    ['Sudani', 'السوداني', 'سودانی'],
  ])('%s ~ %s ~ %s', (latin, arabic, persian) => {
    const k = key(latin);
    expect(k).not.toBeNull();
    expect(key(arabic)).toBe(k);
    expect(key(persian)).toBe(k);
  });

  test('different names differ', () => {
    expect(key('Araghchi')).not.toBe(key('Larijani'));
    expect(key('Rouhani')).not.toBe(key('Raisi'));
  });

  test('fewer than three consonants: no key (too many words share it)', () => {
    expect(latinSkeleton('ali')).toBeNull();
    expect(arabicSkeleton(normalize('علي'))).toBeNull();
    expect(key('2016')).toBeNull();
  });
});
