/**
 * Runs the crash harness (scripts/crash/run.mjs) over the built CLI and returns its JSON summary.
 * The harness needs `dist/` (npm test builds it first).
 */
import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface CrashFailure {
  readonly run: number | string;
  readonly operation: string;
  readonly killed: boolean;
  readonly problems: string[];
}

export interface CrashSummary {
  readonly seed: number;
  readonly runs: number;
  readonly operations: Record<string, { runs: number; killed: number; killedAfterAck: number; finished: number }>;
  readonly failures: CrashFailure[];
  readonly durationSeconds: number;
  /** The harness's temp folder, kept when a run failed. */
  readonly root: string;
}

export function runCrashHarness(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; summary: CrashSummary; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, [join(repo, 'scripts', 'crash', 'run.mjs'), '--json', ...args], { cwd: repo, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
      try {
        resolvePromise({ code, summary: JSON.parse(stdout) as CrashSummary, stderr });
      } catch {
        reject(new Error(`the crash harness printed no summary (exit ${code}): ${stderr.slice(-2000)}`));
      }
    });
  });
}

export const describeFailures = (failures: readonly CrashFailure[]): string =>
  failures.map((f) => `run ${f.run} ${f.operation}${f.killed ? ' (killed)' : ''}: ${f.problems.join('; ')}`).join('\n');
