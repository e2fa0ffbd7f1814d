/** The relevance benchmark's readable output: one table per metric, then cross-script precision. */

const GROUP_NAMES = { en: 'English', ar: 'Arabic', fa: 'Persian', names: 'Names (one script)', cross: 'Names across scripts', overall: 'All queries' };
const METRICS = [
  ['recall20', 'recall@20'],
  ['ndcg10', 'nDCG@10'],
  ['mrr', 'MRR'],
  ['p10', 'P@10'],
];
const fmt = (x) => x.toFixed(3);

export function printTables(result, queries, perQuery) {
  const engines = Object.entries(result.engines);
  const groups = [...Object.keys(engines[0][1].groups), 'overall'];
  console.log(
    `\nRelevance: ${result.archive.articles} articles (en ${result.archive.byLanguage.en}, ar ${result.archive.byLanguage.ar}, fa ${result.archive.byLanguage.fa}), ` +
      `${result.queries.total} judged queries; load average ${result.loadAverage.before} → ${result.loadAverage.after}; ${result.seconds} s`,
  );
  for (const [key, name] of METRICS) {
    console.log(`\n${name}\n| group | queries | ${engines.map(([, e]) => e.label).join(' | ')} |`);
    console.log(`| --- | --- | ${engines.map(() => '---').join(' | ')} |`);
    for (const g of groups) {
      const cells = engines.map(([, e]) => (g === 'overall' ? e.overall : e.groups[g])[key]);
      const best = Math.max(...cells);
      const n = g === 'overall' ? result.queries.total : result.queries.byGroup[g];
      console.log(`| ${GROUP_NAMES[g] ?? g} | ${n} | ${cells.map((c) => (c === best && engines.length > 1 ? `**${fmt(c)}**` : fmt(c))).join(' | ')} |`);
    }
  }
  console.log('\nMatches in the other script (raw top 20 of every query): hits, of which relevant');
  for (const [, e] of engines) {
    const c = e.crossScript;
    console.log(`  ${e.label}: ${c.hits} hits in ${c.queriesWithHits} queries, ${c.relevant} relevant${c.precision === null ? '' : ` (precision ${fmt(c.precision)})`}`);
    if (perQuery) for (const x of c.perQuery) console.log(`    ${x.query.padEnd(10)} ${String(x.relevant).padStart(2)}/${String(x.hits).padEnd(2)} ${x.text}`);
  }
  if (!perQuery) return;
  console.log(`\nPer query: recall@20 / nDCG@10 (relevant in judged languages)`);
  queries.forEach((q, i) => {
    const cells = engines.map(([, e]) => `${fmt(e.perQuery[i].recall20)}/${fmt(e.perQuery[i].ndcg10)}`);
    console.log(`${q.id.padEnd(10)} ${String(engines[0][1].perQuery[i].relevant).padStart(4)}  ${cells.join('  ')}  ${q.text}`);
  });
}
