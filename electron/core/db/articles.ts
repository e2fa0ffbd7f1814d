import type { Direction } from '../../common/document.js';
import type { Db } from './open.js';
import { articleTags } from './tags.js';

/** An article as listed (no body): the `quire list` contract. */
export interface ArticleSummary {
  readonly id: string;
  readonly title: string;
  readonly source: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly importedAt: string;
  readonly language: string | null;
  readonly direction: Direction;
}

/** An article with everything stored about it: the `quire show` contract. */
export interface Article extends ArticleSummary {
  readonly byline: string | null;
  readonly updatedAt: string;
  readonly text: string;
  readonly bodyJson: string;
  readonly sha256: string | null;
  readonly contentSha256: string;
  readonly originalName: string | null;
  readonly mediaType: string | null;
  readonly tags: string[];
}

export interface NewArticle {
  readonly id: string;
  readonly title: string;
  readonly byline: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly importedAt: string;
  readonly language: string | null;
  readonly direction: Direction;
  readonly bodyJson: string;
  readonly text: string;
  readonly originalName: string | null;
  readonly mediaType: string | null;
  readonly originalSha256: string | null;
  readonly contentSha256: string;
}

const SUMMARY_COLUMNS = `id, title, source, url, published_at AS publishedAt, imported_at AS importedAt, language, direction`;
const FULL_COLUMNS = `${SUMMARY_COLUMNS}, byline, updated_at AS updatedAt, body_text AS text, body_json AS bodyJson,
  original_sha256 AS sha256, content_sha256 AS contentSha256, original_name AS originalName, media_type AS mediaType`;

/** An article row exactly as stored: what undo keeps and puts back. */
export interface StoredArticle extends NewArticle {
  readonly updatedAt: string;
}

/** Inserts an article; `updatedAt` defaults to `importedAt` (a fresh import), a restore passes the stored one. */
export function insertArticle(db: Db, article: NewArticle & { readonly updatedAt?: string }): void {
  db.prepare(
    `INSERT INTO articles (id, title, byline, source, url, published_at, imported_at, updated_at, language, direction,
       body_json, body_text, original_name, media_type, original_sha256, content_sha256)
     VALUES (@id, @title, @byline, @source, @url, @publishedAt, @importedAt, @updatedAt, @language, @direction,
       @bodyJson, @text, @originalName, @mediaType, @originalSha256, @contentSha256)`,
  ).run({ ...article, updatedAt: article.updatedAt ?? article.importedAt });
}

export function getStoredArticle(db: Db, id: string): StoredArticle | undefined {
  return db
    .prepare(
      `SELECT id, title, byline, source, url, published_at AS publishedAt, imported_at AS importedAt, updated_at AS updatedAt,
              language, direction, body_json AS bodyJson, body_text AS text, original_name AS originalName,
              media_type AS mediaType, original_sha256 AS originalSha256, content_sha256 AS contentSha256
       FROM articles WHERE id = ?`,
    )
    .get(id) as StoredArticle | undefined;
}

export function getArticle(db: Db, id: string): Article | undefined {
  const row = db.prepare(`SELECT ${FULL_COLUMNS} FROM articles WHERE id = ?`).get(id) as Omit<Article, 'tags'> | undefined;
  if (!row) return undefined;
  return { ...row, tags: articleTags(db, id) };
}

export function findArticleByContentHash(db: Db, contentSha256: string): ArticleSummary | undefined {
  return db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE content_sha256 = ?`).get(contentSha256) as
    | ArticleSummary
    | undefined;
}

export function listArticles(db: Db): ArticleSummary[] {
  return db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles ORDER BY imported_at DESC, id DESC`).all() as ArticleSummary[];
}

export function articleCount(db: Db): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM articles`).get() as { n: number }).n;
}

/** Deletes an article (its annotations and tags go with it, by cascade). Returns its original's hash, if any. */
export function deleteArticle(db: Db, id: string): { originalSha256: string | null } | undefined {
  const row = db.prepare(`SELECT original_sha256 AS originalSha256 FROM articles WHERE id = ?`).get(id) as
    | { originalSha256: string | null }
    | undefined;
  if (!row) return undefined;
  db.prepare(`DELETE FROM articles WHERE id = ?`).run(id);
  return row;
}

export function isOriginalReferenced(db: Db, sha256: string): boolean {
  return db.prepare(`SELECT 1 FROM articles WHERE original_sha256 = ? LIMIT 1`).get(sha256) !== undefined;
}

export interface ArticleMetadataPatch {
  readonly title?: string;
  readonly byline?: string | null;
  readonly source?: string | null;
  readonly url?: string | null;
  readonly publishedAt?: string | null;
  readonly language?: string | null;
  readonly direction?: Direction;
}

const PATCH_COLUMNS: Record<keyof ArticleMetadataPatch, string> = {
  title: 'title',
  byline: 'byline',
  source: 'source',
  url: 'url',
  publishedAt: 'published_at',
  language: 'language',
  direction: 'direction',
};

export function updateArticleMetadata(db: Db, id: string, patch: ArticleMetadataPatch, updatedAt: string): void {
  const keys = (Object.keys(patch) as (keyof ArticleMetadataPatch)[]).filter((k) => patch[k] !== undefined);
  if (keys.length === 0) return;
  const sets = keys.map((k) => `${PATCH_COLUMNS[k]} = @${k}`).join(', ');
  db.prepare(`UPDATE articles SET ${sets}, updated_at = @updatedAt WHERE id = @id`).run({ ...patch, id, updatedAt });
}

/** Replaces the body; the caller re-anchors annotations in the same transaction (see anchoring/). */
export function updateArticleBody(
  db: Db,
  id: string,
  body: { bodyJson: string; text: string; contentSha256: string },
  updatedAt: string,
): void {
  db.prepare(
    `UPDATE articles SET body_json = @bodyJson, body_text = @text, content_sha256 = @contentSha256, updated_at = @updatedAt WHERE id = @id`,
  ).run({ ...body, id, updatedAt });
}
