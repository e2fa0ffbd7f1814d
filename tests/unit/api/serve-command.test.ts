/**
 * `quire serve` as a process (bin/quire.js → dist/, built by `npm run build:node`, which `npm test` runs first):
 * the URL is the first line on stdout, the API answers on it, and SIGTERM / SIGINT close everything and exit 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiPost } from '../../e2e/http.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'quire.js');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quire-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function serve(args: string[]): { child: ChildProcess; firstLine: Promise<string>; exit: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, [BIN, 'serve', '--library', dir, '--no-open', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const firstLine = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', () => reject(new Error(`exited before printing a URL: ${stderr}`)));
  });
  firstLine.catch(() => undefined); // tests that expect an early exit do not await the URL
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, firstLine, exit, stderr: () => stderr };
}

describe('quire serve', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints its URL first, answers, and stops cleanly on ${signal}`, async () => {
      const run = serve([]);
      const url = new URL(await run.firstLine);
      expect(url.hostname).toBe('127.0.0.1');
      const token = url.searchParams.get('token')!;
      expect(token.length).toBeGreaterThanOrEqual(40);
      const info = await apiPost(url.origin, 'library.info', {}, { 'X-Quire-Token': token });
      expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { path: dir } });
      run.child.kill(signal);
      expect(await run.exit).toBe(0);
      expect(run.stderr()).toContain('Stopping Quire');
      // The port is free again.
      await expect(apiPost(url.origin, 'library.info', {}, { 'X-Quire-Token': token })).rejects.toThrow();
    }, 60_000);
  }

  it('refuses a bad port with a usage error (exit 2)', async () => {
    const run = serve(['--port', 'eighty']);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toContain('--port takes a number');
  }, 60_000);
});
