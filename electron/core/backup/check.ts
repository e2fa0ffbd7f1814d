/**
 * `quire check` / library.check: the database (integrity_check, foreign_key_check), the originals, temp
 * files and the search index. With `repair`, fixes what needs no guessing (leftover temp files, a
 * missing, stale or damaged index) and says what it did; everything else is only named.
 */
import type { Library } from '../library.js';
import { checkOriginals, checkTempFiles, removeTempFiles } from './check-files.js';
import { checkSearchIndex, rebuildSearchIndex } from './check-index.js';
import { problem, type CheckProblem, type CheckReport } from './check-types.js';

export type { CheckReport, CheckProblem } from './check-types.js';

export function checkDatabase(library: Library): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const integrity = (library.db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
  if (!(integrity.length === 1 && integrity[0] === 'ok')) {
    for (const line of integrity.slice(0, 20)) {
      problems.push(problem('integrity', `SQLite integrity check: ${line}`, { file: 'quire.sqlite' }));
    }
  }
  const orphans = library.db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
  for (const row of orphans.slice(0, 50)) {
    problems.push(problem('foreign_key', `A row of ${row.table} (rowid ${row.rowid ?? '?'}) points at a missing row of ${row.parent}.`, { file: 'quire.sqlite' }));
  }
  return problems;
}

export interface CheckOptions {
  readonly repair?: boolean;
}

export async function checkLibrary(library: Library, options: CheckOptions = {}): Promise<CheckReport> {
  const repaired: string[] = [];
  const database = checkDatabase(library);
  const { problems: files, originals } = await checkOriginals(library);
  let temps = checkTempFiles(library.dir);
  if (options.repair && temps.length > 0) {
    repaired.push(...removeTempFiles(library.dir));
    temps = checkTempFiles(library.dir);
  }
  let index = checkSearchIndex(library);
  // The index is derived from the database: rebuilding it from a damaged database would be guessing.
  if (options.repair && index.problems.length > 0 && database.length === 0) {
    repaired.push(rebuildSearchIndex(library));
    index = checkSearchIndex(library);
  }
  const problems = [...database, ...files, ...temps, ...index.problems];
  const articles = (library.db.prepare(`SELECT COUNT(*) AS n FROM articles`).get() as { n: number }).n;
  return {
    healthy: problems.length === 0,
    problems,
    repaired,
    checked: { articles, originals, indexedArticles: index.indexedArticles },
  };
}
