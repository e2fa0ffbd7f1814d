/**
 * The crash harness can fail: run against a deliberately broken `quire` (fixtures/broken-quire.mjs, whose
 * `import` commits non-atomically or acknowledges before committing), it must report what was lost.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo, runCrashHarness } from './crash-run.js';

const broken = join(repo, 'tests', 'unit', 'crash', 'fixtures', 'broken-quire.mjs');
const args = ['--quire', broken, '--ops', 'import-folder', '--runs', '10', '--calibrate', '1', '--seed', '5'];

describe.concurrent('crash harness against a broken write path', () => {
  it('reports an article committed without its original', async () => {
    const { code, summary } = await runCrashHarness(args, { BROKEN_QUIRE_FAULT: 'no-transaction' });
    rmSync(summary.root, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(summary.failures.length).toBeGreaterThan(0);
    // Only killed runs fail: the broken import is correct when it runs to the end.
    expect(summary.failures.every((f) => f.killed)).toBe(true);
    expect(summary.failures.flatMap((f) => f.problems)).toContainEqual(expect.stringMatching(/^article art_\w+: its original [0-9a-f]{64} is missing$/));
  }, 180_000);

  it('reports an acknowledged article that was never committed', async () => {
    const { code, summary } = await runCrashHarness(args, { BROKEN_QUIRE_FAULT: 'ack-before-commit' });
    rmSync(summary.root, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(summary.failures.length).toBeGreaterThan(0);
    expect(summary.failures.every((f) => f.killed)).toBe(true);
    expect(summary.failures.flatMap((f) => f.problems)).toContainEqual(expect.stringMatching(/^acknowledged article art_\w+ is missing$/));
  }, 180_000);
});
