/**
 * The crash harness: for each run, pick an operation the library is ready for, start the real `quire`
 * command, SIGKILL it at a random moment (uniform over 0..1.2× the operation's measured duration, with one
 * kill in ten in the first 5 ms), then verify the library (verify.mjs). Each worker keeps one growing
 * library, as an analyst's library grows, and starts a fresh one every `freshEvery` runs or after a failure
 * (whose library is kept for inspection).
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runQuire } from './child.mjs';
import { createLedger } from './ledger.mjs';
import { BACKUP_OPERATION, OPERATIONS } from './ops.mjs';
import { createRng, runRng } from './rng.mjs';
import { verifyLibrary } from './verify.mjs';

const EARLY_KILL_MS = 5;
const AUTO_BACKUP_SHARE = 0.1;

/** The line of a failed command's stderr that says what went wrong (an uncaught error's message, or quire's own). */
export function errorLine(stderr) {
  return (/^(?:\w*Error\b.*|quire: .*)$/m.exec(stderr)?.[0] ?? stderr.trim()).slice(0, 300);
}
const PHASES = ['<5ms', '0-20%', '20-40%', '40-60%', '60-80%', '80-100%', '100-120%'];

function phaseOf(killAtMs, durationMs, early) {
  if (early) return '<5ms';
  const fraction = killAtMs / durationMs;
  return PHASES[1 + Math.min(5, Math.floor(fraction / 0.2))];
}

/** The commands this build of the CLI has, from `quire --help` (backup and check arrive with issue 9). */
async function commandsOf(quire, library) {
  const result = await runQuire({ quire, library, args: ['--help'] });
  const section = result.stdout.split(/^Commands:$/m)[1] ?? '';
  return new Set([...section.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]));
}

/** Runs one operation to completion (calibration and seeding), checking that it succeeds. */
async function runUnkilled(op, context, rng, failures, label) {
  const prepared = prepare(op, context, rng);
  const result = await runQuire({ quire: context.quire, library: context.library.dir, args: prepared.args });
  prepared.after(result);
  rmSync(context.library.scratch, { recursive: true, force: true });
  if (result.code !== 0) failures.push({ run: label, operation: op.name, args: prepared.args, killed: false, problems: [`exit ${result.code} without a kill: ${errorLine(result.stderr)}`], library: context.library.dir });
  return result.elapsedMs;
}

function withDb(library, fn) {
  const db = new Database(join(library.dir, 'quire.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function prepare(op, context, rng) {
  return withDb(context.library, (db) => op.prepare({ rng, db, scratch: context.library.scratch, ledger: context.library.ledger }));
}

function newLibrary(root, counter) {
  const dir = join(root, `library-${counter}`);
  mkdirSync(dir, { recursive: true });
  return { dir, scratch: join(root, `inputs-${counter}`), ledger: createLedger(), hashCache: new Map(), runs: 0, keep: false };
}

/** Creates the library's database (`quire info` opens it, which applies the migrations). */
async function createLibrary(context, failures) {
  const result = await runQuire({ quire: context.quire, library: context.library.dir, args: ['info'] });
  if (result.code !== 0) failures.push({ run: 'create', operation: 'info', args: ['info'], killed: false, problems: [`quire info failed: ${result.stderr.trim().slice(0, 300)}`], library: context.library.dir });
}

/** A fresh library gets one of each operation (unkilled) so every operation is ready from its first run. */
async function seedLibrary(context, operations, rng, failures, rounds, durations) {
  for (let round = 0; round < rounds; round++) {
    for (const op of operations) {
      const ready = withDb(context.library, (db) => op.ready({ db })) ;
      if (!ready) continue;
      const ms = await runUnkilled(op, context, rng, failures, `seed/${op.name}`);
      if (durations) (durations[op.name] ??= []).push(ms);
    }
  }
}

async function worker(index, runIds, shared, first = null) {
  const { options, operations, durations, summary } = shared;
  const root = join(shared.root, `worker-${index}`);
  let libraries = 0;
  // Worker 0 goes on with the calibration library: it is already seeded.
  let library = first;
  const context = { quire: options.quire, hasCheck: shared.hasCheck, hasBackups: shared.hasBackups, library: first };
  for (const run of runIds) {
    if (library === null || library.runs >= options.freshEvery || library.keep) {
      if (library && !library.keep && !options.keep) rmSync(library.dir, { recursive: true, force: true });
      library = newLibrary(root, ++libraries);
      context.library = library;
      await createLibrary(context, summary.failures);
      await seedLibrary(context, operations, createRng(options.seed ^ (run + 7)), summary.failures, 1, null);
    }
    library.runs++;
    // One-shot checks belong to the run that made them: seeding's are not checked (their positions have
    // since moved on).
    library.ledger.oneShot.length = 0;
    const rng = runRng(options.seed, run);
    const candidates = withDb(library, (db) => operations.filter((op) => op.ready({ db })));
    const op = rng.pick(candidates);
    const prepared = prepare(op, context, rng);
    // One run in ten (when the CLI makes backups) starts without any backup, so the command's close makes
    // the library's first automatic backup and the kill can land in it too.
    const autoBackup = shared.hasBackups && op.name !== 'backup' && rng.chance(AUTO_BACKUP_SHARE);
    if (autoBackup) {
      rmSync(join(library.dir, 'backups'), { recursive: true, force: true });
      library.ledger.backups.clear();
      library.ledger.verifiedBackups.clear();
    }
    const duration = durations[op.name] + (autoBackup ? durations.backup ?? 0 : 0);
    const early = rng.chance(0.1);
    const killAtMs = early ? rng.next() * EARLY_KILL_MS : rng.next() * 1.2 * duration;
    const result = await runQuire({ quire: options.quire, library: library.dir, args: prepared.args, killAtMs });
    prepared.after(result);

    if (autoBackup) {
      summary.autoBackupRuns.runs++;
      if (result.killed) summary.autoBackupRuns.killed++;
    }
    const stats = (summary.operations[op.name] ??= { runs: 0, killed: 0, killedAfterAck: 0, finished: 0 });
    stats.runs++;
    if (result.killed) {
      stats.killed++;
      if (result.acked || result.storedArticles.length > 0) stats.killedAfterAck++;
      summary.phases[phaseOf(killAtMs, duration, early)]++;
    } else {
      stats.finished++;
    }
    const problems = [];
    if (result.hung) problems.push('the command hung and was stopped');
    else if (!result.killed && result.code !== 0) problems.push(`exit ${result.code} without a kill: ${errorLine(result.stderr)}`);
    const backupsMayHaveChanged = op.name === 'backup' || autoBackup || library.runs === 1;
    problems.push(...(await verifyLibrary({ ...context, library: library.dir, ledger: library.ledger, hashCache: library.hashCache, rng, backupsMayHaveChanged })));
    if (problems.length > 0) {
      summary.failures.push({ run, seed: options.seed, operation: op.name, args: prepared.args, killAtMs: Math.round(killAtMs * 10) / 10, killed: result.killed, problems, library: library.dir });
      library.keep = true; // kept for inspection; the next run starts a fresh library
    }
    rmSync(library.scratch, { recursive: true, force: true });
    summary.runs++;
    shared.onProgress?.(summary);
  }
  if (library && !library.keep && !options.keep) rmSync(library.dir, { recursive: true, force: true });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * options: { quire, runs, seed, jobs, freshEvery, calibrate, keep, only?: string[] }
 * Returns the summary (see run.mjs for its printed form).
 */
export async function runHarness(options, onProgress) {
  const started = performance.now();
  const root = mkdtempSync(join(tmpdir(), `quire-crash-${options.seed}-`));
  const summary = {
    seed: options.seed,
    runs: 0,
    jobs: options.jobs,
    quire: options.quire,
    operations: {},
    phases: Object.fromEntries(PHASES.map((p) => [p, 0])),
    calibrationMs: {},
    /** Runs that started with no backup, so that the command's close made the first automatic one. */
    autoBackupRuns: { runs: 0, killed: 0 },
    failures: [],
    loadAverage: { start: loadavg().map((n) => Math.round(n * 100) / 100), end: null },
    durationSeconds: 0,
    checkedWith: [],
    root,
  };
  const probeDir = join(root, 'probe');
  const commands = await commandsOf(options.quire, probeDir);
  summary.hasBackup = commands.has('backup');
  const hasCheck = commands.has('check');
  summary.checkedWith = ['integrity_check', 'foreign_key_check', 'originals sha256', 'acknowledgements', 'quire list', 'quire search',
    ...(commands.has('backups') ? ['quire backups (after runs that could make one: each listed backup opened and counted)'] : []), ...(hasCheck ? ['quire check'] : [])];
  let operations = summary.hasBackup ? [...OPERATIONS, BACKUP_OPERATION] : [...OPERATIONS];
  if (options.only) operations = operations.filter((op) => options.only.includes(op.name));
  if (operations.length === 0) throw new Error(`no operation matches --ops ${options.only.join(',')}`);

  // Measure each operation's typical duration (median of `calibrate` unkilled runs) on a library of its own.
  const raw = {};
  const calibration = { quire: options.quire, hasCheck, library: newLibrary(join(root, 'worker-0'), 0) };
  await createLibrary(calibration, summary.failures);
  await runUnkilled(OPERATIONS[1], calibration, createRng(options.seed), summary.failures, 'calibration');
  await seedLibrary(calibration, operations, createRng(options.seed + 1), summary.failures, options.calibrate, raw);
  const fallback = Math.max(...Object.values(raw).map(median), 300);
  const durations = Object.fromEntries(operations.map((op) => [op.name, raw[op.name] ? median(raw[op.name]) : fallback]));
  summary.calibrationMs = Object.fromEntries(Object.entries(durations).map(([k, v]) => [k, Math.round(v)]));

  const shared = { options, operations, durations, summary, root, hasCheck, hasBackups: commands.has('backups'), onProgress };
  const jobs = Math.max(1, options.jobs);
  const assignments = Array.from({ length: jobs }, (_, w) => Array.from({ length: options.runs }, (_, r) => r).filter((r) => r % jobs === w));
  await Promise.all(assignments.map((runIds, w) => worker(w, runIds, shared, w === 0 ? calibration.library : null)));

  summary.failures.sort((a, b) => String(a.run).localeCompare(String(b.run), undefined, { numeric: true }));
  summary.loadAverage.end = loadavg().map((n) => Math.round(n * 100) / 100);
  summary.durationSeconds = Math.round((performance.now() - started) / 100) / 10;
  if (summary.failures.length === 0 && !options.keep) rmSync(root, { recursive: true, force: true });
  return summary;
}
