import { describe, expect, it } from 'vitest';
import { formatTimeline, trimAround, trimSentence } from '../../../electron/cli/timeline-format.js';
import type { TimelineEvent } from '../../../electron/core/timeline/query.js';

function event(fields: Partial<TimelineEvent> & Pick<TimelineEvent, 'date' | 'precision' | 'sentence'>): TimelineEvent {
  return {
    id: 'dm_1',
    kind: 'mention',
    articleId: 'art_1',
    articleTitle: 'A title',
    source: 'Example Wire',
    publishedAt: null,
    language: 'en',
    direction: 'ltr',
    startDay: '2016-01-01',
    endDay: '2016-01-31',
    start: 0,
    end: 4,
    text: 'x',
    sentenceStart: 0,
    title: null,
    annotationId: null,
    label: null,
    flags: [],
    ...fields,
  };
}

describe('quire timeline output', () => {
  it('groups by year, puts year-precision events under the year and the rest under their month', () => {
    const lines = formatTimeline([
      event({ date: '2016', precision: 'year', sentence: 'Relations were frozen in 2016.', source: null, articleTitle: 'Undated piece' }),
      event({ date: '2016-01', precision: 'month', sentence: 'Ties were cut in January 2016.' }),
      event({ date: '2016-01-03', precision: 'day', sentence: 'On 3 January 2016 Bahrain cut ties.', kind: 'highlight', id: 'evt_1', flags: ['future', 'relative'] }),
      event({ date: '2023-03', precision: 'month', sentence: 'The deal came in March 2023.' }),
    ]);
    expect(lines).toEqual([
      '2016',
      '  2016 · Relations were frozen in 2016. · Undated piece',
      '  January',
      '    January 2016 · Ties were cut in January 2016. · Example Wire',
      '    3 January 2016 · On 3 January 2016 Bahrain cut ties. · Example Wire  [highlight evt_1, future]',
      '',
      '2023',
      '  March',
      '    March 2023 · The deal came in March 2023. · Example Wire',
    ]);
  });

  it('trims a long sentence at a word, keeping the date visible', () => {
    const long = `${'Officials said that '.repeat(10)}the embassy closed in January 2016 after the attack.`;
    const at = long.indexOf('January 2016');
    const trimmed = trimAround(long, at, at + 12, 80);
    expect(trimmed.startsWith('…')).toBe(true);
    expect(trimmed).toContain('January 2016');
    expect(trimmed.length).toBeLessThanOrEqual(80);
    expect(trimSentence('Short enough.')).toBe('Short enough.');
    expect(trimSentence('word '.repeat(40), 30)).toBe('word word word word word word…');
  });
});
