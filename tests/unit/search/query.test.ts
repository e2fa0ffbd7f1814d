import { describe, expect, test } from 'vitest';
import { dayNumber, isEmptyQuery, parseQuery, type Alternative } from '../../../electron/core/search/query.js';

const words = (alts: readonly Alternative[]): string[] => alts.map((a) => (a.kind === 'term' ? a.term : `"${a.terms.join(' ')}"`));

describe('parseQuery', () => {
  test('free words are AND-ed; the last one is completed as a prefix, all are typo-tolerant', () => {
    const q = parseQuery('Bahrain coordination');
    expect(q.clauses.map((c) => words(c.alternatives))).toEqual([['bahrain'], ['coordination']]);
    const [first, last] = q.clauses.map((c) => c.alternatives[0]);
    expect(first).toMatchObject({ kind: 'term', prefix: false, fuzzy: true });
    expect(last).toMatchObject({ kind: 'term', prefix: true, fuzzy: true });
    expect(q.warnings).toEqual([]);
  });

  test('a trailing space means the last word is finished', () => {
    expect(parseQuery('iran ').clauses[0]?.alternatives[0]).toMatchObject({ prefix: false });
  });

  test('OR joins its neighbours into one clause', () => {
    const q = parseQuery('iran OR tehran talks');
    expect(q.clauses.map((c) => words(c.alternatives))).toEqual([['iran', 'tehran'], ['talks']]);
  });

  test('lower-case "or" is an ordinary (stop) word, not the operator', () => {
    expect(parseQuery('iran or tehran').clauses.map((c) => words(c.alternatives))).toEqual([['iran'], ['tehran']]);
  });

  test('-word excludes, without typo tolerance or completion', () => {
    const q = parseQuery('iran -saudi');
    expect(words(q.excluded)).toEqual(['saudi']);
    expect(q.excluded[0]).toMatchObject({ prefix: false, fuzzy: false });
    expect(q.clauses).toHaveLength(1);
  });

  test('"exact phrase" keeps every word in order, stop words included, and indexes the others', () => {
    const q = parseQuery('"the principles of good neighborliness"');
    const alt = q.clauses[0]?.alternatives[0];
    expect(alt).toMatchObject({
      kind: 'phrase',
      terms: ['the', 'principles', 'of', 'good', 'neighborliness'],
      indexed: ['principles', 'good', 'neighborliness'],
    });
  });

  test('a quoted single word is exact: no completion, no typo tolerance', () => {
    expect(parseQuery('"iran"').clauses[0]?.alternatives[0]).toMatchObject({ kind: 'term', term: 'iran', prefix: false, fuzzy: false });
  });

  test('curly quotes work like straight ones', () => {
    expect(words(parseQuery('“good neighborliness”').clauses[0]?.alternatives ?? [])).toEqual(['"good neighborliness"']);
  });

  test('a hyphenated word is a phrase of its parts', () => {
    expect(parseQuery('non-interference').clauses[0]?.alternatives[0]).toMatchObject({ kind: 'phrase', terms: ['non', 'interference'] });
  });

  test('field:value restricts a word to a field; author: is the byline', () => {
    const q = parseQuery('title:deal source:"policy review" tag:iran label:claim author:desk');
    expect(q.clauses.map((c) => c.alternatives[0]?.field)).toEqual(['title', 'source', 'tag', 'label', 'byline']);
    expect(q.clauses[1]?.alternatives[0]).toMatchObject({ kind: 'phrase', terms: ['policy', 'review'] });
  });

  test('type: and lang: are attributes', () => {
    const q = parseQuery('type:highlight lang:ara lang:FA iran');
    expect(q.types).toEqual(['annotation']);
    expect(q.langs).toEqual(['ar', 'fa']);
    expect(q.clauses).toHaveLength(1);
  });

  test('after: is inclusive, before: exclusive, at day, month or year precision', () => {
    const q = parseQuery('after:2016-01 before:2024');
    expect(q.dates).toEqual({ from: dayNumber('2016-01-01'), to: dayNumber('2024-01-01') });
    expect(isEmptyQuery(q)).toBe(false);
  });

  test('words in the query are normalised like the text', () => {
    expect(words(parseQuery('إيران ٢٠١٦').clauses.map((c) => c.alternatives[0]!))).toEqual(['ايران', '2016']);
  });

  test('unknown field names and times are plain words', () => {
    expect(parseQuery('foo:bar').clauses.map((c) => words(c.alternatives))).toEqual([['"foo bar"']]);
    expect(parseQuery('10:30').clauses.map((c) => words(c.alternatives))).toEqual([['"10 30"']]);
  });
});

describe('parseQuery never throws on malformed input', () => {
  const cases: [string, RegExp | null][] = [
    ['"unbalanced phrase', /not closed/],
    ['-', /lone "-"/],
    ['iran - saudi', /lone "-"/],
    ['OR', /OR/],
    ['iran OR', /OR/],
    ['type:podcast iran', /Unknown type/],
    ['after:yesterday', /not a date/],
    ['after:2024 before:2020 iran', /empty/],
    ['the of and', /common words/],
    ['', null],
    ['   ', null],
    ['""', null],
    ['-""', null],
    ['title:', null],
    [':::', null],
    ['((()))', null],
    ['\u0000\uffff', null],
  ];
  for (const [query, warning] of cases) {
    test(JSON.stringify(query), () => {
      const q = parseQuery(query);
      if (warning) expect(q.warnings.join(' ')).toMatch(warning);
      else expect(q.warnings).toEqual([]);
    });
  }

  test('the unbalanced phrase is still searched', () => {
    expect(parseQuery('"good neighbor').clauses[0]?.alternatives[0]).toMatchObject({ kind: 'phrase', terms: ['good', 'neighbor'] });
  });

  test('a very long query keeps its first clauses', () => {
    const q = parseQuery(Array.from({ length: 40 }, (_, i) => `word${i}`).join(' '));
    expect(q.clauses.length).toBe(24);
    expect(q.warnings.join(' ')).toMatch(/first 24/);
  });

  test('random garbage never throws', () => {
    let seed = 42;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = ['"', '-', ' ', ':', 'a', 'OR', 'title', 'ا', '٢', '“', 'after', 'type', '\u200c', '*', '(', ')'];
    for (let i = 0; i < 500; i++) {
      const q = Array.from({ length: Math.floor(rand() * 12) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      expect(() => parseQuery(q)).not.toThrow();
    }
  });
});

test('too many exclusions are capped with a warning, never a broken mask', () => {
  const q = parseQuery(`iran ${Array.from({ length: 40 }, (_, i) => `-w${i}`).join(' ')}`);
  expect(q.excluded.length).toBe(24);
  expect(q.warnings.join(' ')).toMatch(/exclusions/);
});
