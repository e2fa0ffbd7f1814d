import { describe, expect, it } from 'vitest';
import {
  anchorFromRange,
  CONTEXT_LENGTH,
  exactOccurrences,
  findQuote,
  positionSelector,
  quoteSelector,
  rangeProblem,
} from '../../../electron/core/anchoring/selectors.js';
import { changeMap, reanchor, reanchorAll } from '../../../electron/core/anchoring/reanchor.js';
import { levenshtein, similarity } from '../../../electron/core/anchoring/distance.js';

const TEXT =
  'The kingdom adheres to the principles of good neighborliness and non-interference in the internal affairs of other countries.\n\n' +
  'The ministry also stressed the need to adhere to the basic principles of international relations and good neighborliness.';

describe('selectors', () => {
  it('builds W3C quote and position selectors with 32-character context', () => {
    const start = TEXT.indexOf('good neighborliness');
    const anchor = anchorFromRange(TEXT, start, start + 'good neighborliness'.length);
    expect(anchor.quote).toBe('good neighborliness');
    expect(anchor.prefix).toHaveLength(CONTEXT_LENGTH);
    expect(anchor.prefix).toBe(TEXT.slice(start - 32, start));
    expect(anchor.suffix).toBe(TEXT.slice(anchor.end, anchor.end + 32));
    expect(quoteSelector(anchor)).toEqual({ type: 'TextQuoteSelector', exact: 'good neighborliness', prefix: anchor.prefix, suffix: anchor.suffix });
    expect(positionSelector(anchor)).toEqual({ type: 'TextPositionSelector', start, end: anchor.end });
  });

  it('shortens context at the edges of the text and never splits a surrogate pair', () => {
    const text = 'A😀bc quote here';
    const anchor = anchorFromRange(text, 0, 1);
    expect(anchor.prefix).toBe('');
    const emoji = `x😀${'y'.repeat(31)}Q`;
    const q = emoji.indexOf('Q');
    // 32 code units back from Q is the second half of the emoji: the context starts after the emoji.
    expect(anchorFromRange(emoji, q, q + 1).prefix).toBe('y'.repeat(31));
    expect(rangeProblem(emoji, 2, 5)).toMatch(/half/);
  });

  it('explains bad ranges', () => {
    expect(rangeProblem(TEXT, 5, 5)).toMatch(/at least one character/);
    expect(rangeProblem(TEXT, -1, 5)).toMatch(/outside/);
    expect(rangeProblem(TEXT, 0, TEXT.length + 1)).toMatch(/outside/);
    expect(rangeProblem('a   b', 1, 4)).toMatch(/blank/);
    expect(rangeProblem(TEXT, 0, 3)).toBeNull();
  });

  it('finds every occurrence, and quotes typed with straight quotes, other dashes or spacing', () => {
    expect(exactOccurrences(TEXT, 'good neighborliness')).toHaveLength(2);
    const text = 'the Persian Gulf kingdom’s national interests — and  more';
    const [hit] = findQuote(text, "Gulf Kingdom's national interests - and more");
    expect(hit).toBeDefined();
    expect(text.slice(hit?.start, hit?.end)).toBe('Gulf kingdom’s national interests — and  more');
    expect(findQuote(text, 'not here')).toEqual([]);
  });

  it('measures edit distance', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(similarity('abc', 'abc')).toBe(1);
    expect(similarity('abcd', 'wxyz')).toBe(0);
  });
});

describe('the re-anchoring cascade', () => {
  const place = (text: string, quote: string, occurrence = 0) => {
    const start = exactOccurrences(text, quote)[occurrence] as number;
    return anchorFromRange(text, start, start + quote.length);
  };

  it('keeps an untouched range (step 1) and shifts it past an edit before it', () => {
    const stored = place(TEXT, 'basic principles');
    const edited = `Preface.\n\n${TEXT}`;
    const result = reanchor(edited, stored, { change: changeMap(TEXT, edited) });
    expect(result).toMatchObject({ status: 'anchored', method: 'unchanged' });
    if (result.status === 'anchored') expect(result.anchor.start).toBe(stored.start + 10);
  });

  it('picks the right one of several identical quotes by context and nearness (step 2)', () => {
    const second = place(TEXT, 'good neighborliness', 1);
    // Paragraphs swapped: the text is "changed" everywhere, the quote is still unique by its context.
    const paras = TEXT.split('\n\n');
    const swapped = `${paras[1]}\n\n${paras[0]}`;
    const result = reanchor(swapped, second, { change: changeMap(TEXT, swapped) });
    expect(result.status).toBe('anchored');
    if (result.status === 'anchored') {
      expect(result.method).toBe('quote');
      expect(result.anchor.suffix.startsWith('.')).toBe(true);
      expect(result.anchor.start).toBe(swapped.indexOf('good neighborliness'));
    }
  });

  it('follows a typo fixed inside the quote (step 3, fuzzy)', () => {
    const withTypo = TEXT.replace('international relations', 'internatonal relations');
    const stored = place(withTypo, 'basic principles of internatonal relations');
    const result = reanchor(TEXT, stored, { change: changeMap(withTypo, TEXT) });
    expect(result).toMatchObject({ status: 'anchored', method: 'fuzzy' });
    if (result.status === 'anchored') expect(result.anchor.quote).toBe('basic principles of international relations');
  });

  it('orphans a quote whose passage was deleted even when similar words remain (step 4)', () => {
    const stored = place(TEXT, 'principles of good neighborliness');
    const edited = TEXT.split('\n\n')[1] as string;
    const result = reanchor(edited, stored, { change: changeMap(TEXT, edited) });
    expect(result.status).toBe('orphaned');
  });

  it('re-anchors highlights in Arabic text after a correction', () => {
    const arabic = 'أكّدت وزارة الخارجيّة البحرينيّة في بيانٍ أنّ المملكة تنتهج سياسةً خارجيّةً متوازنة.\n\nوكانت البحرين قد قطعت علاقاتها مع ايران في كانون الثاني/يناير ٢٠١٦.';
    const stored = place(arabic, 'قطعت علاقاتها مع ايران');
    const corrected = arabic.replace('مع ايران', 'مع إيران').replace('أكّدت', 'أكدت');
    const result = reanchor(corrected, stored, { change: changeMap(arabic, corrected) });
    expect(result.status).toBe('anchored');
    if (result.status === 'anchored') expect(result.anchor.quote).toBe('قطعت علاقاتها مع إيران');
  });

  it('re-anchors many annotations at once, orphans keep no offsets', () => {
    const a = place(TEXT, 'non-interference');
    const b = place(TEXT, 'basic principles');
    const edited = TEXT.replace('non-interference in the internal affairs of other countries', 'respect');
    const [ra, rb] = reanchorAll(TEXT, edited, [a, b]);
    expect(ra?.status).toBe('orphaned');
    expect(rb?.status).toBe('anchored');
  });
});
