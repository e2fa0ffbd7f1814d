/**
 * Finds the Chromium that prints PDFs in the CLI, the browser-mode server and the tests (the desktop
 * app prints with Electron's own engine instead). Order: $QUIRE_CHROMIUM, $CHROMIUM_PATH, the system's
 * (well-known paths, then `chromium`, `chromium-browser`, `google-chrome` on PATH), then the browser
 * Playwright downloaded. The e2e tests use this same search (scripts/find-chromium.mjs).
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { QuireError } from '../errors.js';

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Flags for every headless launch: no sandbox inside containers, nothing that talks to the network. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  // Fewer processes for one print job: less memory, nothing lost (there is no sandbox to share).
  '--no-zygote',
  '--in-process-gpu',
  '--renderer-process-limit=1',
  '--disable-features=SpareRendererForSitePerProcess,PaintHolding',
  '--disable-dev-shm-usage',
];

/**
 * One process for the whole browser: a print job of a trusted, script-free document does not need
 * process isolation, and it halves peak memory (shared libraries and caches are not duplicated across
 * six processes; measured in bench/export.mjs) at the same CPU cost. If a print fails this way, the
 * export falls back to the usual process model (see export/pdf.ts).
 */
export const SINGLE_PROCESS_ARGS: readonly string[] = ['--single-process'];

export interface FoundChromium {
  readonly path: string;
  readonly source: string;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(env: NodeJS.ProcessEnv): string | null {
  const dirs = (env['PATH'] ?? '').split(delimiter).filter(Boolean);
  for (const name of PATH_NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (executable(candidate)) return candidate;
    }
  }
  return null;
}

function playwrightChromium(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core') as { chromium: { executablePath(): string } };
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): FoundChromium | null {
  for (const name of ['QUIRE_CHROMIUM', 'CHROMIUM_PATH']) {
    const value = env[name];
    if (value && existsSync(value)) return { path: value, source: `$${name}` };
  }
  for (const path of SYSTEM_PATHS) if (existsSync(path) && executable(path)) return { path, source: 'system' };
  const found = onPath(env);
  if (found) return { path: found, source: 'PATH' };
  const downloaded = playwrightChromium();
  if (downloaded) return { path: downloaded, source: 'playwright' };
  return null;
}

/** The Chromium to print with, or an error that says how to get one. */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): FoundChromium {
  for (const name of ['QUIRE_CHROMIUM', 'CHROMIUM_PATH']) {
    const value = env[name];
    if (value && !existsSync(value)) {
      throw new QuireError('chromium_missing', `$${name} points to ${value}, which does not exist. Fix the path or unset it.`);
    }
  }
  const found = findChromium(env);
  if (!found) {
    throw new QuireError(
      'chromium_missing',
      'PDF export needs Chromium or Google Chrome, and none was found. Install it (Debian/Ubuntu: "sudo apt-get install chromium"; ' +
        'or "npx playwright install chromium"), or set QUIRE_CHROMIUM to its path. HTML, Markdown and JSON export work without it.',
    );
  }
  return found;
}
