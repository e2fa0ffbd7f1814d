/**
 * Playwright fixtures for browser-mode tests. Every test gets:
 * - `libraryDir`: a fresh temporary library folder (removed afterwards);
 * - `server`: its own `quire serve` process on a free port over that library (stopped afterwards);
 *   `serverUrl` (with the token), `origin` and `token` for convenience;
 * - `page`: already at the app's URL; every request the page makes outside the app is blocked and
 *   FAILS the test at the end (Quire makes no network request, ever);
 * - `quire(args)`: the real CLI run against the same library; `apiCall(method, input)`: the API over HTTP;
 * - `saveScreen(name)`: a full-page screenshot kept in test-results/screens/ to look at.
 *
 *   import { test, expect } from './fixtures.js';
 */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { ApiContract, ApiMethod } from '../../electron/api/contract.js';
import type { ApiResult, InputOf, OutputOf } from '../../electron/api/define.js';

export { expect };

export const ROOT = resolve(import.meta.dirname, '../..');
export const QUIRE_BIN = join(ROOT, 'bin', 'quire.js');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const SCREENS = join(ROOT, 'test-results', 'screens');

export interface QuireServer {
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  /** What the server printed on stderr so far (attached to failing tests). */
  stderr(): string;
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

type ApiCall = <K extends ApiMethod>(method: K, input: InputOf<ApiContract, K>) => Promise<OutputOf<ApiContract, K>>;

interface QuireFixtures {
  libraryDir: string;
  server: QuireServer;
  serverUrl: string;
  origin: string;
  token: string;
  quire: (args: readonly string[], options?: { input?: string }) => Promise<CliResult>;
  apiCall: ApiCall;
  saveScreen: (name: string, page?: Page) => Promise<string>;
  /** Requests the page tried to make outside the app (blocked); the test fails if any. */
  outsideRequests: string[];
}

/** Starts `quire serve` on a library and resolves once it printed its URL. */
export async function startQuireServer(
  libraryDir: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<{ server: QuireServer; child: ChildProcess }> {
  const child = spawn(process.execPath, [QUIRE_BIN, 'serve', '--library', libraryDir, '--no-open', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`quire serve printed no URL within 20 s.\n${stderr}`)), 20_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolveUrl(line.trim());
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`quire serve exited (${code}) before printing its URL.\n${stderr}`));
    });
  });
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token');
  if (!token || parsed.hostname !== '127.0.0.1') throw new Error(`quire serve printed an unexpected first line: ${url}`);
  return {
    child,
    server: { url, origin: parsed.origin, port: Number(parsed.port), token, stderr: () => stderr },
  };
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 6000);
  await exited;
  clearTimeout(timer);
}

export function runQuire(
  libraryDir: string,
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [QUIRE_BIN, '--library', libraryDir, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Calls the API of a running server over HTTP, as the renderer does. */
export function apiClient(server: Pick<QuireServer, 'origin' | 'token'>): ApiCall {
  return async (method, input) => {
    const response = await fetch(`${server.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Quire-Token': server.token },
      body: JSON.stringify(input ?? {}),
    });
    const result = (await response.json()) as ApiResult;
    if (!result.ok) throw new ApiCallError(result.error.code, result.error.message, response.status);
    return result.value as never;
  };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

export const test = base.extend<QuireFixtures>({
  // eslint-disable-next-line no-empty-pattern
  libraryDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'quire-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },

  server: async ({ libraryDir }, use, testInfo) => {
    const { server, child } = await startQuireServer(libraryDir);
    await use(server);
    await stopProcess(child);
    if (testInfo.status !== testInfo.expectedStatus && server.stderr()) {
      await testInfo.attach('quire-serve-stderr', { body: server.stderr(), contentType: 'text/plain' });
    }
  },

  serverUrl: async ({ server }, use) => use(server.url),
  origin: async ({ server }, use) => use(server.origin),
  token: async ({ server }, use) => use(server.token),

  quire: async ({ libraryDir }, use) => {
    await use((args, options) => runQuire(libraryDir, args, options ?? {}));
  },

  apiCall: async ({ server }, use) => use(apiClient(server)),

  outsideRequests: async ({ context, server }, use) => {
    const outside: string[] = [];
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(`${server.origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) {
        await route.continue();
      } else {
        outside.push(url);
        await route.abort('blockedbyclient');
      }
    });
    await use(outside);
    expect(outside, 'Quire must make no request outside the app').toEqual([]);
  },

  page: async ({ page, server, outsideRequests: _guard }, use) => {
    // Dialogs: with no listener Playwright dismisses them; tests that expect one add `page.on('dialog', …)`.
    await page.goto(server.url);
    await use(page);
  },

  saveScreen: async ({ page }, use, testInfo) => {
    mkdirSync(SCREENS, { recursive: true });
    await use(async (name, target = page) => {
      const file = join(SCREENS, `${slug(testInfo.titlePath.slice(1).join(' '))}--${slug(name)}.png`);
      await target.screenshot({ path: file, fullPage: true });
      await testInfo.attach(name, { path: file, contentType: 'image/png' });
      return file;
    });
  },
});
