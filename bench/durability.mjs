#!/usr/bin/env node
/**
 * What `synchronous = FULL` costs against NORMAL (WAL mode), measured in one run, alternating the two
 * settings round by round so both see the same machine load:
 *
 * - import: N generated articles (English, Arabic, Persian; .txt, .md, .html) through core's importPaths,
 *   each file its own transaction, as `quire import FOLDER` does;
 * - highlight: M highlights through core's createAnnotation, each its own small transaction (the case where
 *   a per-commit fsync weighs most).
 *
 *   npm run build:node && node bench/durability.mjs [--articles 150] [--highlights 300] [--rounds 3]
 *
 * Writes bench/results/durability.json. The library lives under the system temp folder: on this machine
 * that is ext4 on the same disk as the home folder, so fsync costs what it costs an analyst's library.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { writeArticle } from '../scripts/crash/inputs.mjs';
import { createRng } from '../scripts/crash/rng.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}

const ARTICLES = option('articles', 150);
const HIGHLIGHTS = option('highlights', 300);
const ROUNDS = option('rounds', 3);
const MODES = ['NORMAL', 'FULL'];

const dist = new URL('../dist/electron/', import.meta.url);
if (!existsSync(new URL('core/import.js', dist))) {
  console.error('bench/durability: build first (npm run build:node).');
  process.exit(1);
}
const { openLibrary } = await import(new URL('core/library.js', dist));
const { importPaths } = await import(new URL('core/import.js', dist));
const { createAnnotation } = await import(new URL('core/annotations.js', dist));

const root = mkdtempSync(join(tmpdir(), 'quire-durability-'));

async function round(mode, index) {
  const rng = createRng(1000 + index);
  const inputs = join(root, `inputs-${mode}-${index}`);
  for (let i = 0; i < ARTICLES; i++) writeArticle(rng, inputs, i);
  const library = openLibrary({ dir: join(root, `library-${mode}-${index}`) });
  try {
    library.db.pragma(`synchronous = ${mode}`);
    const t0 = performance.now();
    const report = await importPaths(library, [inputs]);
    const importMs = performance.now() - t0;
    if (report.imported.length !== ARTICLES) throw new Error(`imported ${report.imported.length} of ${ARTICLES}: ${JSON.stringify(report.failed[0])}`);
    const ids = report.imported.map((a) => a.id);
    const t1 = performance.now();
    for (let i = 0; i < HIGHLIGHTS; i++) {
      createAnnotation(library, { articleId: ids[i % ids.length], target: { start: 0, end: 12 }, note: { text: `note ${i}` } });
    }
    const highlightMs = performance.now() - t1;
    return { mode, round: index, importMs, importPerSecond: ARTICLES / (importMs / 1000), highlightMs, highlightsPerSecond: HIGHLIGHTS / (highlightMs / 1000) };
  } finally {
    library.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const loadBefore = loadavg()[0];
const rounds = [];
try {
  // Warm-up, not counted: the first import loads and compiles the importers (jsdom, pdfjs, mammoth).
  {
    const rng = createRng(1);
    for (let i = 0; i < 10; i++) writeArticle(rng, join(root, 'warm-up'), i);
    const library = openLibrary({ dir: join(root, 'library-warm-up') });
    await importPaths(library, [join(root, 'warm-up')]);
    library.close();
  }
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which setting goes first, so neither always gets the warmer cache.
    for (const mode of r % 2 === 0 ? MODES : [...MODES].reverse()) {
      const result = await round(mode, r);
      rounds.push(result);
      console.error(`${mode.padEnd(6)} round ${r + 1}: import ${result.importPerSecond.toFixed(1)} articles/s, highlights ${result.highlightsPerSecond.toFixed(0)}/s`);
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

const summary = Object.fromEntries(MODES.map((mode) => {
  const mine = rounds.filter((r) => r.mode === mode);
  return [mode, { importPerSecond: median(mine.map((r) => r.importPerSecond)), highlightsPerSecond: median(mine.map((r) => r.highlightsPerSecond)) }];
}));
const result = {
  machine: { cpus: cpus().length, node: process.version, date: new Date().toISOString() },
  loadAverage: { before: loadBefore, after: loadavg()[0] },
  articles: ARTICLES,
  highlights: HIGHLIGHTS,
  rounds,
  median: summary,
  ratioFullToNormal: {
    import: summary.FULL.importPerSecond / summary.NORMAL.importPerSecond,
    highlights: summary.FULL.highlightsPerSecond / summary.NORMAL.highlightsPerSecond,
  },
};
mkdirSync(new URL('results/', import.meta.url), { recursive: true });
writeFileSync(new URL('results/durability.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log(`import: NORMAL ${summary.NORMAL.importPerSecond.toFixed(1)}/s, FULL ${summary.FULL.importPerSecond.toFixed(1)}/s (FULL/NORMAL ${result.ratioFullToNormal.import.toFixed(3)})`);
console.log(`highlights: NORMAL ${summary.NORMAL.highlightsPerSecond.toFixed(0)}/s, FULL ${summary.FULL.highlightsPerSecond.toFixed(0)}/s (FULL/NORMAL ${result.ratioFullToNormal.highlights.toFixed(3)})`);
console.log(`load average ${result.loadAverage.before.toFixed(2)} → ${result.loadAverage.after.toFixed(2)}`);
