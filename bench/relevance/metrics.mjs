/**
 * Ranking metrics over one query's ranked ids and its graded judgments ({ id: grade }, absent = 0).
 * A result counts as relevant when its grade is at least 1.
 *
 *   recall@k   relevant ids in the first k / all relevant ids (0 when nothing is relevant)
 *   MRR        1 / rank of the first relevant id within the first `k` (0 if none); averaged over queries
 *   nDCG@k     DCG of the first k over the DCG of the ideal ordering of all judged grades, with gain
 *              2^grade − 1 and discount log2(rank + 1) (Järvelin & Kekäläinen; Burges et al.)
 *   P@k        relevant ids in the first k / k
 */

const gradeOf = (judged, id) => judged[id] ?? 0;

export function recallAt(ranked, judged, k) {
  const relevant = Object.values(judged).filter((g) => g > 0).length;
  if (relevant === 0) return 0;
  return ranked.slice(0, k).filter((id) => gradeOf(judged, id) > 0).length / relevant;
}

export function precisionAt(ranked, judged, k) {
  return ranked.slice(0, k).filter((id) => gradeOf(judged, id) > 0).length / k;
}

export function reciprocalRank(ranked, judged, k = ranked.length) {
  const i = ranked.slice(0, k).findIndex((id) => gradeOf(judged, id) > 0);
  return i < 0 ? 0 : 1 / (i + 1);
}

function dcg(grades) {
  return grades.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

export function ndcgAt(ranked, judged, k) {
  const ideal = dcg(
    Object.values(judged)
      .filter((g) => g > 0)
      .sort((a, b) => b - a)
      .slice(0, k),
  );
  if (ideal === 0) return 0;
  return dcg(ranked.slice(0, k).map((id) => gradeOf(judged, id))) / ideal;
}

export function mean(values) {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** The four figures for one query. */
export function scoreQuery(ranked, judged) {
  return {
    recall20: recallAt(ranked, judged, 20),
    mrr: reciprocalRank(ranked, judged, 20),
    ndcg10: ndcgAt(ranked, judged, 10),
    p10: precisionAt(ranked, judged, 10),
  };
}
