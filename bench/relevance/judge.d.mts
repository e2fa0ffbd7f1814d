/** Types for judge.mjs (the unit tests import it). */
import type { ArchiveArticle, ArticleMeta } from './archive.mjs';

export interface Need {
  readonly topic?: string;
  readonly person?: string;
  readonly city?: string;
  readonly country?: string;
}
export interface JudgedQuery {
  readonly id: string;
  readonly group: 'en' | 'ar' | 'fa' | 'names' | 'cross';
  readonly text: string;
  readonly langs: readonly ('en' | 'ar' | 'fa')[];
  readonly need: Need;
  readonly why?: string;
}
/** { articleId: grade } with grades 1 or 2 (absent = 0). */
export type Graded = Readonly<Record<string, number>>;
export declare const QUERIES_FILE: URL;
export declare const JUDGMENTS_FILE: URL;
export declare function loadQueries(): JudgedQuery[];
export declare function loadJudgments(): Record<string, Graded>;
export declare function grade(meta: ArticleMeta, need: Need): number;
export declare function judge(archive: readonly ArchiveArticle[], queries: readonly JudgedQuery[]): Record<string, Graded>;
