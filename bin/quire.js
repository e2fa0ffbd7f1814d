#!/usr/bin/env node
// The `quire` command: a thin launcher for the compiled CLI (built by `npm install` through `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/electron/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('quire: the CLI is not built yet. Run `npm run build` in the Quire folder.\n');
  process.exit(2);
}
await import(cli);
