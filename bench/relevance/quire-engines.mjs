/**
 * The Quire engines the relevance benchmark compares: one per analysis the build offers. Today's engine
 * has one analysis (normalisation only); when SearchCore accepts an analysis option, each named here is
 * built and measured side by side from the same library.
 */

/** { name, label, options } for every analysis to measure. */
export function analyses() {
  return [{ name: 'baseline', label: 'baseline', options: undefined }];
}

/** A SearchCore over `db` whose index lives in `dir`, using `analysis`. */
export function open(SearchCore, db, dir, analysis) {
  return analysis.options === undefined ? new SearchCore(db, dir) : new SearchCore(db, dir, analysis.options);
}
