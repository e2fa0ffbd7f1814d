/** The shape of a `quire check` report (the API's library.check returns the same). */
export type CheckProblemKind =
  | 'integrity'
  | 'foreign_key'
  | 'database_unreadable'
  | 'original_tampered'
  | 'original_missing'
  | 'original_unreferenced'
  | 'temp_file'
  | 'index_missing'
  | 'index_stale'
  | 'index_damaged';

export interface CheckProblem {
  readonly kind: CheckProblemKind;
  readonly message: string;
  readonly articleId: string | null;
  /** Relative to the library folder. */
  readonly file: string | null;
  readonly repairable: boolean;
}

export interface CheckReport {
  readonly healthy: boolean;
  readonly problems: CheckProblem[];
  readonly repaired: string[];
  readonly checked: { readonly articles: number; readonly originals: number; readonly indexedArticles: number };
}

export function problem(
  kind: CheckProblemKind,
  message: string,
  extra: { articleId?: string | null; file?: string | null; repairable?: boolean } = {},
): CheckProblem {
  return { kind, message, articleId: extra.articleId ?? null, file: extra.file ?? null, repairable: extra.repairable ?? false };
}
