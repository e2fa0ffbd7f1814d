/**
 * End-to-end tests: the real renderer and handlers through browser mode (`quire serve`), in Chromium
 * (the system's, see scripts/find-chromium.mjs). Each test starts its own server on a fresh library
 * (tests/e2e/fixtures.ts). Electron tests (electron.spec.ts) skip themselves where Electron's binary is missing.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium.mjs';

const chromium = findChromium();

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: process.env['CI'] ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    colorScheme: 'light',
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      ...(chromium ? { executablePath: chromium.path } : {}),
      args: [...CHROMIUM_ARGS],
    },
  },
});
