/**
 * `quire backup --to DIR`: a portable archive of the whole library, one plain folder
 * `DIR/quire-backup-<stamp>/` holding
 *
 *   quire.sqlite     the verified database snapshot (rollback-journal mode: one self-contained file)
 *   originals/       every original file the snapshot's articles refer to, named by SHA-256
 *   manifest.json    what was verified: counts, the snapshot's SHA-256, the originals' hashes
 *
 * A folder rather than a zip: it can be written to any drive without holding the library in memory,
 * copied with any file manager, checked with `sha256sum`, and `quire restore` takes it as is. Zip it
 * to send it if you like; unzip before restoring. It is written under a hidden `.partial` name and
 * renamed when complete, so a half-written archive never looks like a finished one.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Library } from '../library.js';
import { sha256 } from '../originals.js';
import { QuireError } from '../errors.js';
import { referencedOriginals } from './manifest.js';
import { ARCHIVE_MANIFEST, ARCHIVE_PREFIX, fileStamp } from './names.js';
import { BackupFailedError, writeSnapshot } from './snapshot.js';
import { archiveEntry, type Backup } from './store.js';

/** Copies one original and checks the copy's bytes against its name. */
export function copyOriginalVerified(from: string, toDir: string, hash: string): void {
  const target = join(toDir, hash);
  if (existsSync(target) && sha256(readFileSync(target)) === hash) return;
  const temp = join(toDir, `.incoming-${hash}-copy`);
  copyFileSync(from, temp);
  if (sha256(readFileSync(temp)) !== hash) {
    rmSync(temp, { force: true });
    throw new QuireError('original_damaged', `The original ${hash} does not match its SHA-256 (the file is damaged); it was not copied.`);
  }
  renameSync(temp, target);
}

export async function writeArchive(library: Library, toDir: string, now: Date = new Date()): Promise<Backup> {
  const parent = resolve(toDir);
  if (existsSync(parent) && !statSync(parent).isDirectory()) throw new QuireError('usage', `${parent} is a file; --to takes a folder.`);
  const name = `${ARCHIVE_PREFIX}${fileStamp(now)}`;
  const partial = join(parent, `.${name}.partial`);
  const finalDir = join(parent, name);
  if (existsSync(finalDir)) throw new QuireError('already_exists', `${finalDir} already exists.`);
  const originalsDir = join(partial, 'originals');
  mkdirSync(originalsDir, { recursive: true });
  try {
    const copyAll = (hashes: readonly string[]): void => {
      for (const hash of hashes) {
        const from = library.originals.pathFor(hash);
        if (!existsSync(from)) continue; // named by `quire check`; the archive still holds everything else
        copyOriginalVerified(from, originalsDir, hash);
      }
    };
    copyAll(referencedOriginals(library.db));
    const snapshot = await writeSnapshot(library.db, partial, () => join(partial, ARCHIVE_MANIFEST), {
      kind: 'archive',
      now,
      fileName: () => 'quire.sqlite',
    });
    // An import committed by another process between the two steps: its original goes in too.
    copyAll(snapshot.manifest.originals);
    renameSync(partial, finalDir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (error instanceof QuireError) throw error;
    throw new BackupFailedError(`The archive could not be written to ${parent}: ${String(error)}`, { cause: error });
  }
  const entry = archiveEntry(finalDir);
  if (!entry) throw new BackupFailedError(`The archive in ${finalDir} could not be read back.`);
  return entry.backup;
}
