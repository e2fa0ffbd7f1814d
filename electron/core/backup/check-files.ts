/**
 * The files beside the database: every original hashed against its name (which is its SHA-256 and what
 * the article row records), articles whose original is gone, originals nothing refers to, and temporary
 * files an interrupted import, backup, restore or index save left behind.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Library } from '../library.js';
import { DATABASE_FILE } from '../library.js';
import { problem, type CheckProblem } from './check-types.js';
import { backupsDir, manifestNameFor, partialPid, PARTIAL_PREFIX, processAlive, SNAPSHOT_PREFIX } from './names.js';
import { originalsReferencedByBackups } from './references.js';

const ORIGINAL_NAME = /^[0-9a-f]{64}$/;
/** Temporary files younger than this may belong to another process's write in progress. */
const TEMP_GRACE_MS = 10 * 60_000;

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function checkOriginals(library: Library): Promise<{ problems: CheckProblem[]; originals: number }> {
  const problems: CheckProblem[] = [];
  const rows = library.db
    .prepare(`SELECT id, original_sha256 AS sha, original_name AS name FROM articles WHERE original_sha256 IS NOT NULL ORDER BY id`)
    .all() as { id: string; sha: string; name: string | null }[];
  const byHash = new Map<string, { id: string; name: string | null }[]>();
  for (const row of rows) byHash.set(row.sha, [...(byHash.get(row.sha) ?? []), row]);

  const files = existsSync(library.originals.dir) ? readdirSync(library.originals.dir).filter((n) => ORIGINAL_NAME.test(n)) : [];
  const present = new Set(files);
  for (const [hash, articles] of byHash) {
    if (present.has(hash)) continue;
    for (const article of articles) {
      problems.push(
        problem('original_missing', `Article ${article.id}: its original file originals/${hash}${article.name ? ` (imported from “${article.name}”)` : ''} is missing.`, {
          articleId: article.id,
          file: `originals/${hash}`,
        }),
      );
    }
  }

  const keptForBackups = originalsReferencedByBackups(library.dir);
  for (const name of files) {
    const actual = await hashFile(join(library.originals.dir, name));
    const articles = byHash.get(name) ?? [];
    if (actual !== name) {
      const who = articles.length > 0 ? articles.map((a) => `article ${a.id}${a.name ? ` (“${a.name}”)` : ''}`).join(', ') : 'no article';
      problems.push(
        problem('original_tampered', `The original originals/${name} of ${who} has changed: its bytes now hash to ${actual}.`, {
          articleId: articles[0]?.id ?? null,
          file: `originals/${name}`,
        }),
      );
    } else if (articles.length === 0 && !keptForBackups.has(name)) {
      problems.push(
        problem('original_unreferenced', `The original originals/${name} belongs to no article and no backup (it is removed automatically a while after its article was deleted).`, {
          file: `originals/${name}`,
        }),
      );
    }
  }
  return { problems, originals: files.length };
}

interface TempFile {
  readonly path: string;
  readonly relative: string;
}

/** Leftovers whose writer is gone: old enough, or (backups) their writer's pid is not running. */
export function findTempFiles(libraryDir: string, now = Date.now()): TempFile[] {
  const found: TempFile[] = [];
  const old = (path: string): boolean => now - statSync(path).mtimeMs > TEMP_GRACE_MS;
  const scan = (folder: string, prefix: string, match: (name: string, path: string) => boolean): void => {
    const dir = join(libraryDir, folder);
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (match(name, path)) found.push({ path, relative: prefix + name });
    }
  };
  scan('originals', 'originals/', (name, path) => name.startsWith('.incoming-') && old(path));
  scan('search', 'search/', (name, path) => name.endsWith('.tmp') && old(path));
  scan(backupsDir(libraryDir).slice(libraryDir.length + 1), 'backups/', (name, path) => {
    if (name.startsWith(PARTIAL_PREFIX)) {
      const pid = partialPid(name);
      return pid === null || !processAlive(pid);
    }
    // A snapshot whose manifest never got written (or was removed first by an interrupted rotation) never counts.
    if (name.startsWith(SNAPSHOT_PREFIX) && name.endsWith('.sqlite') && !existsSync(manifestNameFor(path))) return old(path);
    return name.endsWith('.tmp') && old(path);
  });
  scan('.', '', (name, path) => name.startsWith(`${DATABASE_FILE}.restoring-`) && old(path));
  return found;
}

export function checkTempFiles(libraryDir: string): CheckProblem[] {
  return findTempFiles(libraryDir).map((file) =>
    problem('temp_file', `A temporary file was left behind by an interrupted write: ${file.relative}.`, { file: file.relative, repairable: true }),
  );
}

export function removeTempFiles(libraryDir: string): string[] {
  return findTempFiles(libraryDir).map((file) => {
    rmSync(file.path, { force: true });
    return `Removed the leftover temporary file ${file.relative}.`;
  });
}
