/**
 * One measurement in a fresh process (spawned by bench/search.mjs), printing JSON on stdout:
 *
 *   node --expose-gc bench/search-probe.mjs quire-build LIB_DIR
 *   node --expose-gc bench/search-probe.mjs quire-query LIB_DIR QUERIES.json
 *   node --expose-gc bench/search-probe.mjs fts-query FTS_FILE QUERIES.json
 *
 * QUIRE_BENCH_ANALYSIS=baseline measures the analysis before stemming (its own index, in LIB_DIR/search-baseline),
 * so one run reports before and after.
 *
 * "launch → first answer" is performance.now() when the first query returns: milliseconds since this
 * process started, so it includes Node's start, loading the modules, opening the library and the index.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [mode, target, queriesFile] = process.argv.slice(2);
const dist = new URL('../dist/electron/core/', import.meta.url);
const gc = globalThis.gc ?? (() => {});
/**
 * Each query runs PASSES times (the whole set in order, again and again) and counts with its median:
 * on a machine shared with other jobs, one descheduling should not decide a percentile.
 */
const PASSES = Number(process.env.QUIRE_BENCH_PASSES ?? 3);
const ANALYSIS = process.env.QUIRE_BENCH_ANALYSIS ?? 'linguistic';
/** The index folder and SearchCore options for the analysis measured. */
function searchSetup(library) {
  if (ANALYSIS === 'linguistic') return { dir: library.searchDir, options: {} };
  const dir = join(library.dir, `search-${ANALYSIS}`);
  mkdirSync(dir, { recursive: true });
  return { dir, options: { analysis: ANALYSIS } };
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

function memory() {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers, rss: m.rss };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function summarise(samples) {
  const all = samples.map((s) => s.ms).sort((a, b) => a - b);
  const byKind = {};
  for (const s of samples) (byKind[s.kind] ??= []).push(s.ms);
  const stats = (list) => {
    const sorted = [...list].sort((a, b) => a - b);
    return {
      n: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? 0,
    };
  };
  return { all: stats(all), kinds: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, stats(v)])) };
}

async function quireBuild(dir) {
  const { openLibrary } = await import(new URL('library.js', dist));
  const { SearchCore } = await import(new URL('search/searcher.js', dist));
  const { clearIndex } = await import(new URL('search/store.js', dist));
  const library = openLibrary({ dir });
  const setup = searchSetup(library);
  clearIndex(setup.dir);
  const core = new SearchCore(library.db, setup.dir, setup.options);
  const t0 = performance.now();
  core.startRebuild('benchmark');
  while (core.step(1000)) {
    // index everything
  }
  const buildMs = performance.now() - t0;
  const status = core.status();
  const mem = memory();
  library.close();
  return { buildMs, indexed: status.indexed, memoryAfterBuild: mem };
}

async function quireQuery(dir, queries) {
  const { openLibrary } = await import(new URL('library.js', dist));
  const { SearchCore } = await import(new URL('search/searcher.js', dist));
  const base = memory();
  const library = openLibrary({ dir });
  const setup = searchSetup(library);
  const core = new SearchCore(library.db, setup.dir, setup.options);
  core.open();
  while (core.loading) core.step(1000);
  if (core.status().rebuilding) throw new Error('the saved index did not load');
  const first = core.search({ query: queries[0].quire, limit: 20 });
  const firstAnswerMs = performance.now();
  const loaded = memory();
  // A short warm-up (JIT), then every query once, timed.
  for (const q of queries.slice(0, 20)) core.search({ query: q.quire, limit: 20 });
  const samples = [];
  const totals = [];
  const times = queries.map(() => []);
  for (let pass = 0; pass < PASSES; pass++) {
    queries.forEach((q, i) => {
      const t0 = performance.now();
      const r = core.search({ query: q.quire, limit: 20 });
      times[i].push(performance.now() - t0);
      if (pass === 0) totals.push(r.total);
    });
  }
  queries.forEach((q, i) => samples.push({ kind: q.kind, ms: median(times[i]) }));
  // Edit → searchable: change an article, catch up from the change log, find it. (The worker reopens
  // the tail shard in the background right after loading: do the same here before timing edits.)
  core.prepare();
  const ids = library.db.prepare(`SELECT id FROM articles ORDER BY rowid LIMIT 20`).all().map((r) => r.id);
  const edits = [];
  ids.forEach((id, k) => {
    const marker = `zqedit${process.pid}x${k}`;
    library.db.prepare(`UPDATE articles SET body_text = body_text || ' ' || ? WHERE id = ?`).run(marker, id);
    const t0 = performance.now();
    core.catchUp();
    const r = core.search({ query: `${marker} `, limit: 20 });
    const ms = performance.now() - t0;
    if (r.results[0]?.id !== id) throw new Error(`edit ${k} not found`);
    edits.push(ms);
  });
  edits.sort((a, b) => a - b);
  const after = memory();
  library.close();
  return {
    firstAnswerMs,
    firstTotal: first.total,
    indexMemory: {
      heapBytes: loaded.heapUsed - base.heapUsed,
      externalBytes: loaded.external - base.external,
      totalBytes: loaded.heapUsed + loaded.external - base.heapUsed - base.external,
      rss: loaded.rss,
      rssAfterQueries: after.rss,
    },
    latency: summarise(samples),
    totals,
    edit: { p50: percentile(edits, 50), max: edits[edits.length - 1] ?? 0 },
  };
}

async function ftsQuery(file, queries) {
  const { default: Database } = await import('better-sqlite3');
  const base = memory();
  const db = new Database(file, { readonly: true });
  const statements = new Map();
  const run = (q) => {
    const where = q.fts.where ? ` AND ${q.fts.where}` : '';
    const sql = `SELECT rowid, title, snippet(fts, 1, '«', '»', '…', 24) AS snippet FROM fts
      WHERE fts MATCH ?${where} ORDER BY bm25(fts, 3.0, 1.0, 1.5, 2.0) LIMIT 20`;
    let st = statements.get(sql);
    if (!st) {
      st = db.prepare(sql);
      statements.set(sql, st);
    }
    return st.all(q.fts.match, ...(q.fts.params ?? []));
  };
  const first = run(queries[0]);
  const firstAnswerMs = performance.now();
  const loaded = memory();
  for (const q of queries.slice(0, 20)) run(q);
  const samples = [];
  const totals = [];
  const times = queries.map(() => []);
  for (let pass = 0; pass < PASSES; pass++) {
    queries.forEach((q, i) => {
      const t0 = performance.now();
      const rows = run(q);
      times[i].push(performance.now() - t0);
      if (pass === 0) totals.push(rows.length);
    });
  }
  queries.forEach((q, i) => samples.push({ kind: q.kind, ms: median(times[i]) }));
  db.close();
  return {
    firstAnswerMs,
    firstTotal: first.length,
    indexMemory: {
      heapBytes: loaded.heapUsed - base.heapUsed,
      externalBytes: loaded.external - base.external,
      totalBytes: loaded.heapUsed + loaded.external - base.heapUsed - base.external,
      rss: loaded.rss,
    },
    latency: summarise(samples),
    totals,
  };
}

let result;
if (mode === 'quire-build') result = await quireBuild(target);
else if (mode === 'quire-query') result = await quireQuery(target, JSON.parse(readFileSync(queriesFile, 'utf8')));
else if (mode === 'fts-query') result = await ftsQuery(target, JSON.parse(readFileSync(queriesFile, 'utf8')));
else throw new Error(`unknown mode ${mode}`);
process.stdout.write(JSON.stringify(result));
