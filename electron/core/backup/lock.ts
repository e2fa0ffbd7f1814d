/**
 * "Held open by the app": the desktop app and `quire serve` keep a library open for a long time and write
 * to it whenever the analyst acts, so restoring under them would swap the database beneath a live
 * connection. They announce themselves with `<library>/quire.lock`, a small JSON file
 * `{pid, host, by, startedAt}` written when they open the library and removed when they close it.
 *
 * A lock counts only while its process is alive: a crashed app leaves a stale lock behind, and the pid
 * check (`kill(pid, 0)`) on the same host tells. A lock written on another host (a library on a shared
 * or synced drive) cannot be checked and counts as held. Short CLI commands take no lock: they hold the
 * database for well under a second, and SQLite's own locking covers them.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { processAlive } from './names.js';

export const LOCK_FILE = 'quire.lock';

export interface LockInfo {
  readonly pid: number;
  readonly host: string;
  /** `app` (the desktop app) or `serve` (browser mode). */
  readonly by: string;
  readonly startedAt: string;
}

export function lockPath(libraryDir: string): string {
  return join(libraryDir, LOCK_FILE);
}

export function readLock(libraryDir: string): LockInfo | null {
  try {
    const value = JSON.parse(readFileSync(lockPath(libraryDir), 'utf8')) as Partial<LockInfo>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return null;
    return { pid: value.pid, host: value.host, by: String(value.by ?? 'app'), startedAt: String(value.startedAt ?? '') };
  } catch {
    return null;
  }
}

/** The live process other than this one that holds the library, or null. */
export function heldBy(libraryDir: string): LockInfo | null {
  const lock = readLock(libraryDir);
  if (!lock) return null;
  if (lock.host !== hostname()) return lock;
  if (lock.pid === process.pid) return null;
  return processAlive(lock.pid) ? lock : null;
}

export interface LibraryLock {
  release(): void;
}

/** Writes the lock for this process (replacing a stale one). Several holders: the last one's lock wins. */
export function acquireLock(libraryDir: string, by: 'app' | 'serve'): LibraryLock {
  const info: LockInfo = { pid: process.pid, host: hostname(), by, startedAt: new Date().toISOString() };
  writeFileSync(lockPath(libraryDir), `${JSON.stringify(info)}\n`);
  return {
    release: () => {
      const current = readLock(libraryDir);
      if (current && current.pid === process.pid && current.host === info.host) rmSync(lockPath(libraryDir), { force: true });
    },
  };
}

export function describeHolder(lock: LockInfo): string {
  const what = lock.by === 'serve' ? '`quire serve`' : 'the Quire app';
  return `${what} (process ${lock.pid}${lock.host === hostname() ? '' : ` on ${lock.host}`}, since ${lock.startedAt || 'unknown'})`;
}
