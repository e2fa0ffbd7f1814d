import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { originalsReferencedByBackups } from './backup/references.js';

const TEMP_PREFIX = '.incoming-';

/**
 * A staged file this old is an orphan even when a process with its writer's pid is running: pids are reused,
 * and a library on a shared drive may be written from another machine. No import holds a staged file for a day.
 */
const STAGED_FILE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * `originals/`: every imported file byte for byte, named by its SHA-256 (so the same file is stored once).
 *
 * Writing is two-phase around the database transaction: `stage` writes under a temporary name before
 * the commit; `commit` renames after it; `discard` removes the temporary file if the transaction failed.
 * A crash before the commit leaves only a temporary file, which `cleanLeftovers` removes at open; a crash
 * between the commit and the rename leaves a committed article whose original still has its temporary
 * name, which `cleanLeftovers` moves into place. The staged file is fsynced before the commit and the
 * folder after the rename, so a power cut cannot leave a committed article without its bytes either
 * (docs/reliability.md).
 */
export class OriginalsStore {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  pathFor(hash: string): string {
    return join(this.dir, hash);
  }

  has(hash: string): boolean {
    return existsSync(this.pathFor(hash));
  }

  read(hash: string): Buffer {
    return readFileSync(this.pathFor(hash));
  }

  stage(bytes: Uint8Array): StagedOriginal {
    const hash = sha256(bytes);
    if (this.has(hash)) return new StagedOriginal(hash, null, this);
    // The writer's pid is in the name so that another process opening the library (the app and the CLI share
    // it) can tell an import still in progress from one that died, and leaves the former alone.
    const tempPath = join(this.dir, `${TEMP_PREFIX}${hash}-${process.pid}-${randomBytes(4).toString('hex')}`);
    const fd = openSync(tempPath, 'wx');
    try {
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    syncFolder(this.dir);
    return new StagedOriginal(hash, tempPath, this);
  }

  /**
   * Removes an original no article refers to any more (called after the deleting transaction commits),
   * unless a backup still refers to it: backups list originals instead of copying them, so restoring one
   * needs the file. Returns whether the file was removed.
   */
  remove(hash: string): boolean {
    if (originalsReferencedByBackups(dirname(this.dir)).has(hash)) return false;
    rmSync(this.pathFor(hash), { force: true });
    return true;
  }

  /**
   * Tidies what an interrupted import left at open. A temporary original whose article was committed
   * (`isReferenced(sha256)`) and whose bytes match its name is moved into place: the crash came between
   * the commit and the rename. A temporary file whose writer is still running (an import in progress in
   * this or another process) is left alone; every other one is removed. Returns how many were removed and
   * recovered.
   */
  cleanLeftovers(isReferenced: (sha256: string) => boolean = () => false): { removed: number; recovered: number } {
    let removed = 0;
    let recovered = 0;
    for (const name of readdirSync(this.dir)) {
      if (!name.startsWith(TEMP_PREFIX)) continue;
      const path = join(this.dir, name);
      const hash = name.slice(TEMP_PREFIX.length).split('-')[0] ?? '';
      if (!this.has(hash) && isReferenced(hash) && sha256(readFileSync(path)) === hash) {
        renameSync(path, this.pathFor(hash));
        recovered++;
      } else if (!writerMayBeRunning(name, path)) {
        rmSync(path, { force: true });
        removed++;
      }
    }
    if (recovered > 0) syncFolder(this.dir);
    return { removed, recovered };
  }
}

/**
 * Whether the process that staged `name` may still be importing it: its pid (in the name) is this process or
 * a running one, and the file is recent. Names from before the pid was recorded have no writer to wait for.
 */
function writerMayBeRunning(name: string, path: string): boolean {
  const parts = name.slice(TEMP_PREFIX.length).split('-');
  if (parts.length < 3) return false;
  const pid = Number(parts[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    if (Date.now() - statSync(path).mtimeMs > STAGED_FILE_MAX_AGE_MS) return false;
  } catch {
    return false; // already gone
  }
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}

/** Makes a rename or a new name in `dir` durable. Not every platform can open a folder for fsync (Windows): best effort. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // The rename itself succeeded; only its durability across a power cut is left to the file system.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export class StagedOriginal {
  constructor(
    readonly sha256: string,
    private tempPath: string | null,
    private readonly store: OriginalsStore,
  ) {}

  commit(): void {
    if (this.tempPath === null) return;
    try {
      renameSync(this.tempPath, this.store.pathFor(this.sha256));
    } catch (error) {
      // Another process opening the library between our commit and this rename moved the file into place
      // (cleanLeftovers): the original is where it belongs.
      if (!((error as NodeJS.ErrnoException).code === 'ENOENT' && this.store.has(this.sha256))) throw error;
    }
    this.tempPath = null;
    syncFolder(this.store.dir);
  }

  discard(): void {
    if (this.tempPath === null) return;
    rmSync(this.tempPath, { force: true });
    this.tempPath = null;
  }
}
