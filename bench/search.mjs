/**
 * Search benchmark: Quire's search vs a plain SQLite FTS5 table over the same articles, in one run.
 *
 *   npx tsc -p tsconfig.node.json            # the benchmark runs the compiled core
 *   npm run bench:search                     # 10k and 100k articles
 *   node --expose-gc bench/search.mjs --sizes 10000 [--queries 220] [--keep] [--out bench/results/search.json]
 *
 * For each size: generate the articles (bench/corpus.mjs, deterministic), insert them into a real
 * library (with the change-log triggers), build Quire's index (read from SQLite, index, save) and an
 * FTS5 table, then in fresh processes (bench/search-probe.mjs) measure launch → first answer, index
 * memory, and latency of the same fixed query set (exact, prefix, fuzzy, phrase, filtered; top 20 with
 * snippets). Libraries are generated under $TMPDIR/quire-bench-<size> and reused with --keep.
 * Quire is measured with its default (linguistic) analysis and, unless --no-baseline, with the analysis
 * before stemming ('baseline', its own index) in the same run: the "before" of docs/performance.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { article, rng } from './corpus.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const sizes = option('sizes', '10000,100000').split(',').map(Number);
const queryCount = Number(option('queries', '220'));
const out = option('out', new URL('results/search.json', import.meta.url).pathname);
const keep = args.includes('--keep');
const withBaseline = !args.includes('--no-baseline');
const dist = new URL('../dist/electron/', import.meta.url);
if (!existsSync(new URL('core/search/searcher.js', dist))) {
  console.error('Build first: npx tsc -p tsconfig.node.json');
  process.exit(2);
}

const { openLibrary } = await import(new URL('core/library.js', dist));
const { insertArticle } = await import(new URL('core/db/articles.js', dist));
const { addArticleTags } = await import(new URL('core/db/tags.js', dist));
const { documentFromPlainText } = await import(new URL('common/document.js', dist));
const { createHash } = await import('node:crypto');
const { default: Database } = await import('better-sqlite3');

const log = (...m) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);

function dirSize(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, name) => sum + dirSize(join(path, name)), 0);
}

function probe(...probeArgs) {
  return probeWith('linguistic', ...probeArgs);
}
function probeWith(analysis, ...probeArgs) {
  const child = spawnSync(process.execPath, ['--expose-gc', new URL('search-probe.mjs', import.meta.url).pathname, ...probeArgs], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, QUIRE_BENCH_ANALYSIS: analysis },
  });
  if (child.status !== 0) throw new Error(`probe ${probeArgs[0]} failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

/** Inserts the articles through the library's own functions (triggers fill the change log). */
function generateLibrary(dir, n) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const library = openLibrary({ dir });
  const t0 = performance.now();
  const importedAt = new Date().toISOString();
  const batch = library.db.transaction((from, to) => {
    for (let i = from; i < to; i++) {
      const a = article(i);
      insertArticle(library.db, {
        id: a.id,
        title: a.title,
        byline: a.byline,
        source: a.source,
        url: null,
        publishedAt: a.publishedAt,
        importedAt,
        language: 'en',
        direction: 'ltr',
        bodyJson: JSON.stringify(documentFromPlainText(a.text, 'ltr')),
        text: a.text,
        originalName: null,
        mediaType: null,
        originalSha256: null,
        contentSha256: createHash('sha256').update(a.text).digest('hex'),
      });
      addArticleTags(library.db, a.id, a.tags);
    }
  });
  for (let i = 0; i < n; i += 1000) {
    batch(i, Math.min(n, i + 1000));
    if (i % 10000 === 0) log(`  inserted ${i}/${n}`);
  }
  const insertMs = performance.now() - t0;
  library.close();
  return { insertMs };
}

function buildFts(dir) {
  const file = join(dir, 'fts5.sqlite');
  rmSync(file, { force: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const t0 = performance.now();
  db.exec(`CREATE VIRTUAL TABLE fts USING fts5(title, body, source, tags, published UNINDEXED,
    tokenize = "unicode61 remove_diacritics 2")`);
  db.exec(`ATTACH DATABASE '${join(dir, 'quire.sqlite').replace(/'/g, "''")}' AS lib`);
  db.exec(`INSERT INTO fts (rowid, title, body, source, tags, published)
    SELECT a.rowid, a.title, a.body_text, a.source,
      (SELECT group_concat(t.name, ', ') FROM lib.article_tags x JOIN lib.tags t ON t.id = x.tag_id WHERE x.article_id = a.id),
      a.published_at FROM lib.articles a`);
  db.exec(`INSERT INTO fts (fts) VALUES ('optimize')`);
  const buildMs = performance.now() - t0;
  db.exec('DETACH DATABASE lib');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { buildMs, bytes: dirSize(file) + dirSize(`${file}-wal`) };
}

const STOP = new Set(
  'the of and to a in that is was he for it with as his on be at by i had not are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(
    ' ',
  ),
);

/** A fixed, deterministic query set drawn from the generated articles. */
function makeQueries(n, count) {
  const rand = rng(20240601);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const sample = () => article(Math.floor(rand() * Math.min(n, 5000)));
  const contentWords = (text) =>
    text
      .split(/[^A-Za-z]+/)
      .map((w) => w.toLowerCase())
      .filter((w) => w.length >= 5 && !STOP.has(w));
  const quoteFts = (w) => `"${w.replace(/"/g, '')}"`;
  const queries = [];
  const per = Math.ceil(count / 5);
  for (let i = 0; i < per; i++) {
    const words = contentWords(sample().text);
    const one = pick(words);
    const two = pick(words);
    const q = i % 2 === 0 ? [one] : [one, two];
    // A trailing space: the analyst finished typing (no completion of the last word).
    queries.push({ kind: 'exact', quire: `${q.join(' ')} `, fts: { match: q.map(quoteFts).join(' ') } });
  }
  for (let i = 0; i < per; i++) {
    const words = contentWords(sample().text).filter((w) => w.length >= 6);
    const full = pick(words);
    const partial = pick(words).slice(0, 3 + Math.floor(rand() * 3));
    const quire = i % 2 === 0 ? partial : `${full} ${partial}`;
    const fts = i % 2 === 0 ? `${quoteFts(partial)}*` : `${quoteFts(full)} ${quoteFts(partial)}*`;
    queries.push({ kind: 'prefix', quire, fts: { match: fts } });
  }
  for (let i = 0; i < per; i++) {
    const words = contentWords(sample().text).filter((w) => w.length >= 7);
    const word = pick(words);
    const at = 1 + Math.floor(rand() * (word.length - 2));
    // One edit: a dropped or a wrong letter (what typing produces).
    const typo = i % 2 === 0 ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + (word[at] === 'e' ? 'a' : 'e') + word.slice(at + 1);
    queries.push({ kind: 'fuzzy', quire: `${typo} `, fts: { match: quoteFts(typo) }, intended: word });
  }
  for (let i = 0; i < per; i++) {
    const text = sample().text;
    const tokens = text.split(/\s+/).filter((w) => /^[A-Za-z]+$/.test(w));
    let phrase = [];
    for (let tries = 0; tries < 50 && phrase.length === 0; tries++) {
      const at = Math.floor(rand() * Math.max(1, tokens.length - 3));
      const len = 2 + Math.floor(rand() * 2);
      const cand = tokens.slice(at, at + len).map((w) => w.toLowerCase());
      if (cand.length === len && !STOP.has(cand[0]) && !STOP.has(cand[len - 1]) && cand.some((w) => w.length >= 5)) phrase = cand;
    }
    if (phrase.length === 0) phrase = contentWords(text).slice(0, 2);
    queries.push({ kind: 'phrase', quire: `"${phrase.join(' ')}"`, fts: { match: `"${phrase.join(' ')}"` } });
  }
  for (let i = 0; i < per; i++) {
    const a = sample();
    const word = pick(contentWords(a.text));
    const which = i % 3;
    if (which === 0) {
      const tag = pick(a.tags);
      queries.push({ kind: 'filtered', quire: `${word} tag:"${tag}"`, fts: { match: `${quoteFts(word)} tags:${quoteFts(tag)}` } });
    } else if (which === 1) {
      const year = 2000 + Math.floor(rand() * 20);
      queries.push({
        kind: 'filtered',
        quire: `${word} after:${year}`,
        fts: { match: quoteFts(word), where: 'published >= ?', params: [`${year}-01-01`] },
      });
    } else {
      queries.push({ kind: 'filtered', quire: `${word} source:"${a.source}"`, fts: { match: `${quoteFts(word)} source:${quoteFts(a.source)}` } });
    }
  }
  return queries.slice(0, Math.max(count, 200));
}

const mb = (bytes) => bytes / (1024 * 1024);
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

const results = { machine: { cpus: 2, node: process.version, date: new Date().toISOString() }, sizes: [] };
for (const n of sizes) {
  const dir = join(tmpdir(), `quire-bench-${n}`);
  const marker = join(dir, 'bench-generated.json');
  let insert;
  if (keep && existsSync(marker)) {
    insert = JSON.parse(readFileSync(marker, 'utf8'));
    log(`${n}: reusing the generated library in ${dir}`);
  } else {
    log(`${n}: generating and inserting ${n} articles into ${dir}`);
    insert = generateLibrary(dir, n);
    writeFileSync(marker, JSON.stringify(insert));
  }
  const loadBefore = loadavg()[0];
  log(`${n}: building Quire's index`);
  const qBuild = probe('quire-build', dir);
  const qBytes = dirSize(join(dir, 'search'));
  log(`${n}: building FTS5`);
  const fBuild = buildFts(dir);
  const queries = makeQueries(n, queryCount);
  const queriesFile = join(dir, 'queries.json');
  writeFileSync(queriesFile, JSON.stringify(queries));
  log(`${n}: FTS5 queries in a fresh process`);
  const fRun = probe('fts-query', join(dir, 'fts5.sqlite'), queriesFile);
  log(`${n}: Quire queries in a fresh process`);
  const qRun = probe('quire-query', dir, queriesFile);
  let baseline = null;
  if (withBaseline) {
    log(`${n}: the baseline analysis (before stemming): build and queries`);
    const bBuild = probeWith('baseline', 'quire-build', dir);
    const bBytes = dirSize(join(dir, 'search-baseline'));
    const bRun = probeWith('baseline', 'quire-query', dir, queriesFile);
    baseline = {
      buildMs: bBuild.buildMs,
      indexBytesOnDisk: bBytes,
      firstAnswerMs: bRun.firstAnswerMs,
      indexMemoryBytes: bRun.indexMemory.totalBytes,
      indexHeapBytes: bRun.indexMemory.heapBytes,
      rssBytes: bRun.indexMemory.rss,
      latency: bRun.latency,
      editToSearchableMs: bRun.edit,
      queriesWithoutResults: bRun.totals.filter((x) => x === 0).length,
      totalMatches: bRun.totals.reduce((a, b) => a + b, 0),
    };
  }
  const quire = {
    buildMs: qBuild.buildMs,
    bulkImportAndIndexPerSecond: n / ((insert.insertMs + qBuild.buildMs) / 1000),
    indexOnlyPerSecond: n / (qBuild.buildMs / 1000),
    insertOnlyPerSecond: n / (insert.insertMs / 1000),
    indexBytesOnDisk: qBytes,
    firstAnswerMs: qRun.firstAnswerMs,
    indexMemoryBytes: qRun.indexMemory.totalBytes,
    indexHeapBytes: qRun.indexMemory.heapBytes,
    rssBytes: qRun.indexMemory.rss,
    latency: qRun.latency,
    editToSearchableMs: qRun.edit,
  };
  const fts = {
    buildMs: fBuild.buildMs,
    indexBytesOnDisk: fBuild.bytes,
    firstAnswerMs: fRun.firstAnswerMs,
    indexMemoryBytes: fRun.indexMemory.totalBytes,
    rssBytes: fRun.indexMemory.rss,
    latency: fRun.latency,
  };
  const zeroQuire = qRun.totals.filter((x) => x === 0).length;
  const zeroFts = fRun.totals.filter((x) => x === 0).length;
  const entry = {
    articles: n,
    /** 1-minute load average before and after this size's measurements (2 cores: above 2 means queueing). */
    loadAverage: { before: round(loadBefore, 2), after: round(loadavg()[0], 2) },
    insertMs: insert.insertMs,
    queries: queries.length,
    queriesWithoutResults: { quire: zeroQuire, fts5: zeroFts },
    quire: { ...quire, totalMatches: qRun.totals.reduce((a, b) => a + b, 0) },
    ...(baseline ? { quireBaseline: baseline } : {}),
    fts5: fts,
    ratio: {
      buildMs: quire.buildMs / fts.buildMs,
      indexBytesOnDisk: quire.indexBytesOnDisk / fts.indexBytesOnDisk,
      firstAnswerMs: quire.firstAnswerMs / fts.firstAnswerMs,
      rssBytes: quire.rssBytes / fts.rssBytes,
      p50: quire.latency.all.p50 / fts.latency.all.p50,
      p95: quire.latency.all.p95 / fts.latency.all.p95,
      p99: quire.latency.all.p99 / fts.latency.all.p99,
    },
  };
  results.sizes.push(entry);

  const rows = [
    ['build (read + index + save)', `${round(quire.buildMs / 1000, 2)} s`, `${round(fts.buildMs / 1000, 2)} s`, entry.ratio.buildMs],
    ['index size on disk', `${round(mb(quire.indexBytesOnDisk))} MB`, `${round(mb(fts.indexBytesOnDisk))} MB`, entry.ratio.indexBytesOnDisk],
    ['launch → first answer', `${round(quire.firstAnswerMs)} ms`, `${round(fts.firstAnswerMs)} ms`, entry.ratio.firstAnswerMs],
    ['index memory (heap + buffers)', `${round(mb(quire.indexMemoryBytes))} MB`, `${round(mb(fts.indexMemoryBytes))} MB`, null],
    ['process RSS after load', `${round(mb(quire.rssBytes))} MB`, `${round(mb(fts.rssBytes))} MB`, entry.ratio.rssBytes],
    ['p50 (all queries)', `${round(quire.latency.all.p50, 2)} ms`, `${round(fts.latency.all.p50, 2)} ms`, entry.ratio.p50],
    ['p95 (all queries)', `${round(quire.latency.all.p95, 2)} ms`, `${round(fts.latency.all.p95, 2)} ms`, entry.ratio.p95],
    ['p99 (all queries)', `${round(quire.latency.all.p99, 2)} ms`, `${round(fts.latency.all.p99, 2)} ms`, entry.ratio.p99],
    ...Object.keys(quire.latency.kinds).map((k) => [
      `  p95 ${k}`,
      `${round(quire.latency.kinds[k].p95, 2)} ms`,
      `${round(fts.latency.kinds[k]?.p95 ?? 0, 2)} ms`,
      quire.latency.kinds[k].p95 / (fts.latency.kinds[k]?.p95 || 1),
    ]),
    ['edit → searchable (p50 / max)', `${round(quire.editToSearchableMs.p50, 2)} / ${round(quire.editToSearchableMs.max, 2)} ms`, '', null],
    ['bulk insert + index', `${Math.round(quire.bulkImportAndIndexPerSecond)} articles/s`, '', null],
    ['  insert only (library functions)', `${Math.round(quire.insertOnlyPerSecond)} articles/s`, '', null],
    ['  index only (read + index + save)', `${Math.round(quire.indexOnlyPerSecond)} articles/s`, '', null],
    ['queries with no result', String(zeroQuire), String(zeroFts), null],
  ];
  console.log(
    `\n${n.toLocaleString('en')} articles, ${queries.length} queries (top 20 with snippets); load average ${entry.loadAverage.before} → ${entry.loadAverage.after} on 2 cores`,
  );
  console.log(`| figure | Quire | FTS5 | Quire/FTS5 |\n| --- | --- | --- | --- |`);
  for (const [name, a, b, r] of rows) console.log(`| ${name} | ${a} | ${b} | ${r === null ? '' : `${round(r, 2)}×`} |`);
  if (baseline) {
    const bRows = [
      ['build (read + index + save)', `${round(baseline.buildMs / 1000, 2)} s`, `${round(quire.buildMs / 1000, 2)} s`],
      ['index size on disk', `${round(mb(baseline.indexBytesOnDisk))} MB`, `${round(mb(quire.indexBytesOnDisk))} MB`],
      ['launch → first answer', `${round(baseline.firstAnswerMs)} ms`, `${round(quire.firstAnswerMs)} ms`],
      ['index memory (heap + buffers)', `${round(mb(baseline.indexMemoryBytes))} MB`, `${round(mb(quire.indexMemoryBytes))} MB`],
      ['p50 / p95 / p99 (all queries)', ...[baseline, quire].map((x) => `${round(x.latency.all.p50, 2)} / ${round(x.latency.all.p95, 2)} / ${round(x.latency.all.p99, 2)} ms`)],
      ...Object.keys(quire.latency.kinds).map((k) => [`  p95 ${k}`, `${round(baseline.latency.kinds[k]?.p95 ?? 0, 2)} ms`, `${round(quire.latency.kinds[k].p95, 2)} ms`]),
      ['edit → searchable (p50 / max)', ...[baseline, quire].map((x) => `${round(x.editToSearchableMs.p50, 2)} / ${round(x.editToSearchableMs.max, 2)} ms`)],
      ['matches over all queries / queries with none', `${baseline.totalMatches} / ${baseline.queriesWithoutResults}`, `${entry.quire.totalMatches} / ${zeroQuire}`],
    ];
    console.log(`\nQuire before (baseline analysis) and after (linguistic), same run`);
    console.log(`| figure | baseline | linguistic |\n| --- | --- | --- |`);
    for (const [name, a, b] of bRows) console.log(`| ${name} | ${a} | ${b} |`);
  }
  if (!keep) rmSync(dir, { recursive: true, force: true });
}

mkdirSync(new URL('results/', import.meta.url), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${out}`);
