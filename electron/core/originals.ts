import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TEMP_PREFIX = '.incoming-';

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * `originals/`: every imported file byte for byte, named by its SHA-256 (so the same file is stored once).
 *
 * Writing is two-phase around the database transaction: `stage` writes under a temporary name before
 * the commit; `commit` renames after it; `discard` removes the temporary file if the transaction failed.
 * A crash between the two leaves only a temporary file, which `cleanLeftovers` removes at open.
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
    const tempPath = join(this.dir, `${TEMP_PREFIX}${hash}-${randomBytes(4).toString('hex')}`);
    writeFileSync(tempPath, bytes, { flag: 'wx' });
    return new StagedOriginal(hash, tempPath, this);
  }

  /** Removes an original no article refers to any more (called after the deleting transaction commits). */
  remove(hash: string): void {
    rmSync(this.pathFor(hash), { force: true });
  }

  cleanLeftovers(): number {
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      if (name.startsWith(TEMP_PREFIX)) {
        rmSync(join(this.dir, name), { force: true });
        removed++;
      }
    }
    return removed;
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
    renameSync(this.tempPath, this.store.pathFor(this.sha256));
    this.tempPath = null;
  }

  discard(): void {
    if (this.tempPath === null) return;
    rmSync(this.tempPath, { force: true });
    this.tempPath = null;
  }
}
