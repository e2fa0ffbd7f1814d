/**
 * Read-only views of articles, highlights and labels as notes, dossiers and exports cite them.
 *
 * These read the tables directly (the schema is in db/migrations) rather than through the
 * annotations service, so that resolving a dossier is a handful of indexed queries and has no
 * dependency on the editor-side logic that writes highlights.
 */
import type { Direction } from '../common/document.js';
import type { CitationStatus } from '../common/note-document.js';
import type { Db } from './db/open.js';
import { annotationTags, articleTags } from './db/tags.js';

/** Everything needed to cite an article in full (the print view's citation block). */
export interface ArticleCitation {
  readonly articleId: string;
  readonly title: string;
  readonly byline: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  /** When the article was imported: the "accessed" date of a citation. */
  readonly importedAt: string;
  readonly language: string | null;
  readonly direction: Direction;
  /** SHA-256 of the original file as imported (null for articles created without a file). */
  readonly sha256: string | null;
  readonly originalName: string | null;
  readonly mediaType: string | null;
}

export interface LabelRef {
  readonly id: string;
  readonly name: string;
  readonly color: string;
}

export interface Label extends LabelRef {
  /** As stored: 0-based, the analyst's order (labels.ts shows it 1-based). */
  readonly position: number;
  readonly shortcut: number | null;
}

/** A highlight with its label resolved. `start`/`end` index the article's plain text. */
export interface AnnotationRecord {
  readonly id: string;
  readonly articleId: string;
  readonly label: LabelRef | null;
  /** The analyst's note on the highlight, as plain text ('' if none) and as Lexical JSON (null if none). */
  readonly note: string;
  readonly noteJson: string | null;
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number | null;
  readonly end: number | null;
  readonly status: 'anchored' | 'orphaned';
  readonly tags: string[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

const CITATION_COLUMNS = `id AS articleId, title, byline, source, url, published_at AS publishedAt, imported_at AS importedAt,
  language, direction, original_sha256 AS sha256, original_name AS originalName, media_type AS mediaType`;

export function getArticleCitation(db: Db, articleId: string): ArticleCitation | undefined {
  return db.prepare(`SELECT ${CITATION_COLUMNS} FROM articles WHERE id = ?`).get(articleId) as ArticleCitation | undefined;
}

export interface ArticleForExport extends ArticleCitation {
  readonly bodyJson: string;
  readonly text: string;
  readonly contentSha256: string;
  readonly updatedAt: string;
  readonly tags: string[];
}

export function getArticleForExport(db: Db, articleId: string): ArticleForExport | undefined {
  const row = db
    .prepare(
      `SELECT ${CITATION_COLUMNS}, body_json AS bodyJson, body_text AS text, content_sha256 AS contentSha256,
         updated_at AS updatedAt FROM articles WHERE id = ?`,
    )
    .get(articleId) as Omit<ArticleForExport, 'tags'> | undefined;
  if (!row) return undefined;
  return { ...row, tags: articleTags(db, articleId) };
}

interface AnnotationRow {
  id: string;
  articleId: string;
  labelId: string | null;
  labelName: string | null;
  labelColor: string | null;
  noteJson: string | null;
  note: string;
  quote: string;
  prefix: string;
  suffix: string;
  start: number | null;
  end: number | null;
  status: 'anchored' | 'orphaned';
  createdAt: string;
  updatedAt: string;
}

const ANNOTATION_SELECT = `SELECT a.id, a.article_id AS articleId, a.label_id AS labelId, l.name AS labelName,
  l.color AS labelColor, a.note_json AS noteJson, a.note_text AS note, a.quote, a.prefix, a.suffix, a.start, a.end,
  a.status, a.created_at AS createdAt, a.updated_at AS updatedAt
  FROM annotations a LEFT JOIN labels l ON l.id = a.label_id`;

function toRecord(db: Db, row: AnnotationRow): AnnotationRecord {
  const { labelId, labelName, labelColor, ...rest } = row;
  return {
    ...rest,
    label: labelId !== null && labelName !== null && labelColor !== null ? { id: labelId, name: labelName, color: labelColor } : null,
    tags: annotationTags(db, row.id),
  };
}

export function getAnnotationRecord(db: Db, annotationId: string): AnnotationRecord | undefined {
  const row = db.prepare(`${ANNOTATION_SELECT} WHERE a.id = ?`).get(annotationId) as AnnotationRow | undefined;
  return row ? toRecord(db, row) : undefined;
}

/** An article's highlights in reading order; orphaned ones (no position) last, oldest first. */
export function annotationsOfArticle(db: Db, articleId: string): AnnotationRecord[] {
  const rows = db
    .prepare(
      `${ANNOTATION_SELECT} WHERE a.article_id = ?
       ORDER BY a.start IS NULL, a.start, a.end, a.created_at, a.id`,
    )
    .all(articleId) as AnnotationRow[];
  return rows.map((row) => toRecord(db, row));
}

export function listLabels(db: Db): Label[] {
  return db
    .prepare(`SELECT id, name, color, position, shortcut FROM labels ORDER BY position, name COLLATE NOCASE`)
    .all() as Label[];
}

/**
 * How a citation made of `citedQuote` compares with the highlight today. An orphaned highlight is
 * reported as orphaned even if its quote is unchanged: the passage is no longer in the text.
 */
export function citationStatus(citedQuote: string, annotation: AnnotationRecord | undefined): CitationStatus {
  if (!annotation) return 'deleted';
  if (annotation.status === 'orphaned') return 'orphaned';
  return normaliseQuote(annotation.quote) === normaliseQuote(citedQuote) ? 'current' : 'changed';
}

/** Whitespace differences (re-wrapped paragraphs) are not a change of wording. */
function normaliseQuote(quote: string): string {
  return quote.normalize('NFC').replace(/\s+/g, ' ').trim();
}
