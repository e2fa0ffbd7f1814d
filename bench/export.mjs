#!/usr/bin/env node
/**
 * Export benchmark: a generated dossier of 50 articles (~660 words each, from the Brown corpus) and
 * 500 labelled highlights (a third with notes), plus an analyst note citing some of them, exported to
 * PDF through headless Chromium, two passes (page numbers) included.
 *
 * Measures wall time and peak memory: the RSS of this Node process plus every Chromium process it
 * started (sampled every 100 ms from /proc; PSS too, which does not count shared pages twice).
 * Targets on the reference machine (2 cores): ≤ 10 s and ≤ 1 GB.
 *
 *   npm run build:node && npm run bench:export
 *   node bench/export.mjs --articles 150 --highlights 1500   # a ~300-page dossier
 *
 * Writes bench/results/export.json (export-N.json for other sizes); `--keep-pdf FILE` keeps the PDF.
 */
import { execFileSync } from 'node:child_process';
import { setInterval, clearInterval } from 'node:timers';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { article, rng } from './corpus.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const ARTICLES = Number(option('articles', '50'));
const HIGHLIGHTS = Number(option('highlights', String(ARTICLES * 10)));
const PAPER = option('paper', 'a4');
const TARGET_SECONDS = 10;
const TARGET_BYTES = 1024 ** 3;

const dist = new URL('../dist/electron/', import.meta.url);
if (!existsSync(new URL('core/export/index.js', dist))) {
  console.error('bench/export: build first (npm run build:node).');
  process.exit(1);
}
const { openLibrary } = await import(new URL('core/library.js', dist));
const { registerLabelSeeding, listLabels } = await import(new URL('core/labels.js', dist));
const { insertArticle } = await import(new URL('core/db/articles.js', dist));
const { documentFromPlainText, documentPlainText } = await import(new URL('common/document.js', dist));
const { contentHash } = await import(new URL('core/content-hash.js', dist));
const { createDossier, addItems } = await import(new URL('core/dossiers/dossiers.js', dist));
const { createNote } = await import(new URL('core/notes.js', dist));
const { exportDossier } = await import(new URL('core/export/index.js', dist));

// ---- Memory sampling: this process and all its descendants (Chromium's browser, GPU, renderers) ----

function children() {
  const byParent = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!byParent.has(ppid)) byParent.set(ppid, []);
      byParent.get(ppid).push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  const out = [];
  const walk = (pid) => {
    for (const child of byParent.get(pid) ?? []) {
      out.push(child);
      walk(child);
    }
  };
  walk(process.pid);
  return out;
}

function memoryOf(pid) {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0) * 1024;
    return { rss: kb('Rss'), pss: kb('Pss') };
  } catch {
    return { rss: 0, pss: 0 };
  }
}

/** CPU ticks per process (cumulative counters, so the last value seen is the total). */
const cpuTicks = new Map();
function cpuOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return null;
  }
}

const peak = { rss: 0, pss: 0, nodeRss: 0, chromiumRss: 0, processes: 0 };
/** CPU this process spent sampling: subtracted from the export's own CPU time. */
let samplingCpu = 0;
function sample() {
  const before = process.cpuUsage();
  measure();
  const used = process.cpuUsage(before);
  samplingCpu += (used.user + used.system) / 1e6;
}
function measure() {
  const self = memoryOf(process.pid);
  let rss = self.rss;
  let pss = self.pss;
  let chromiumRss = 0;
  const kids = children();
  for (const pid of kids) {
    const ticks = cpuOf(pid);
    if (ticks !== null) cpuTicks.set(pid, Math.max(cpuTicks.get(pid) ?? 0, ticks));
    const m = memoryOf(pid);
    rss += m.rss;
    pss += m.pss;
    chromiumRss += m.rss;
  }
  peak.rss = Math.max(peak.rss, rss);
  peak.pss = Math.max(peak.pss, pss);
  peak.nodeRss = Math.max(peak.nodeRss, self.rss);
  peak.chromiumRss = Math.max(peak.chromiumRss, chromiumRss);
  peak.processes = Math.max(peak.processes, kids.length + 1);
}

// ---- The library ----

const dir = mkdtempSync(join(tmpdir(), 'quire-bench-export-'));
registerLabelSeeding();
const library = openLibrary({ dir: join(dir, 'lib') });
const labels = listLabels(library);
const rand = rng(20261127);
const articleIds = [];
const highlightIds = [];
const perArticle = Math.floor(HIGHLIGHTS / ARTICLES);
const extra = HIGHLIGHTS - perArticle * ARTICLES;
const insertHighlight = library.db.prepare(
  `INSERT INTO annotations (id, article_id, label_id, note_json, note_text, quote, prefix, suffix, start, end, status, created_at, updated_at)
   VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?)`,
);
const setupStart = performance.now();
library.db.transaction(() => {
  for (let i = 0; i < ARTICLES; i++) {
    const a = article(i);
    const doc = documentFromPlainText(a.text, 'ltr');
    const text = documentPlainText(doc);
    const id = `art_bench_${i}`;
    insertArticle(library.db, {
      id,
      title: a.title,
      byline: a.byline,
      source: a.source,
      url: `https://news.example.com/${i}/${a.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      publishedAt: a.publishedAt,
      importedAt: '2026-11-27T12:00:00.000Z',
      language: 'en',
      direction: 'ltr',
      bodyJson: JSON.stringify(doc),
      text,
      originalName: `article-${i}.txt`,
      mediaType: 'text/plain',
      originalSha256: contentHash(a.title, text),
      contentSha256: contentHash(a.title, text),
    });
    articleIds.push(id);
    // Highlights spread through the text at word boundaries, 40–220 characters long; some overlap.
    const count = perArticle + (i < extra ? 1 : 0);
    for (let h = 0; h < count; h++) {
      let start = Math.floor(((h + rand() * 0.9) / count) * (text.length - 250));
      while (start > 0 && text[start - 1] !== ' ') start--;
      let end = Math.min(text.length, start + 40 + Math.floor(rand() * 180));
      while (end < text.length && text[end] !== ' ' && text[end] !== '\n') end++;
      const quote = text.slice(start, end);
      const label = labels[Math.floor(rand() * labels.length)];
      const note = rand() < 0.33 ? `Analyst note ${i}.${h}: check this against the other sources.` : '';
      const hid = `ann_bench_${i}_${h}`;
      insertHighlight.run(hid, id, label.id, note, quote, text.slice(Math.max(0, start - 32), start), text.slice(end, end + 32), start, end, '2026-11-27T12:00:00.000Z', '2026-11-27T12:00:00.000Z');
      highlightIds.push(hid);
    }
  }
})();
const note = createNote(library.db, {
  title: 'Assessment across the sources',
  markdown: 'The sources agree on the main points and differ on dates.\n\n- First point.\n- Second point.',
  cite: highlightIds.slice(0, 8),
});
const dossier = createDossier(library.db, {
  title: `Benchmark dossier: ${ARTICLES} sources, ${HIGHLIGHTS} highlights`,
  subtitle: 'Generated from the Brown corpus',
  author: 'bench/export.mjs',
  marking: 'UNCLASSIFIED // BENCHMARK',
  summaryText: 'A generated dossier used to measure export time and memory.',
});
for (let i = 0; i < ARTICLES; i += 10) {
  addItems(library.db, dossier.id, { heading: `Sources ${i + 1}–${Math.min(ARTICLES, i + 10)}`, ids: articleIds.slice(i, i + 10) });
}
addItems(library.db, dossier.id, { heading: 'Analysis', ids: [note.id, ...highlightIds.slice(0, 5)] });
const setupSeconds = (performance.now() - setupStart) / 1000;

// ---- The export ----

const resultsDir = new URL('results/', import.meta.url);
mkdirSync(resultsDir, { recursive: true });
// The PDF goes to a temporary folder (it is megabytes): --keep-pdf FILE keeps it for a look.
const pdfPath = option('keep-pdf', join(dir, 'export.pdf'));
sample();
const timer = setInterval(sample, 100);
const load = (await import('node:os')).loadavg()[0];
const nodeCpu = process.cpuUsage();
const start = performance.now();
await exportDossier(library, dossier.id, { format: 'pdf', paper: PAPER, out: pdfPath });
const seconds = (performance.now() - start) / 1000;
const nodeCpuSeconds = (() => {
  const used = process.cpuUsage(nodeCpu);
  return (used.user + used.system) / 1e6 - samplingCpu;
})();
clearInterval(timer);
sample();
const ticksPerSecond = 100;
const chromiumCpuSeconds = [...cpuTicks.values()].reduce((a, b) => a + b, 0) / ticksPerSecond;
library.close();

let pages = null;
try {
  pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1]);
} catch {
  // pdfinfo (poppler-utils) is optional here
}

const mb = (bytes) => Math.round(bytes / 1024 / 1024);
const result = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
  articles: ARTICLES,
  highlights: HIGHLIGHTS,
  paper: PAPER,
  pages,
  pdfBytes: statSync(pdfPath).size,
  setupSeconds: Number(setupSeconds.toFixed(2)),
  exportSeconds: Number(seconds.toFixed(2)),
  /** CPU time (user + system): what the export costs whatever else the machine is doing. */
  cpuSeconds: { node: Number(nodeCpuSeconds.toFixed(2)), chromium: Number(chromiumCpuSeconds.toFixed(2)) },
  /** 1-minute load average when the export started: wall time means little on a busy machine. */
  loadAverage: Number(load.toFixed(2)),
  peakRssMB: mb(peak.rss),
  peakPssMB: mb(peak.pss),
  peakNodeRssMB: mb(peak.nodeRss),
  peakChromiumRssMB: mb(peak.chromiumRss),
  processes: peak.processes,
  targets: { seconds: TARGET_SECONDS, memoryMB: mb(TARGET_BYTES) },
  pass: seconds <= TARGET_SECONDS && peak.rss <= TARGET_BYTES,
};
rmSync(dir, { recursive: true, force: true });
writeFileSync(new URL(ARTICLES === 50 && HIGHLIGHTS === 500 ? 'export.json' : `export-${ARTICLES}.json`, resultsDir), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `export: ${ARTICLES} articles, ${HIGHLIGHTS} highlights → ${pages ?? '?'} pages, ${mb(result.pdfBytes)} MB PDF\n` +
    `  time ${result.exportSeconds} s (target ≤ ${TARGET_SECONDS} s); CPU node ${result.cpuSeconds.node} s + Chromium ${result.cpuSeconds.chromium} s; load average ${result.loadAverage} on ${result.machine.cpus} cores\n` +
    `  peak memory ${result.peakRssMB} MB RSS / ${result.peakPssMB} MB PSS (node ${result.peakNodeRssMB} MB + Chromium ${result.peakChromiumRssMB} MB, ${result.processes} processes; target ≤ 1024 MB)\n` +
    `  ${result.pass ? 'PASS' : 'FAIL'}`,
);
if (!result.pass) process.exitCode = 1;
