/** The palette's pure pieces: filters written as query syntax, and match ranges made safe to mark. */
import { describe, expect, it } from 'vitest';
import { normaliseMatches, termMatches } from '../../../renderer/app/search/matches.js';
import { composeQuery, quoteValue } from '../../../renderer/app/search/query.js';

describe('composeQuery', () => {
  it('appends each filter as field:value after the typed words', () => {
    expect(composeQuery('  Tehran talks ', { lang: 'en', after: '2024-01-01' })).toBe('Tehran talks lang:en after:2024-01-01');
  });
  it('quotes values with spaces and drops quotes inside them', () => {
    expect(composeQuery('', { source: 'Example "Policy" Review', label: 'Key quote' })).toBe('source:"Example Policy Review" label:"Key quote"');
    expect(quoteValue('Reuters')).toBe('Reuters');
  });
  it('is just the words without filters, and empty when there is nothing', () => {
    expect(composeQuery('oil', {})).toBe('oil');
    expect(composeQuery('   ', {})).toBe('');
  });
});

describe('match ranges', () => {
  it('are clamped to the text, sorted and merged when they overlap or touch', () => {
    expect(normaliseMatches('abcdefghij', [{ start: 6, end: 20 }, { start: -3, end: 2 }, { start: 1, end: 4 }, { start: 4, end: 5 }, { start: 8, end: 8 }])).toEqual([
      { start: 0, end: 5 },
      { start: 6, end: 10 },
    ]);
  });
  it('find the typed words in a title, ignoring case, field filters and exclusions', () => {
    const title = 'Bahrain to keep coordinating with Iran';
    const found = termMatches(title, 'iran -oil source:Wire "keep"').sort((a, b) => a.start - b.start);
    expect(found.map((m) => title.slice(m.start, m.end))).toEqual(['keep', 'Iran']);
  });

  it('drop the = of =word (that spelling only)', () => {
    const title = 'Embassy staff leave Khartoum';
    expect(termMatches(title, '=embassy').map((m) => title.slice(m.start, m.end))).toEqual(['Embassy']);
  });
});
