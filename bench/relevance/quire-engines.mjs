/**
 * The Quire engines the relevance benchmark compares: one per analysis the build offers
 * (`new SearchCore(db, dir, { analysis })`, electron/core/search/analysis/): 'baseline' is the analysis
 * before stemming and name variants (normalisation only), 'linguistic' the default since, and
 * 'linguistic' with `crossScriptNames` (Latin ↔ Arabic-script names). A build from before an option
 * existed is measured without it.
 */
import { existsSync } from 'node:fs';

/** { name, label, options } for every analysis to measure, given the build's dist/electron/ URL. */
export function analyses(dist) {
  if (!existsSync(new URL('core/search/analysis/index.js', dist))) return [{ name: 'baseline', label: 'baseline', options: undefined }];
  const out = [
    { name: 'baseline', label: 'baseline', options: { analysis: 'baseline' } },
    { name: 'linguistic', label: 'linguistic', options: { analysis: 'linguistic' } },
  ];
  // The stretch: a name's spellings in the other script by consonant skeleton, off by default until its
  // precision is known (this benchmark measures it).
  if (existsSync(new URL('core/search/analysis/skeleton.js', dist))) {
    out.push({ name: 'linguistic-cross', label: 'linguistic + cross-script', options: { analysis: 'linguistic', crossScriptNames: true } });
  }
  return out;
}

/** A SearchCore over `db` whose index lives in `dir`, using `analysis`. */
export function open(SearchCore, db, dir, analysis) {
  return analysis.options === undefined ? new SearchCore(db, dir) : new SearchCore(db, dir, analysis.options);
}
