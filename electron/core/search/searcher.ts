/**
 * One library's search, synchronous and step by step: load the saved index or rebuild it from the
 * database in small steps, catch up with the change log, answer queries, save. The worker (worker.ts)
 * and the in-process service (service.ts) both drive this class; it never blocks for long when driven
 * with `step()`, so queries are answered while a rebuild is still running (`ready: false`).
 */
import { changesSince, latestChangeSeq, type ChangeEntity } from '../db/changes.js';
import type { Db } from '../db/open.js';
import { createLogger } from '../log.js';
import { DEFAULT_ANALYSIS, type Analysis } from './analysis/index.js';
import { SearchIndex, type IndexResult } from './engine.js';
import type { FieldName, IndexDoc } from './fields.js';
import { isEmptyQuery, parseQuery, type ParsedQuery } from './query.js';
import { buildSnippet, queryPhrases, titleSpans, verifyPhrases } from './snippet.js';
import { allDocs, annotationsWithLabel, countDocs, loadDocs, loadTexts, type DocText } from './source.js';
import { CorruptIndexError, OutdatedIndexError, clearIndex, openSavedIndex, persistIndex, type IndexLoader } from './store.js';
import type { SearchDocType, SearchHit, SearchRequest, SearchResponse, SearchStatus } from './types.js';

const log = createLogger('search');

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 500;
/** Save after this many indexed changes even if the app keeps running (the log covers the rest). */
const PERSIST_AFTER = 5_000;
/** Further behind the change log than this at open, the index is rebuilt in the background instead. */
const REBUILD_WHEN_BEHIND = 20_000;
/** A rebuild compacts the index once this share of its slots are tombstones. */
const COMPACT_RATIO = 0.3;

const SNIPPET_FIELDS: Readonly<Record<SearchDocType, readonly FieldName[]>> = {
  article: ['body', 'title'],
  annotation: ['body', 'note', 'label'],
  note: ['body', 'title'],
};

interface RebuildJob {
  readonly fresh: SearchIndex;
  readonly startSeq: number;
  readonly total: number;
  done: number;
  readonly batches: Generator<IndexDoc[]>;
  readonly reason: string;
}

function* everything(db: Db): Generator<IndexDoc[]> {
  for (const type of ['article', 'annotation', 'note'] as const) yield* allDocs(db, type);
}

export interface SearchCoreOptions {
  /**
   * 'linguistic' (default): stems and name variants. 'baseline': the analysis before them, exactly
   * (the benchmarks build both from one library and compare). Each keeps its own saved index format.
   */
  readonly analysis?: Analysis;
  /** Also match a name's spellings in the other script (Araghchi ↔ عراقجي); off until its precision is measured good enough. */
  readonly crossScriptNames?: boolean;
}

export class SearchCore {
  private readonly analysis: Analysis;
  private readonly crossScriptNames: boolean;
  private index: SearchIndex;
  private seq = 0;
  private loaded = false;
  private job: RebuildJob | null = null;
  private loader: IndexLoader | null = null;
  private unpersisted = 0;
  private lastError: string | undefined;

  constructor(
    private readonly db: Db,
    private readonly dir: string,
    options: SearchCoreOptions = {},
  ) {
    this.analysis = options.analysis ?? DEFAULT_ANALYSIS;
    this.crossScriptNames = options.crossScriptNames ?? false;
    this.index = this.newIndex();
  }

  private newIndex(): SearchIndex {
    return new SearchIndex({ analysis: this.analysis, crossScriptNames: this.crossScriptNames });
  }

  /**
   * Opens the saved index (manifest and dictionary: fast) or schedules a rebuild when it is missing,
   * stale or damaged. Its shards are then loaded by `step()`, one at a time; until then searches answer
   * from the shards loaded so far with `ready: false`.
   */
  open(): void {
    try {
      const loader = openSavedIndex(this.dir, { analysis: this.analysis, crossScriptNames: this.crossScriptNames });
      if (!loader) {
        this.startRebuild('no saved index');
      } else if (loader.manifest.seq > latestChangeSeq(this.db)) {
        // The database is older than the index (restored from a backup, replaced): trust the database.
        this.startRebuild('saved index is newer than the database');
      } else {
        this.index = loader.index;
        this.seq = loader.manifest.seq;
        this.loader = loader;
      }
    } catch (error) {
      this.damaged(error);
    }
  }

  private damaged(error: unknown): void {
    if (!(error instanceof CorruptIndexError)) throw error;
    this.loader = null;
    this.index = this.newIndex();
    if (error instanceof OutdatedIndexError) {
      // An upgrade, not damage: the new analyser needs an index of its own.
      log.debug(`the saved search index is outdated (${error.message}); rebuilding it`);
      this.startRebuild('saved index built by another version');
      return;
    }
    log.warn(`the saved search index is damaged (${error.message}); rebuilding it from the library`);
    this.startRebuild('saved index is damaged');
  }

  /** Loads one more shard; when all are in, catches up with the log and checks the count. */
  private loadStep(loader: IndexLoader): void {
    try {
      if (loader.next()) return;
    } catch (error) {
      this.damaged(error);
      return;
    }
    this.loader = null;
    this.loaded = true;
    if (latestChangeSeq(this.db) - this.seq > REBUILD_WHEN_BEHIND) {
      // Far behind (a big import by another process): rebuilding in steps beats replaying in one go,
      // and the loaded index answers meanwhile.
      this.startRebuild('far behind the change log');
    } else {
      this.catchUp();
      this.checkConsistency();
    }
  }

  /** True while the saved index's shards are still being read. */
  get loading(): boolean {
    return this.loader !== null;
  }

  private checkConsistency(): void {
    const expected = countDocs(this.db);
    if (this.index.documentCount !== expected) {
      this.startRebuild(`index has ${this.index.documentCount} documents, the library ${expected}`);
      return;
    }
    const slots = this.index.documentCount + this.index.deletedCount;
    if (this.index.deletedCount > 1000 && this.index.deletedCount > slots * COMPACT_RATIO) this.startRebuild('compacting');
  }

  /** Starts rebuilding from the database in the background; queries use the old index until it is done. */
  startRebuild(reason: string): void {
    log.debug(`rebuilding the search index: ${reason}`);
    if (this.loader) {
      // Asked to rebuild while loading: the half-loaded index is dropped.
      this.loader = null;
      this.index = this.newIndex();
    }
    this.job = {
      fresh: this.newIndex(),
      startSeq: latestChangeSeq(this.db),
      total: countDocs(this.db),
      done: 0,
      batches: everything(this.db),
      reason,
    };
  }

  /** Work that makes the first edit and the first type-ahead fast; the worker runs it right after loading. */
  prepare(): void {
    if (this.job || this.loader) return;
    this.index.prepareForWrites();
    this.index.warmUp();
  }

  get rebuilding(): boolean {
    return this.job !== null;
  }

  /** Does a slice of pending work (loading shards, rebuild batches); returns true while there is more. */
  step(budgetMs = 30): boolean {
    const until = performance.now() + budgetMs;
    if (this.loader) {
      while (this.loader && performance.now() < until) this.loadStep(this.loader);
      // A rebuild that loading turned out to need starts with the next slice.
      return this.loader !== null || this.job !== null;
    }
    const job = this.job;
    if (!job) return false;
    while (performance.now() < until) {
      const next = job.batches.next();
      if (next.done) {
        this.finishRebuild(job);
        return false;
      }
      for (const doc of next.value) job.fresh.add(doc);
      job.done += next.value.length;
    }
    return true;
  }

  /** Runs pending work to the end (the CLI, `quire reindex`). */
  finish(): void {
    while (this.step(1000)) {
      // keep going
    }
  }

  private finishRebuild(job: RebuildJob): void {
    this.index = job.fresh;
    this.index.warmUp();
    this.seq = job.startSeq;
    this.job = null;
    this.loaded = true;
    this.catchUp();
    this.unpersisted = 0;
    this.persist(true);
  }

  /**
   * Indexes what changed since the saved position, up to about `limit` changes (the worker's polling
   * takes small bites so queries are answered in between). Returns how many changes were applied.
   */
  catchUp(limit = Number.POSITIVE_INFINITY): number {
    // Changes wait in the log until every shard is in (an unloaded shard would bring old copies back).
    if (this.loader) return 0;
    let applied = 0;
    while (applied < limit) {
      const changes = changesSince(this.db, this.seq, Math.min(5_000, limit - applied));
      if (changes.length === 0) break;
      const touched: Record<ChangeEntity, Set<string>> = { article: new Set(), annotation: new Set(), note: new Set(), label: new Set() };
      for (const change of changes) touched[change.entity].add(change.entityId);
      for (const labelId of touched.label) for (const id of annotationsWithLabel(this.db, labelId)) touched.annotation.add(id);
      // While a rebuild runs, changes go to both indexes: the fresh one may already have passed them.
      const targets = this.job ? [this.index, this.job.fresh] : [this.index];
      for (const type of ['article', 'annotation', 'note'] as const) {
        const ids = [...touched[type]];
        if (ids.length === 0) continue;
        const docs = loadDocs(this.db, type, ids);
        const present = new Set(docs.map((d) => d.id));
        for (const target of targets) {
          for (const doc of docs) target.add(doc);
          for (const id of ids) if (!present.has(id)) target.remove(type, id);
        }
      }
      this.seq = changes[changes.length - 1]?.seq ?? this.seq;
      applied += changes.length;
      this.unpersisted += changes.length;
    }
    if (this.unpersisted >= PERSIST_AFTER && !this.job) this.persist(true);
    return applied;
  }

  /** Saves the index if there is anything unsaved (or `force`). */
  persist(force = false): boolean {
    if (this.job || !this.loaded) return false;
    if (!force && this.unpersisted === 0) return false;
    try {
      if (persistIndex(this.dir, this.index, this.seq)) {
        this.unpersisted = 0;
        return true;
      }
    } catch (error) {
      this.lastError = `could not save the search index: ${String(error)}`;
      log.warn(this.lastError);
    }
    return false;
  }

  get pendingChanges(): number {
    return this.unpersisted;
  }

  /** Throws the saved index away and rebuilds (the `quire reindex` command, a corrupt index). */
  rebuildNow(): void {
    clearIndex(this.dir);
    this.startRebuild('requested');
    this.finish();
  }

  status(): SearchStatus {
    const job = this.job;
    const loader = this.loader;
    return {
      ready: this.loaded && job === null,
      indexed: job && !this.loaded ? job.fresh.documentCount : this.index.documentCount,
      rebuilding: job !== null,
      ...(job ? { progress: { done: job.done, total: job.total } } : {}),
      ...(loader ? { progress: { ...loader.progress } } : {}),
      seq: this.seq,
      ...(this.lastError ? { error: this.lastError } : {}),
    };
  }

  search(request: SearchRequest): SearchResponse {
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(request.limit ?? DEFAULT_LIMIT)));
    const query = parseQuery(withFilters(request), { analysis: this.analysis });
    const ready = this.loaded && this.job === null;
    // Before the first load finishes, answer from the shards loaded (or the documents rebuilt) so far.
    const index = this.loaded || this.loader ? this.index : (this.job?.fresh ?? this.index);
    const warning = query.warnings.length > 0 ? query.warnings.join(' ') : undefined;
    if (isEmptyQuery(query)) return { total: 0, results: [], ready, ...(warning ? { warning } : {}) };
    // Phrases limited to short fields (tag:"saudi arabia") are checked without reading article bodies.
    const phraseFields = [...query.clauses.flatMap((c) => c.alternatives), ...query.excluded]
      .filter((a) => a.kind === 'phrase')
      .map((a) => a.field);
    const bodies = phraseFields.some((f) => f === null || f === 'title');
    const checkedTexts = new Map<string, DocText>();
    const result = index.search(query, {
      limit,
      ...(request.type ? { type: request.type } : {}),
      verify: (docs) => {
        const texts = loadTexts(this.db, docs, { bodies });
        return docs.map((d, i) => {
          const text = texts[i];
          // Full texts read for checking are kept for the snippets of the page.
          if (text && bodies) checkedTexts.set(`${text.type}:${text.id}`, text);
          return text !== undefined && verifyPhrases(text, query, d.clauses, d.excluded);
        });
      },
    });
    const results = this.present(result, query, checkedTexts);
    const dropped = result.hits.length - results.length;
    return {
      total: Math.max(0, result.total - dropped),
      results,
      ready,
      ...(result.totalIsEstimate ? { totalIsEstimate: true } : {}),
      ...(warning ? { warning } : {}),
    };
  }

  /** Titles and snippets for the page of hits only, read from the database. */
  private present(result: IndexResult, query: ParsedQuery, known: ReadonlyMap<string, DocText>): SearchHit[] {
    const missing = result.hits.filter((h) => !known.has(`${h.type}:${h.id}`));
    const loaded = loadTexts(this.db, missing);
    const byKey = new Map(known);
    missing.forEach((h, i) => {
      const text = loaded[i];
      if (text) byKey.set(`${h.type}:${h.id}`, text);
    });
    const texts = result.hits.map((h) => byKey.get(`${h.type}:${h.id}`));
    const phrases = queryPhrases(query);
    const out: SearchHit[] = [];
    result.hits.forEach((hit, i) => {
      const text = texts[i];
      if (!text) return; // deleted since the last catch-up
      const snippet = buildSnippet(text, result.matchedTerms, phrases, SNIPPET_FIELDS[hit.type]);
      const base: SearchHit = {
        type: hit.type,
        id: hit.id,
        articleId: text.articleId,
        title: text.title,
        score: Math.round(hit.score * 1000) / 1000,
        snippet: snippet.snippet,
        matches: snippet.matches,
        titleMatches: titleSpans(text.title, result.matchedTerms, phrases),
      };
      out.push(
        hit.type === 'article' && snippet.field === 'body' && snippet.textStart !== undefined
          ? { ...base, textStart: snippet.textStart, textEnd: snippet.textEnd ?? snippet.textStart }
          : base,
      );
    });
    return out;
  }
}

const quoted = (value: string): string => `"${value.replace(/["“”]/g, ' ').trim()}"`;

/** The UI's filter facets, expressed in the query language so there is one way to filter. */
export function withFilters(request: SearchRequest): string {
  const f = request.filters;
  if (!f) return request.query;
  // Filters go first: the last word of what the analyst typed stays the one completed as a prefix.
  const parts: string[] = [];
  for (const tag of f.tags ?? []) parts.push(`tag:${quoted(tag)}`);
  for (const label of f.labels ?? []) parts.push(`label:${quoted(label)}`);
  if (f.source) parts.push(`source:${quoted(f.source)}`);
  for (const lang of f.langs ?? []) parts.push(`lang:${lang.replace(/\s/g, '')}`);
  if (f.after) parts.push(`after:${f.after.replace(/\s/g, '')}`);
  if (f.before) parts.push(`before:${f.before.replace(/\s/g, '')}`);
  parts.push(request.query);
  return parts.join(' ');
}
