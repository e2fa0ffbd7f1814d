/**
 * Precision of matches across scripts: a Latin-script query answered with Arabic-script articles, or
 * the other way (Araghchi ↔ عراقجي ↔ عراقچی). Counted in each engine's raw top 20 (before results in
 * unjudged languages are left out), over every query; a hit is relevant when the query's judgments
 * (which cover every language) grade it above 0.
 */

const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
export const scriptOfText = (text) => (ARABIC_SCRIPT.test(text) ? 'arabic' : 'latin');
export const scriptOfLang = (lang) => (lang === 'ar' || lang === 'fa' ? 'arabic' : 'latin');

/** rows[i] is the engine's answer to queries[i] ({ raw: ids }); langOf maps article id → language. */
export function crossScriptHits(queries, rows, langOf, judgments) {
  let hits = 0;
  let relevant = 0;
  let queriesWithHits = 0;
  const perQuery = [];
  queries.forEach((q, i) => {
    const script = scriptOfText(q.text);
    const other = rows[i].raw.filter((id) => scriptOfLang(langOf.get(id)) !== script);
    if (other.length === 0) return;
    queriesWithHits++;
    hits += other.length;
    const good = other.filter((id) => (judgments[q.id][id] ?? 0) > 0).length;
    relevant += good;
    perQuery.push({ query: q.id, text: q.text, hits: other.length, relevant: good });
  });
  return { queriesWithHits, hits, relevant, precision: hits === 0 ? null : Math.round((relevant / hits) * 1000) / 1000, perQuery };
}
