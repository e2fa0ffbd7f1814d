#!/usr/bin/env node
/**
 * `npm start` (after `npm run build`): launches the desktop app, or says plainly why it cannot and
 * offers browser mode instead.
 *
 * better-sqlite3 is a native module built for Node's ABI (the CLI and tests need that one). Electron has
 * its own ABI, so this script builds a SECOND copy for Electron under node_modules/.cache/quire-electron/
 * (once per Electron and better-sqlite3 version, with @electron/rebuild) and tells the app where it is
 * through QUIRE_SQLITE_NATIVE_BINDING (read by electron/core/db/open.ts). The Node copy is never touched.
 * The packaged app does not need this: electron-builder rebuilds the module for Electron when packaging.
 *
 *   npm start                    the desktop app (browser mode offered if Electron is missing)
 *   npm start -- --browser       browser mode directly (`quire serve`)
 *   npm start -- --library DIR   either mode, on another library
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);
const say = (line) => process.stderr.write(`${line}\n`);

function option(name) {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}
const library = option('--library');

/** The Electron binary's path, or the reason there is none. Runs in a child: the `electron` package may try to download. */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 10 * 60 * 1000,
  });
  const path = probe.stdout.trim();
  if (probe.status === 0 && path && existsSync(path)) return { path };
  const reason =
    probe.error?.message ??
    (probe.stderr.split('\n').find((line) => /error|failed/i.test(line)) || `the electron package gave no usable binary (exit ${probe.status})`);
  return { reason: reason.trim() };
}

/** Builds (once) better-sqlite3 for this Electron and returns the path of its .node file. */
function electronSqliteBinding(electronVersion) {
  const sqliteVersion = JSON.parse(readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8')).version;
  const cacheDir = join(root, 'node_modules', '.cache', 'quire-electron', `electron-${electronVersion}-better-sqlite3-${sqliteVersion}`);
  const moduleDir = join(cacheDir, 'node_modules', 'better-sqlite3');
  const binding = join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;

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

function runBrowserMode() {
  const serveArgs = [join(root, 'bin', 'quire.js'), ...(library ? ['--library', library] : []), 'serve'];
  say(`Starting browser mode: quire ${serveArgs.slice(1).join(' ')}`);
  const child = spawn(process.execPath, serveArgs, { cwd: root, stdio: 'inherit' });
  // Ctrl+C reaches the child too (same process group); wait for it to close its library.
  process.on('SIGINT', () => undefined);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

async function offerBrowserMode(reason) {
  say('');
  say(`Electron's binary is not available on this machine, so the desktop app cannot start.`);
  say(`  (${reason})`);
  say('');
  say('Quire also runs in your web browser, with the same library and features:');
  say(`  npx quire serve${library ? ` --library ${library}` : ''}      then open the address it prints`);
  say('');
  if (!process.stdin.isTTY) {
    process.exitCode = 1;
    return;
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = (await rl.question('Start browser mode now? [Y/n] ')).trim().toLowerCase();
  rl.close();
  if (answer === '' || answer === 'y' || answer === 'yes') runBrowserMode();
  else process.exitCode = 1;
}

async function main() {
  if (!existsSync(join(root, 'dist', 'electron', 'main.js')) || !existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
    say('Quire is not built: run `npm run build` first (npm start does it for you).');
    process.exitCode = 2;
    return;
  }
  if (args.includes('--browser')) return runBrowserMode();

  const electron = electronBinary();
  if (!electron.path) return offerBrowserMode(electron.reason);

  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  let binding;
  try {
    binding = electronSqliteBinding(electronVersion);
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    return offerBrowserMode('better-sqlite3 could not be built for Electron');
  }

  const env = { ...process.env, QUIRE_SQLITE_NATIVE_BINDING: binding, ...(library ? { QUIRE_LIBRARY: resolve(library) } : {}) };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron.path, [root], { cwd: root, env, stdio: 'inherit' });
  process.on('SIGINT', () => child.kill('SIGINT'));
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

await main();
