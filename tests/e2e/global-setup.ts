/**
 * The e2e tests run the built app (`quire serve` from dist/). Fail fast, with the command to run,
 * when it is not built, instead of 60 s timeouts in every test.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export default function globalSetup(): void {
  const root = resolve(import.meta.dirname, '../..');
  const missing = [join(root, 'dist/electron/cli.js'), join(root, 'dist/renderer/index.html')].filter((f) => !existsSync(f));
  if (missing.length > 0) {
    throw new Error(`The app is not built (${missing.join(', ')} missing). Run \`npm run build\` first.`);
  }
}
