/** Types for metrics.mjs (the unit tests import it). */
type Judged = Readonly<Record<string, number>>;
export declare function recallAt(ranked: readonly string[], judged: Judged, k: number): number;
export declare function precisionAt(ranked: readonly string[], judged: Judged, k: number): number;
export declare function reciprocalRank(ranked: readonly string[], judged: Judged, k?: number): number;
export declare function ndcgAt(ranked: readonly string[], judged: Judged, k: number): number;
export declare function mean(values: readonly number[]): number;
export declare function scoreQuery(ranked: readonly string[], judged: Judged): { recall20: number; mrr: number; ndcg10: number; p10: number };
