#!/usr/bin/env node
/**
 * `npm run test:crash [-- --runs N --seed S --jobs N --ops a,b --json]`
 *
 * Kills the real `quire` CLI (bin/quire.js over the built dist/) with SIGKILL at random moments during
 * imports, highlights, edits, notes, dossiers, reindex and backup, and checks after each kill that the
 * library is healthy and holds every acknowledged write. Exit 0 when every run passed, 1 otherwise.
 * See docs/reliability.md.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runHarness } from './harness.mjs';
import { randomSeed } from './rng.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const USAGE = `usage: node scripts/crash/run.mjs [options]
  --runs N          runs (default 1000)
  --seed S          seed for the schedule (default: random, printed)
  --jobs N          libraries worked on in parallel (default 1)
  --fresh-every N   start a new library after this many runs (default 100)
  --calibrate N     unkilled runs per operation to measure its duration (default 3)
  --ops a,b         only these operations
  --quire FILE      the CLI entry to run (default bin/quire.js)
  --keep            keep the temporary libraries
  --progress-file F write the summary so far to F every 50 runs (a long run that is stopped still has figures)
  --json            print the summary as JSON on stdout`;

function parseArgs(argv) {
  const options = { quireGiven: false, runs: 1000, seed: randomSeed(), jobs: 1, freshEvery: 100, calibrate: 3, quire: join(repo, 'bin', 'quire.js'), keep: false, json: false, only: null, progressFile: null };
  const integer = (name, value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} needs a whole number, not ${JSON.stringify(value)}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    switch (arg) {
      case '--runs': options.runs = integer(arg, value()); break;
      case '--seed': options.seed = integer(arg, value()); break;
      case '--jobs': options.jobs = Math.max(1, integer(arg, value())); break;
      case '--fresh-every': options.freshEvery = Math.max(1, integer(arg, value())); break;
      case '--calibrate': options.calibrate = Math.max(1, integer(arg, value())); break;
      case '--ops': options.only = value().split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--quire': options.quire = resolve(value()); options.quireGiven = true; break;
      case '--keep': options.keep = true; break;
      case '--progress-file': options.progressFile = resolve(value()); break;
      case '--json': options.json = true; break;
      case '--help': case '-h': console.log(USAGE); process.exit(0); break;
      default: throw new Error(`unknown option ${arg}\n${USAGE}`);
    }
  }
  return options;
}

/**
 * Runs a copy of the built CLI (bin/, dist/electron/, package.json; node_modules linked), so a rebuild of
 * the working tree during a long run cannot swap files under a command and fail it for the wrong reason.
 */
function snapshotCli() {
  const dir = mkdtempSync(join(tmpdir(), 'quire-crash-cli-'));
  cpSync(join(repo, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(repo, 'dist', 'electron'), join(dir, 'dist', 'electron'), { recursive: true });
  cpSync(join(repo, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { quire: join(dir, 'bin', 'quire.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function printSummary(s) {
  const out = [];
  out.push(`crash runs: ${s.runs}, seed ${s.seed}, ${s.jobs} job(s), ${s.durationSeconds} s, load average ${s.loadAverage.start.join(' ')} → ${s.loadAverage.end.join(' ')}`);
  out.push(`checked after each run: ${s.checkedWith.join(', ')}${s.hasBackup ? '' : ' (quire backup not in this build: not exercised)'}`);
  out.push('');
  out.push(`${'operation'.padEnd(16)}${'runs'.padStart(6)}${'killed'.padStart(8)}${'after ack'.padStart(11)}${'finished'.padStart(10)}${'typical ms'.padStart(12)}`);
  for (const [name, o] of Object.entries(s.operations).sort()) {
    out.push(`${name.padEnd(16)}${String(o.runs).padStart(6)}${String(o.killed).padStart(8)}${String(o.killedAfterAck).padStart(11)}${String(o.finished).padStart(10)}${String(s.calibrationMs[name] ?? '').padStart(12)}`);
  }
  out.push('');
  if (s.hasBackup) out.push(`runs started without a backup (the command's close makes the first automatic one): ${s.autoBackupRuns.runs}, ${s.autoBackupRuns.killed} killed`);
  out.push(`kill moment (share of the operation's typical duration): ${Object.entries(s.phases).map(([p, n]) => `${p} ${n}`).join(', ')}`);
  out.push('');
  if (s.failures.length === 0) out.push('failures: 0');
  else {
    out.push(`failures: ${s.failures.length} (libraries kept under ${s.root})`);
    for (const f of s.failures) {
      out.push(`  run ${f.run} (seed ${s.seed}) ${f.operation}${f.killed ? ` killed at ${f.killAtMs} ms` : ' not killed'}: quire ${f.args.join(' ')}`);
      for (const p of f.problems) out.push(`    - ${p}`);
      out.push(`    library: ${f.library}`);
    }
  }
  return out.join('\n');
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`test:crash: ${error.message}`);
    return 2;
  }
  if (!existsSync(options.quire) || !existsSync(join(repo, 'dist', 'electron', 'cli.js'))) {
    console.error('test:crash: the CLI is not built; run `npm run build:node` first.');
    return 2;
  }
  console.error(`test:crash: ${options.runs} runs, seed ${options.seed} (repeat with --seed ${options.seed})`);
  let lastPrinted = 0;
  let failuresPrinted = 0;
  const snapshot = options.quireGiven ? null : snapshotCli();
  if (snapshot) options.quire = snapshot.quire;
  let summary;
  try {
    summary = await runHarness(options, (s) => {
      // Failures as they happen: a long run's first failure should not wait for its end.
      for (const f of s.failures.slice(failuresPrinted)) console.error(`test:crash: FAILED run ${f.run} ${f.operation}: ${f.problems.join('; ')}`);
      failuresPrinted = s.failures.length;
      if (s.runs - lastPrinted >= 50 || s.runs === options.runs) {
        lastPrinted = s.runs;
        console.error(`test:crash: ${s.runs}/${options.runs} runs, ${s.failures.length} failure(s)`);
        if (options.progressFile) writeFileSync(options.progressFile, `${JSON.stringify({ ...s, loadAverageNow: loadavg() }, null, 2)}\n`);
      }
    });
  } finally {
    snapshot?.remove();
  }
  if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else console.log(printSummary(summary));
  return summary.failures.length === 0 ? 0 : 1;
}

process.exitCode = await main();
