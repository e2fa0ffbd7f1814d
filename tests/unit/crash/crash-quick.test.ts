/**
 * The quick crash pass of `npm test`: 30 runs of the kill -9 harness over the built CLI (the full
 * 1,000-run pass is `npm run test:crash`; docs/reliability.md). The seed is random and printed; set
 * QUIRE_CRASH_SEED to replay one.
 */
import { describe, expect, it } from 'vitest';
import { describeFailures, runCrashHarness } from './crash-run.js';

describe('crash harness, quick pass', () => {
  it('30 SIGKILLed quire commands leave a healthy library holding every acknowledged write', async () => {
    const seed = Number(process.env['QUIRE_CRASH_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`crash quick pass: seed ${seed} (replay with QUIRE_CRASH_SEED=${seed} or npm run test:crash -- --runs 30 --calibrate 1 --seed ${seed})`);
    const { code, summary } = await runCrashHarness(['--runs', '30', '--calibrate', '1', '--seed', String(seed)]);
    expect(summary.failures, describeFailures(summary.failures)).toEqual([]);
    expect(code).toBe(0);
    expect(summary.runs).toBe(30);
    // The pass must actually kill commands, across several operations.
    const killed = Object.values(summary.operations).reduce((n, o) => n + o.killed, 0);
    expect(killed).toBeGreaterThanOrEqual(15);
    expect(Object.keys(summary.operations).length).toBeGreaterThanOrEqual(5);
  }, 240_000);
});
