/**
 * Where backups live and how their files are named. One backup is two files side by side in
 * `<library>/backups/`: the database snapshot `quire-<stamp>.sqlite` and its manifest `quire-<stamp>.json`.
 * The manifest is written last, after verification, so a snapshot without one never counts.
 */
import { join } from 'node:path';

export const BACKUPS_DIR = 'backups';
export const SNAPSHOT_PREFIX = 'quire-';
/** A snapshot being written: `.partial-<pid>-<stamp>.sqlite`; the pid tells whether its writer is still alive. */
export const PARTIAL_PREFIX = '.partial-';
/** The manifest of a portable archive folder (`quire backup --to DIR`). */
export const ARCHIVE_MANIFEST = 'manifest.json';
export const ARCHIVE_PREFIX = 'quire-backup-';

export function backupsDir(libraryDir: string): string {
  return join(libraryDir, BACKUPS_DIR);
}

/** `2026-12-03T07-15-00-123Z`: an ISO instant that is a valid file name everywhere and sorts by time. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export function snapshotName(stamp: string): string {
  return `${SNAPSHOT_PREFIX}${stamp}.sqlite`;
}

export function manifestNameFor(snapshotFile: string): string {
  return snapshotFile.replace(/\.sqlite$/, '.json');
}

export function partialName(stamp: string, pid = process.pid): string {
  return `${PARTIAL_PREFIX}${pid}-${stamp}.sqlite`;
}

/** The writer's pid of a partial snapshot, or null when the name is not one. */
export function partialPid(name: string): number | null {
  const match = /^\.partial-(\d+)-/.exec(name);
  return match ? Number(match[1]) : null;
}

/** Whether a process with this pid is running on this machine (EPERM: it is, but not ours). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
