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
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { electronBinary, electronSqliteBinding, electronVersion } from './electron-native.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const say = (line) => process.stderr.write(`${line}\n`);

function option(name) {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}
const library = option('--library');

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

  let binding;
  try {
    binding = electronSqliteBinding(electronVersion(), { build: true });
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
