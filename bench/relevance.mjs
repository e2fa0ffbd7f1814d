/**
 * Relevance benchmark: how well Quire's search finds what an analyst means, against a judged set.
 *
 *   npm run build                  # the benchmark runs the compiled core (dist/)
 *   npm run bench:relevance        # table on stdout, bench/results/relevance.json
 *   node bench/relevance.mjs --json            # the JSON on stdout instead of the table
 *   node bench/relevance.mjs --queries         # also a line per query (what each engine got)
 *   node bench/relevance.mjs --keep            # keep the generated library ($TMPDIR/quire-relevance)
 *
 * The archive (bench/relevance/archive.mjs: the fixtures plus ~2,600 generated English, Arabic and
 * Persian stories) is inserted into a real library through the library's own functions. Each engine
 * answers every query of bench/relevance/queries.json (top 100); results in languages a query is not
 * judged for are left out (a condensed list), then recall@20, MRR, nDCG@10 and P@10 are computed
 * against bench/relevance/judgments.json (bench/relevance/metrics.mjs) and averaged per group.
 *
 * Engines: Quire with each analysis its build offers (the real SearchCore, built from the library the
 * same way the app builds it), and a plain SQLite FTS5 table over the same rows with
 * tokenize='porter unicode61 remove_diacritics 2', every query word required (AND, as Quire's default),
 * ranked by bm25 with the title weighted as Quire weights it (3).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateArchive } from './relevance/archive.mjs';
import { loadJudgments, loadQueries } from './relevance/judge.mjs';
import { mean, scoreQuery } from './relevance/metrics.mjs';
import * as quireEngines from './relevance/quire-engines.mjs';
import { crossScriptHits } from './relevance/scripts.mjs';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const perQuery = args.includes('--queries');
const keep = args.includes('--keep');
const out = new URL('results/relevance.json', import.meta.url);
const dist = new URL('../dist/electron/', import.meta.url);
if (!existsSync(new URL('core/search/searcher.js', dist))) {
  console.error('Build first: npm run build (or npx tsc -p tsconfig.node.json)');
  process.exit(2);
}
const log = (...m) => console.error(`[relevance ${new Date().toISOString().slice(11, 19)}]`, ...m);

const { openLibrary } = await import(new URL('core/library.js', dist));
const { insertArticle } = await import(new URL('core/db/articles.js', dist));
const { addArticleTags } = await import(new URL('core/db/tags.js', dist));
const { documentFromPlainText } = await import(new URL('common/document.js', dist));
const { SearchCore } = await import(new URL('core/search/searcher.js', dist));
const { createHash } = await import('node:crypto');
const { default: Database } = await import('better-sqlite3');

const DEPTH = 100;
const t0 = performance.now();
const archive = generateArchive();
const langOf = new Map(archive.map((a) => [a.id, a.lang]));
const queries = loadQueries();
const judgments = loadJudgments();

// A fresh folder per run (two runs at once must not share a library); --keep uses a fixed one to look into.
const dir = keep ? join(tmpdir(), 'quire-relevance') : mkdtempSync(join(tmpdir(), 'quire-relevance-'));
if (keep) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}
log(`inserting ${archive.length} articles into ${dir}`);
const library = openLibrary({ dir });
const importedAt = new Date().toISOString();
library.db.transaction(() => {
  for (const a of archive) {
    const direction = a.lang === 'en' ? 'ltr' : 'rtl';
    insertArticle(library.db, {
      id: a.id,
      title: a.title,
      byline: null,
      source: a.source,
      url: null,
      publishedAt: a.publishedAt,
      importedAt,
      language: a.lang,
      direction,
      bodyJson: JSON.stringify(documentFromPlainText(a.text, direction)),
      text: a.text,
      originalName: null,
      mediaType: null,
      originalSha256: null,
      contentSha256: createHash('sha256').update(`${a.title}\n${a.text}`).digest('hex'),
    });
    addArticleTags(library.db, a.id, a.tags);
  }
})();

/** Each engine: a name and a function from query text to ranked article ids. */
const engines = [];
for (const analysis of quireEngines.analyses(dist)) {
  log(`building Quire's index (${analysis.label})`);
  const core = quireEngines.open(SearchCore, library.db, join(dir, `search-${analysis.name}`), analysis);
  core.startRebuild('relevance benchmark');
  core.finish();
  engines.push({
    name: `quire-${analysis.name}`,
    label: `Quire ${analysis.label}`,
    // A trailing space: the analyst finished typing (no completion of the last word), as bench/search.mjs.
    search: (text) => core.search({ query: `${text} `, type: 'article', limit: DEPTH }).results.map((r) => r.articleId ?? r.id),
  });
}

log('building the FTS5 table');
const fts = new Database(join(dir, 'fts5.sqlite'));
fts.exec(`CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2')`);
const insertFts = fts.prepare('INSERT INTO fts (id, title, body) VALUES (?, ?, ?)');
fts.transaction(() => {
  for (const a of archive) insertFts.run(a.id, a.title, a.text);
})();
const ftsQuery = fts.prepare(`SELECT id FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 0, 3.0, 1.0) LIMIT ${DEPTH}`);
/** Every word required: each whitespace-separated word quoted (FTS5 reads "al-Sudani" as the phrase al sudani). */
const ftsMatch = (text) =>
  text
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `"${w.replace(/"/g, '""')}"`)
    .join(' ');
engines.push({
  name: 'fts5-porter',
  label: 'FTS5 porter',
  search: (text) => ftsQuery.all(ftsMatch(text)).map((r) => r.id),
});

const GROUPS = ['en', 'ar', 'fa', 'names', 'cross'];
const loadBefore = loadavg()[0];
const perEngine = {};
for (const engine of engines) {
  const tq = performance.now();
  const rows = queries.map((q) => {
    const raw = engine.search(q.text);
    const judged = Object.fromEntries(Object.entries(judgments[q.id]).filter(([id]) => q.langs.includes(langOf.get(id))));
    const ranked = raw.filter((id) => q.langs.includes(langOf.get(id)));
    return { id: q.id, group: q.group, ...scoreQuery(ranked, judged), relevant: Object.keys(judged).length, top: ranked.slice(0, 10), raw: raw.slice(0, 20) };
  });
  const summarise = (list) => ({
    queries: list.length,
    recall20: mean(list.map((r) => r.recall20)),
    mrr: mean(list.map((r) => r.mrr)),
    ndcg10: mean(list.map((r) => r.ndcg10)),
    p10: mean(list.map((r) => r.p10)),
  });
  perEngine[engine.name] = {
    label: engine.label,
    ms: performance.now() - tq,
    overall: summarise(rows),
    groups: Object.fromEntries(GROUPS.map((g) => [g, summarise(rows.filter((r) => r.group === g))])),
    crossScript: crossScriptHits(queries, rows, langOf, judgments),
    rows,
  };
}
library.close();
fts.close();
if (!keep) rmSync(dir, { recursive: true, force: true });

const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const result = {
  date: new Date().toISOString(),
  node: process.version,
  loadAverage: { before: round(loadBefore, 2), after: round(loadavg()[0], 2) },
  archive: { articles: archive.length, byLanguage: Object.fromEntries(['en', 'ar', 'fa'].map((l) => [l, archive.filter((a) => a.lang === l).length])) },
  queries: { total: queries.length, byGroup: Object.fromEntries(GROUPS.map((g) => [g, queries.filter((q) => q.group === g).length])) },
  seconds: round((performance.now() - t0) / 1000, 1),
  engines: Object.fromEntries(
    Object.entries(perEngine).map(([name, e]) => [
      name,
      {
        label: e.label,
        overall: roundAll(e.overall),
        groups: Object.fromEntries(Object.entries(e.groups).map(([g, s]) => [g, roundAll(s)])),
        crossScript: e.crossScript,
        perQuery: e.rows.map((r) => ({ id: r.id, recall20: round(r.recall20), mrr: round(r.mrr), ndcg10: round(r.ndcg10), p10: round(r.p10), relevant: r.relevant, top: r.top })),
      },
    ]),
  ),
};
function roundAll(s) {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, k === 'queries' ? v : round(v)]));
}
mkdirSync(new URL('results/', import.meta.url), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 1)}\n`);

if (asJson) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const { printTables } = await import('./relevance/report.mjs');
  printTables(result, queries, perQuery);
}
log(`wrote ${out.pathname} (${result.seconds} s)`);
