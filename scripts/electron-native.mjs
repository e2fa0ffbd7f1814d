/**
 * Electron on this machine: is its binary here, and a better-sqlite3 built for its ABI.
 * Used by scripts/start.mjs (`npm start`) and the Electron e2e tests.
 *
 * better-sqlite3 in node_modules is built for Node (the CLI and tests need it). Electron has its own
 * ABI, so a SECOND copy is built for Electron under node_modules/.cache/quire-electron/ (once per
 * Electron and better-sqlite3 version, with @electron/rebuild), and the app is told where it is through
 * QUIRE_SQLITE_NATIVE_BINDING (read by electron/core/db/open.ts). The Node copy is never touched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const say = (line) => process.stderr.write(`${line}\n`);

export function electronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

/** The Electron binary's path, or the reason there is none. Runs in a child: the `electron` package may try to download. */
export function electronBinary(options = {}) {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: options.timeoutMs ?? 10 * 60 * 1000,
  });
  const path = probe.stdout.trim();
  if (probe.status === 0 && path && existsSync(path)) return { path };
  const reason =
    probe.error?.message ??
    (probe.stderr.split('\n').find((line) => /error|failed/i.test(line)) || `the electron package gave no usable binary (exit ${probe.status})`);
  return { reason: reason.trim() };
}

/** Builds (once) better-sqlite3 for this Electron and returns the path of its .node file. */
export function electronSqliteBinding(electronVersion, options = { build: true }) {
  const sqliteVersion = JSON.parse(readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8')).version;
  const cacheDir = join(root, 'node_modules', '.cache', 'quire-electron', `electron-${electronVersion}-better-sqlite3-${sqliteVersion}`);
  const moduleDir = join(cacheDir, 'node_modules', 'better-sqlite3');
  const binding = join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  if (!options.build) return null;

  say(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once; the Node build stays as it is)…`);
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  cpSync(source, moduleDir, { recursive: true, filter: (path) => !path.startsWith(join(source, 'build')) });
  writeFileSync(
    join(cacheDir, 'package.json'),
    JSON.stringify({ name: 'quire-electron-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }, null, 2),
  );
  // @electron/rebuild comes with electron-builder; its CLI is not in the package's exports, so by path.
  const rebuildCli = join(root, 'node_modules', '@electron', 'rebuild', 'lib', 'cli.js');
  if (!existsSync(rebuildCli)) throw new Error(`@electron/rebuild is missing (${rebuildCli}); run npm install.`);
  const rebuild = spawnSync(
    process.execPath,
    [rebuildCli, '--version', electronVersion, '--module-dir', cacheDir, '--only', 'better-sqlite3', '--force'],
    { cwd: cacheDir, stdio: 'inherit' },
  );
  if (rebuild.status !== 0 || !existsSync(binding)) {
    rmSync(cacheDir, { recursive: true, force: true });
    throw new Error(
      'Could not build better-sqlite3 for Electron. It needs either network access to download a prebuilt binary ' +
        'or a C++ toolchain (python3, make, g++ / Xcode / Visual Studio Build Tools).',
    );
  }
  return binding;
}

