/**
 * The saved search index against the database. An index that is merely behind the change log is normal
 * (search replays the log when it loads), so the check replays it too, in memory, and then compares:
 *
 * - damaged: a file unreadable, failing its checksum or missing (named by the manifest);
 * - stale: written by another version, newer than the database (a database restored under it), or,
 *   after replaying the log, lacking documents the library has or holding documents it no longer has.
 *
 * An index never saved is not a problem: search builds it when it first starts. Repair rebuilds from the
 * database (the database is the truth).
 */
import { existsSync } from 'node:fs';
import { changesSince, latestChangeSeq, type ChangeEntity } from '../db/changes.js';
import type { Library } from '../library.js';
import { SearchCore } from '../search/searcher.js';
import { countDocs } from '../search/source.js';
import { CorruptIndexError, isCurrentFormat, loadIndex, readManifest } from '../search/store.js';
import type { SearchDocType } from '../search/types.js';
import { problem, type CheckProblem } from './check-types.js';

export interface IndexCheck {
  readonly problems: CheckProblem[];
  readonly indexedArticles: number;
}

const FILE = 'search/manifest.json';
const TABLES: Record<SearchDocType, string> = { article: 'articles', annotation: 'annotations', note: 'notes' };

function stale(message: string, articleId: string | null = null): IndexCheck {
  return { problems: [problem('index_stale', message, { file: FILE, articleId, repairable: true })], indexedArticles: 0 };
}

function damaged(error: Error): IndexCheck {
  const kind = /missing index file/.test(error.message) ? 'index_missing' : 'index_damaged';
  return { problems: [problem(kind, `The search index is damaged (${error.message}).`, { file: FILE, repairable: true })], indexedArticles: 0 };
}

export function checkSearchIndex(library: Library): IndexCheck {
  const dir = library.searchDir;
  let manifest;
  try {
    manifest = existsSync(dir) ? readManifest(dir) : null;
  } catch (error) {
    return damaged(error as Error);
  }
  if (!manifest) return { problems: [], indexedArticles: 0 };
  if (!isCurrentFormat(manifest)) return stale('The search index was written by another version of Quire.');
  const seq = latestChangeSeq(library.db);
  if (manifest.seq > seq) return stale(`The search index is newer than the database (change ${manifest.seq}; the database is at ${seq}): the database was replaced under it.`);
  let index;
  try {
    index = loadIndex(dir)?.index;
  } catch (error) {
    if (!(error instanceof CorruptIndexError)) throw error;
    return damaged(error);
  }
  if (!index) return { problems: [], indexedArticles: 0 };

  // What replaying the log will add or remove anyway is not a problem.
  const touched: Record<ChangeEntity, Set<string>> = { article: new Set(), annotation: new Set(), note: new Set(), label: new Set() };
  for (let after = manifest.seq; ; ) {
    const changes = changesSince(library.db, after, 5_000);
    if (changes.length === 0) break;
    for (const change of changes) touched[change.entity].add(change.entityId);
    after = changes[changes.length - 1]?.seq ?? after;
  }

  let lacking = 0;
  let firstLacking: { type: SearchDocType; id: string } | null = null;
  let expectedUntouched = 0;
  let indexedTouched = 0;
  let indexedArticles = 0;
  for (const type of ['article', 'annotation', 'note'] as const) {
    const ids = (library.db.prepare(`SELECT id FROM ${TABLES[type]}`).all() as { id: string }[]).map((row) => row.id);
    for (const id of touched[type]) if (index.has(type, id)) indexedTouched++;
    for (const id of ids) {
      const has = index.has(type, id);
      if (type === 'article' && has) indexedArticles++;
      if (touched[type].has(id)) continue;
      expectedUntouched++;
      if (!has) {
        lacking++;
        firstLacking ??= { type, id };
      }
    }
  }
  if (firstLacking) {
    return {
      ...stale(
        `The search index lacks ${lacking} item(s) of the library (first: ${firstLacking.type} ${firstLacking.id}); searches would miss them.`,
        firstLacking.type === 'article' ? firstLacking.id : null,
      ),
      indexedArticles,
    };
  }
  const extra = index.documentCount - indexedTouched - expectedUntouched;
  if (extra > 0) {
    return { ...stale(`The search index holds ${extra} item(s) the library no longer has; searches would find them.`), indexedArticles };
  }
  return { problems: [], indexedArticles };
}

/** Rebuilds the index from the database and saves it. */
export function rebuildSearchIndex(library: Library): string {
  const core = new SearchCore(library.db, library.searchDir);
  core.rebuildNow();
  core.persist(true);
  return `Rebuilt the search index from the database (${countDocs(library.db)} documents).`;
}
