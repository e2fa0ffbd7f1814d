/**
 * What a timeline covers: the whole library, some articles (a search result), a tag, or a dossier.
 * A scope becomes, per article, either "everything" or the ranges of text it covers: a dossier that
 * prints an article only as its highlights (or holds single highlights) takes the dates inside those
 * highlights, and the highlights it holds.
 */
import type { Db } from '../db/open.js';
import { NotFoundError } from '../errors.js';

export type TimelineScope =
  | { readonly kind: 'library' }
  | { readonly kind: 'articles'; readonly ids: readonly string[] }
  | { readonly kind: 'tag'; readonly tag: string }
  | { readonly kind: 'dossier'; readonly id: string };

export interface Range {
  readonly start: number;
  readonly end: number;
}

/** Per article: 'all' of it, or only these ranges (and these highlights' events). */
export interface ArticleCoverage {
  readonly ranges: Range[] | 'all';
  /** Highlights whose events are in scope; 'all' for every highlight of the article. */
  readonly annotations: Set<string> | 'all';
}

/** null: the whole library. */
export type ResolvedScope = Map<string, ArticleCoverage> | null;

function allOf(ids: Iterable<string>): Map<string, ArticleCoverage> {
  const map = new Map<string, ArticleCoverage>();
  for (const id of ids) map.set(id, { ranges: 'all', annotations: 'all' });
  return map;
}

function tagScope(db: Db, tag: string): Map<string, ArticleCoverage> {
  const articles = db
    .prepare(`SELECT at.article_id AS id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ? COLLATE NOCASE`)
    .all(tag.trim()) as { id: string }[];
  const scope = allOf(articles.map((a) => a.id));
  // Highlights tagged so (in articles that are not) bring their own event and the dates inside them.
  const highlights = db
    .prepare(
      `SELECT n.id, n.article_id AS articleId, n.start, n.end FROM annotation_tags x JOIN tags t ON t.id = x.tag_id
       JOIN annotations n ON n.id = x.annotation_id WHERE t.name = ? COLLATE NOCASE`,
    )
    .all(tag.trim()) as { id: string; articleId: string; start: number | null; end: number | null }[];
  for (const h of highlights) addHighlight(scope, h);
  return scope;
}

function addHighlight(scope: Map<string, ArticleCoverage>, h: { id: string; articleId: string; start: number | null; end: number | null }): void {
  const current = scope.get(h.articleId) ?? { ranges: [], annotations: new Set<string>() };
  if (current.ranges !== 'all' && h.start !== null && h.end !== null) current.ranges.push({ start: h.start, end: h.end });
  if (current.annotations !== 'all') current.annotations.add(h.id);
  scope.set(h.articleId, current);
}

interface ItemRow {
  readonly kind: string;
  readonly refId: string | null;
  readonly optionsJson: string;
}

function highlightsOnly(optionsJson: string): boolean {
  try {
    return (JSON.parse(optionsJson) as { highlightsOnly?: unknown }).highlightsOnly === true;
  } catch {
    return false;
  }
}

function dossierScope(db: Db, dossierId: string): Map<string, ArticleCoverage> {
  if (!db.prepare(`SELECT 1 FROM dossiers WHERE id = ?`).get(dossierId)) throw new NotFoundError('dossier', dossierId);
  const items = db
    .prepare(`SELECT kind, ref_id AS refId, options_json AS optionsJson FROM dossier_items WHERE dossier_id = ? ORDER BY position`)
    .all(dossierId) as ItemRow[];
  const scope = new Map<string, ArticleCoverage>();
  const highlight = db.prepare(`SELECT id, article_id AS articleId, start, end FROM annotations WHERE id = ?`);
  const highlightsOf = db.prepare(`SELECT id, article_id AS articleId, start, end FROM annotations WHERE article_id = ? AND status = 'anchored'`);
  type HighlightRow = { id: string; articleId: string; start: number | null; end: number | null };
  for (const item of items) {
    if (!item.refId) continue;
    if (item.kind === 'article') {
      if (!highlightsOnly(item.optionsJson)) {
        scope.set(item.refId, { ranges: 'all', annotations: 'all' });
        continue;
      }
      if (scope.get(item.refId)?.ranges === 'all') continue;
      for (const h of highlightsOf.all(item.refId) as HighlightRow[]) addHighlight(scope, h);
    } else if (item.kind === 'annotation') {
      const h = highlight.get(item.refId) as HighlightRow | undefined;
      if (h && scope.get(h.articleId)?.ranges !== 'all') addHighlight(scope, h);
    }
  }
  return scope;
}

export function resolveScope(db: Db, scope: TimelineScope): ResolvedScope {
  switch (scope.kind) {
    case 'library':
      return null;
    case 'articles':
      return allOf(scope.ids);
    case 'tag':
      return tagScope(db, scope.tag);
    case 'dossier':
      return dossierScope(db, scope.id);
  }
}

/** Whether a mention at [start, end) is in an article's coverage. */
export function covers(coverage: ArticleCoverage, start: number, end: number): boolean {
  if (coverage.ranges === 'all') return true;
  return coverage.ranges.some((r) => start >= r.start && end <= r.end);
}
