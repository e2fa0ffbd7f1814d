#!/usr/bin/env node
/**
 * Finds a Chromium for the e2e tests and the PDF export: $QUIRE_CHROMIUM, then $CHROMIUM_PATH, then the
 * system's (/usr/bin/chromium and friends), then the browser Playwright downloaded (`npx playwright install chromium`).
 * Run directly, it prints the path (exit 0) or explains what to install (exit 1).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The flags every headless launch uses (no sandbox inside containers, no background network). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function playwrightChromium() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** @returns {{ path: string, source: string } | null} */
export function findChromium(env = process.env) {
  for (const name of ['QUIRE_CHROMIUM', 'CHROMIUM_PATH']) {
    const value = env[name];
    if (value && existsSync(value)) return { path: value, source: `$${name}` };
  }
  for (const path of SYSTEM_PATHS) if (existsSync(path)) return { path, source: 'system' };
  const downloaded = playwrightChromium();
  if (downloaded) return { path: downloaded, source: 'playwright' };
  return null;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const found = findChromium();
  if (found) {
    process.stdout.write(`${found.path}\n`);
  } else {
    process.stderr.write(
      'No Chromium found. Install one (Debian: `sudo apt-get install -y chromium`, or `npx playwright install chromium`) ' +
        'or set QUIRE_CHROMIUM to its path.\n',
    );
    process.exitCode = 1;
  }
}
