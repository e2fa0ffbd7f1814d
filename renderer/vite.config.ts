/**
 * Builds the renderer into dist/renderer, served by the desktop app's `quire://app/` protocol and by
 * browser mode. Both send a CSP with `script-src 'self'; style-src 'self'; font-src 'self'`, so the
 * output must have no inline script, no inline style sheet and no fonts inlined as data: URIs.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
// This file runs in Node at build time, not in the page: the renderer's no-Node rule does not apply.
// eslint-disable-next-line no-restricted-imports
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Relative URLs: the same files work under quire://app/ and http://127.0.0.1:PORT/.
  base: './',
  plugins: [react()],
  // Nothing is fetched from anywhere but the app itself; keep the dev server on loopback too.
  server: { host: '127.0.0.1', strictPort: false },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Fonts and images stay files: the CSP allows no data: fonts, and files cache better.
    assetsInlineLimit: 0,
    // The polyfill would add code for browsers Quire never runs in (Chromium supports modulepreload).
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    target: 'chrome128',
    sourcemap: true,
    chunkSizeWarningLimit: 2500,
  },
});
