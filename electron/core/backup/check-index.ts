/**
 * The saved search index against the database: missing, written by another version, damaged (a file
 * unreadable or failing its checksum), behind or ahead of the change log, or holding a different number
 * of documents than the library. Repair rebuilds it from the database (the database is the truth).
 */
import { existsSync } from 'node:fs';
import { latestChangeSeq } from '../db/changes.js';
import type { Library } from '../library.js';
import { SearchCore } from '../search/searcher.js';
import { countDocs } from '../search/source.js';
import { CorruptIndexError, isCurrentFormat, loadIndex, readManifest } from '../search/store.js';
import { problem, type CheckProblem } from './check-types.js';

export interface IndexCheck {
  readonly problems: CheckProblem[];
  readonly indexedArticles: number;
}

export function checkSearchIndex(library: Library): IndexCheck {
  const dir = library.searchDir;
  const file = 'search/manifest.json';
  let manifest;
  try {
    manifest = existsSync(dir) ? readManifest(dir) : null;
  } catch (error) {
    return { problems: [problem('index_damaged', `The search index is damaged (${(error as Error).message}).`, { file, repairable: true })], indexedArticles: 0 };
  }
  if (!manifest) {
    return { problems: [problem('index_missing', 'The search index has not been saved (search rebuilds it when it starts).', { file, repairable: true })], indexedArticles: 0 };
  }
  if (!isCurrentFormat(manifest)) {
    return { problems: [problem('index_stale', 'The search index was written by another version of Quire.', { file, repairable: true })], indexedArticles: 0 };
  }
  let loaded;
  try {
    loaded = loadIndex(dir);
  } catch (error) {
    if (!(error instanceof CorruptIndexError)) throw error;
    return { problems: [problem('index_damaged', `The search index is damaged (${error.message}).`, { file, repairable: true })], indexedArticles: 0 };
  }
  const indexedArticles = library.db.prepare(`SELECT COUNT(*) AS n FROM articles`).get() as { n: number };
  const seq = latestChangeSeq(library.db);
  if (manifest.seq !== seq) {
    const how = manifest.seq < seq ? `behind the library (it reflects change ${manifest.seq}, the library is at ${seq})` : `newer than the library (change ${manifest.seq}, the library is at ${seq})`;
    return { problems: [problem('index_stale', `The search index is ${how}.`, { file, repairable: true })], indexedArticles: indexedArticles.n };
  }
  const expected = countDocs(library.db);
  const actual = loaded?.index.documentCount ?? 0;
  if (actual !== expected) {
    return {
      problems: [problem('index_stale', `The search index holds ${actual} documents; the library has ${expected} articles, highlights and notes.`, { file, repairable: true })],
      indexedArticles: indexedArticles.n,
    };
  }
  return { problems: [], indexedArticles: indexedArticles.n };
}

/** Rebuilds the index from the database and saves it. */
export function rebuildSearchIndex(library: Library): string {
  const core = new SearchCore(library.db, library.searchDir);
  core.rebuildNow();
  core.persist(true);
  return `Rebuilt the search index from the database (${countDocs(library.db)} documents).`;
}
