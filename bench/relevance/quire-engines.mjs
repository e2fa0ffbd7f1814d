/**
 * The Quire engines the relevance benchmark compares: one per analysis the build offers
 * (`new SearchCore(db, dir, { analysis })`, electron/core/search/analysis/): 'baseline' is the analysis
 * before stemming and name variants (normalisation only), 'linguistic' the default since. A build from
 * before the option existed has the baseline only, and is measured as such.
 */
import { existsSync } from 'node:fs';

/** { name, label, options } for every analysis to measure, given the build's dist/electron/ URL. */
export function analyses(dist) {
  if (!existsSync(new URL('core/search/analysis/index.js', dist))) return [{ name: 'baseline', label: 'baseline', options: undefined }];
  return [
    { name: 'baseline', label: 'baseline', options: { analysis: 'baseline' } },
    { name: 'linguistic', label: 'linguistic', options: { analysis: 'linguistic' } },
  ];
}

/** A SearchCore over `db` whose index lives in `dir`, using `analysis`. */
export function open(SearchCore, db, dir, analysis) {
  return analysis.options === undefined ? new SearchCore(db, dir) : new SearchCore(db, dir, analysis.options);
}
