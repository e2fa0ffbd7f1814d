/**
 * The relevance benchmark's judged set and metrics (bench/relevance/): the set must be well formed and
 * in step with the archive generator, the archive must have the property the benchmark rests on (bare
 * forms in unrelated stories), and the metrics must match hand-computed values.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateArchive, generatedArticle, type ArchiveArticle } from '../../../bench/relevance/archive.mjs';
import { judge, loadJudgments, loadQueries, type Graded, type JudgedQuery } from '../../../bench/relevance/judge.mjs';
import { mean, ndcgAt, precisionAt, recallAt, reciprocalRank } from '../../../bench/relevance/metrics.mjs';

let archive: ArchiveArticle[];
let queries: JudgedQuery[];
let judgments: Record<string, Graded>;
beforeAll(() => {
  archive = generateArchive();
  queries = loadQueries();
  judgments = loadJudgments();
});

/** Whole-word test that also sees words after Arabic/Persian clitics are absent (a bare form, as typed). */
function hasWord(text: string, word: string): boolean {
  return new RegExp(`(^|[^\\p{L}\\p{M}\\u200c])${word}($|[^\\p{L}\\p{M}\\u200c])`, 'u').test(text);
}

describe('judged set', () => {
  it('has at least 150 queries with unique ids, in every group', () => {
    expect(queries.length).toBeGreaterThanOrEqual(150);
    expect(new Set(queries.map((q) => q.id)).size).toBe(queries.length);
    for (const group of ['en', 'ar', 'fa', 'names', 'cross'] as const) {
      expect(queries.filter((q) => q.group === group).length, group).toBeGreaterThanOrEqual(20);
    }
  });

  it('covers English, Arabic and Persian queries and names in both scripts', () => {
    const arabicScript = /\p{Script=Arabic}/u;
    expect(queries.some((q) => q.group === 'names' && arabicScript.test(q.text))).toBe(true);
    expect(queries.some((q) => q.group === 'names' && !arabicScript.test(q.text))).toBe(true);
    expect(queries.filter((q) => q.group === 'cross').every((q) => q.langs.length === 3)).toBe(true);
    for (const q of queries) {
      expect(q.text.trim(), q.id).not.toBe('');
      expect(Object.keys(q.need).length, q.id).toBeGreaterThan(0);
      for (const lang of q.langs) expect(['en', 'ar', 'fa']).toContain(lang);
    }
  });

  it('judges every query, only with ids of the archive and grades 1 or 2, and each has a relevant story in its languages', () => {
    const byId = new Map(archive.map((a) => [a.id, a]));
    for (const q of queries) {
      const graded = judgments[q.id];
      expect(graded, q.id).toBeDefined();
      for (const [id, g] of Object.entries(graded ?? {})) {
        expect(byId.has(id), `${q.id}: ${id}`).toBe(true);
        expect([1, 2]).toContain(g);
      }
      const inLangs = Object.keys(graded ?? {}).filter((id) => q.langs.includes(byId.get(id)?.lang ?? 'en'));
      expect(inLangs.length, q.id).toBeGreaterThan(0);
    }
    expect(Object.keys(judgments).sort()).toEqual(queries.map((q) => q.id).sort());
  });

  it('is in step with the generator (judgments.json is what judge.mjs derives today)', () => {
    expect(judge(archive, queries)).toEqual(judgments);
  });
});

describe('archive', () => {
  it('is a few thousand articles in three languages plus the fixtures, the same on every run', () => {
    expect(archive.length).toBeGreaterThanOrEqual(2000);
    for (const lang of ['en', 'ar', 'fa'] as const) expect(archive.filter((a) => a.lang === lang).length).toBeGreaterThan(500);
    expect(archive.filter((a) => a.id.startsWith('fx-')).length).toBe(4);
    expect(generatedArticle('fa', 17)).toEqual(archive.find((a) => a.id === 'rel-fa-00017'));
    expect(new Set(archive.map((a) => a.id)).size).toBe(archive.length);
  });

  it('has bare forms in unrelated stories and relevant stories that never use the bare form', () => {
    const cases: [string, string][] = [
      ['en-001', 'embassy'],
      ['en-006', 'sanction'],
      ['ar-001', 'سفارة'],
      ['fa-004', 'تحریم'],
    ];
    for (const [queryId, word] of cases) {
      const graded = judgments[queryId] ?? {};
      const q = queries.find((x) => x.id === queryId);
      const inLang = archive.filter((a) => q?.langs.includes(a.lang));
      const unrelatedWithWord = inLang.filter((a) => !graded[a.id] && hasWord(`${a.title}\n${a.text}`, word));
      const relevantWithout = inLang.filter((a) => graded[a.id] === 2 && !hasWord(`${a.title}\n${a.text}`, word));
      expect(unrelatedWithWord.length, `${word} in unrelated stories`).toBeGreaterThanOrEqual(5);
      expect(relevantWithout.length, `relevant stories without ${word}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('spells one person differently from one English source to another', () => {
    const led = archive.filter((a) => a.lang === 'en' && a.meta.actor === 'araghchi').map((a) => a.text);
    for (const spelling of ['Araghchi', 'Araqchi', 'Arakchi']) expect(led.some((t) => t.includes(spelling)), spelling).toBe(true);
  });
});

describe('metrics', () => {
  // Three relevant stories (a and c fully, b partly); the engine ranks x, a, y, b, z.
  const judged = { a: 2, b: 1, c: 2 };
  const ranked = ['x', 'a', 'y', 'b', 'z'];

  it('recall@k counts relevant ids in the first k over all relevant ids', () => {
    expect(recallAt(ranked, judged, 1)).toBe(0);
    expect(recallAt(ranked, judged, 2)).toBeCloseTo(1 / 3, 10);
    expect(recallAt(ranked, judged, 20)).toBeCloseTo(2 / 3, 10);
    expect(recallAt(ranked, {}, 20)).toBe(0);
  });

  it('reciprocal rank is 1 / the rank of the first relevant id within k, and MRR their mean', () => {
    expect(reciprocalRank(ranked, judged)).toBe(0.5);
    expect(reciprocalRank(['a'], judged)).toBe(1);
    expect(reciprocalRank(['x', 'y'], judged)).toBe(0);
    expect(reciprocalRank(ranked, judged, 1)).toBe(0);
    expect(mean([0.5, 1, 0])).toBeCloseTo(0.5, 10);
    expect(mean([])).toBe(0);
  });

  it('nDCG@k uses graded gains 2^g − 1 and a log2(rank + 1) discount against the ideal order', () => {
    // DCG = 3/log2(3) + 1/log2(5) = 2.32347; ideal (2, 2, 1) = 3 + 3/log2(3) + 1/2 = 5.39279.
    expect(ndcgAt(ranked, judged, 5)).toBeCloseTo(0.430847, 5);
    expect(ndcgAt(['a', 'c', 'b'], judged, 10)).toBeCloseTo(1, 10);
    // Grades matter: the partly relevant story first costs (1 + 3/log2 3) / (3 + 1/log2 3).
    expect(ndcgAt(['b', 'a'], { a: 2, b: 1 }, 10)).toBeCloseTo(0.796708, 5);
    expect(ndcgAt(['x'], {}, 10)).toBe(0);
    // The ideal is cut at k too: ten relevant of twelve, in the first ten, is perfect.
    const twelve = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`r${i}`, 1]));
    expect(ndcgAt(Object.keys(twelve).slice(0, 10), twelve, 10)).toBeCloseTo(1, 10);
  });

  it('P@k divides by k, not by the number of results', () => {
    expect(precisionAt(ranked, judged, 10)).toBeCloseTo(0.2, 10);
    expect(precisionAt(['a'], judged, 10)).toBeCloseTo(0.1, 10);
  });
});
