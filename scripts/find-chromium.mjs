#!/usr/bin/env node
/**
 * Finds a Chromium for the e2e tests: the same search the PDF export uses (electron/core/export/chromium.ts:
 * $QUIRE_CHROMIUM, $CHROMIUM_PATH, the system's, PATH, then Playwright's own browser), from the built core.
 * Run directly, it prints the path (exit 0) or explains what to install (exit 1).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const core = fileURLToPath(new URL('../dist/electron/core/export/chromium.js', import.meta.url));
if (!existsSync(core)) {
  process.stderr.write('find-chromium: the core is not built yet; run `npm run build` first.\n');
  process.exit(2);
}
const { findChromium } = await import(pathToFileURL(core).href);
export { findChromium };

/** The flags every headless test browser uses (no sandbox inside containers, no background network). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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
