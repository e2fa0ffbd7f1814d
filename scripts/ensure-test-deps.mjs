#!/usr/bin/env node
/**
 * Run by `npm test` after the build (it uses the built core to look for Chromium): makes sure the tools the
 * tests need are on this machine.
 * - Chromium (e2e tests, PDF export): see scripts/find-chromium.mjs for where it is looked for;
 * - pdftotext and pdftoppm (poppler-utils: the export tests read the PDFs back).
 * Missing tools are installed when that is possible without asking (root on Debian: apt-get;
 * otherwise Playwright's Chromium download); else it stops with the exact command to run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const say = (line) => process.stderr.write(`ensure-test-deps: ${line}\n`);

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command, args) {
  say(`running: ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = existsSync('/etc/debian_version') && onPath('apt-get');

const missing = { chromium: findChromium() === null, poppler: !onPath('pdftotext') || !onPath('pdftoppm') };

if ((missing.chromium || missing.poppler) && isRoot && isDebian) {
  const packages = [missing.chromium ? 'chromium' : null, missing.poppler ? 'poppler-utils' : null].filter(Boolean);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const ok =
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env }).status === 0 ||
    (spawnSync('apt-get', ['update'], { stdio: 'inherit', env }).status === 0 &&
      spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env }).status === 0);
  if (!ok) say(`apt-get could not install ${packages.join(' ')}`);
  missing.chromium = findChromium() === null;
  missing.poppler = !onPath('pdftotext') || !onPath('pdftoppm');
}

if (missing.chromium) {
  // Not root or not Debian: Playwright's own Chromium, if the download works from here.
  run('npx', ['--no-install', 'playwright', 'install', 'chromium']);
  missing.chromium = findChromium() === null;
}

const problems = [];
if (missing.chromium) {
  problems.push(
    'Chromium is missing. Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or ' +
      '`npx playwright install chromium`, or set QUIRE_CHROMIUM=/path/to/chromium.',
  );
}
if (missing.poppler) {
  problems.push(
    'pdftotext/pdftoppm are missing. Install them with `sudo apt-get install -y poppler-utils` ' +
      '(macOS: `brew install poppler`).',
  );
}
if (problems.length > 0) {
  for (const problem of problems) say(problem);
  process.exit(1);
}
say(`ok: Chromium at ${findChromium()?.path}, pdftotext and pdftoppm on PATH`);
