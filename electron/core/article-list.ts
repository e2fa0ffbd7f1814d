import type { Direction } from '../common/document.js';
import type { Db } from './db/open.js';

/**
 * The library list as the app shows it: every article without its body, with highlight counts,
 * tags and a preview, plus the facets (tags, sources, languages) the filter menus offer.
 * A handful of grouped queries, so it stays fast with thousands of articles.
 */
export interface ArticleListRow {
  readonly id: string;
  readonly title: string;
  readonly byline: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly importedAt: string;
  readonly updatedAt: string;
  readonly language: string | null;
  readonly direction: Direction;
  readonly tags: string[];
  readonly highlights: number;
  readonly orphans: number;
  readonly characters: number;
  readonly excerpt: string;
  readonly originalName: string | null;
  readonly mediaType: string | null;
}

export interface Facet {
  readonly value: string;
  readonly count: number;
}

export interface ArticleListFilter {
  /** Just this article (the row after an edit). */
  readonly id?: string;
  readonly tag?: string;
  readonly source?: string;
  readonly language?: string;
  readonly hasHighlights?: boolean;
  readonly sort?: 'imported' | 'published' | 'title' | 'source' | 'highlights';
  readonly order?: 'asc' | 'desc';
}

export interface ArticleList {
  readonly articles: ArticleListRow[];
  readonly total: number;
  readonly facets: { tags: Facet[]; sources: Facet[]; languages: Facet[] };
}

const EXCERPT_CHARS = 280;

type Row = Omit<ArticleListRow, 'tags' | 'excerpt' | 'characters'> & { contentSha256: string };

export function listLibrary(db: Db, filter: ArticleListFilter = {}): ArticleList {
  // Only columns of the covering index `articles_list` (migration 0003): an index-only scan, in list order.
  const rows = db
    .prepare(
      `SELECT id, title, byline, source, url, published_at AS publishedAt, imported_at AS importedAt,
              updated_at AS updatedAt, language, direction, original_name AS originalName, media_type AS mediaType,
              content_sha256 AS contentSha256
       FROM articles
       ${filter.id !== undefined ? 'WHERE id = @id' : ''}
       ORDER BY imported_at DESC, id DESC`,
    )
    .all(filter.id !== undefined ? { id: filter.id } : {}) as Omit<Row, 'highlights' | 'orphans'>[];
  const counts = new Map(
    (
      db
        .prepare(
          `SELECT article_id AS id, SUM(status = 'anchored') AS highlights, SUM(status = 'orphaned') AS orphans
           FROM annotations GROUP BY article_id`,
        )
        .all() as { id: string; highlights: number; orphans: number }[]
    ).map((c) => [c.id, c]),
  );
  const previews = textPreviews(db, rows.map((r) => r.contentSha256));

  const tagsByArticle = new Map<string, string[]>();
  const tagRows = db
    .prepare(
      `SELECT at.article_id AS articleId, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
       ORDER BY t.name COLLATE NOCASE`,
    )
    .all() as { articleId: string; name: string }[];
  for (const { articleId, name } of tagRows) {
    const list = tagsByArticle.get(articleId);
    if (list) list.push(name);
    else tagsByArticle.set(articleId, [name]);
  }

  const all: ArticleListRow[] = rows.map(({ contentSha256, ...row }) => {
    const preview = previews.get(contentSha256) ?? { excerpt: '', characters: 0 };
    const count = counts.get(row.id);
    return { ...row, highlights: count?.highlights ?? 0, orphans: count?.orphans ?? 0, tags: tagsByArticle.get(row.id) ?? [], ...preview };
  });

  const facets = {
    tags: countFacet(all.flatMap((a) => a.tags)),
    sources: countFacet(all.map((a) => a.source).filter((s): s is string => !!s)),
    languages: countFacet(all.map((a) => a.language).filter((s): s is string => !!s)),
  };

  const fold = (s: string): string => s.normalize('NFC').toLocaleLowerCase();
  let articles = all;
  if (filter.tag !== undefined) {
    const tag = fold(filter.tag.trim());
    articles = articles.filter((a) => a.tags.some((t) => fold(t) === tag));
  }
  if (filter.source !== undefined) articles = articles.filter((a) => a.source === filter.source);
  if (filter.language !== undefined) articles = articles.filter((a) => a.language === filter.language);
  if (filter.hasHighlights !== undefined) {
    articles = articles.filter((a) => a.highlights + a.orphans > 0 === filter.hasHighlights);
  }
  if (filter.sort && filter.sort !== 'imported') articles = sortArticles(articles, filter.sort, filter.order);
  else if (filter.order === 'asc') articles = [...articles].reverse();

  return { articles, total: all.length, facets };
}

/**
 * Excerpt and length depend only on the plain text, whose hash every row carries: they are cached by
 * that hash, so listing a big library does not re-read every article's text each time (reading the
 * text is most of the cost of a list: ~0.5 s for 10,000 articles of 20 KB, against ~0.1 s without).
 */
const previewCache = new Map<string, { excerpt: string; characters: number }>();
const PREVIEW_CACHE_LIMIT = 100_000;

function textPreviews(db: Db, hashes: readonly string[]): Map<string, { excerpt: string; characters: number }> {
  const missing = [...new Set(hashes.filter((h) => !previewCache.has(h)))];
  if (previewCache.size + missing.length > PREVIEW_CACHE_LIMIT) previewCache.clear();
  const read = db.prepare(
    `SELECT content_sha256 AS hash, substr(body_text, 1, ${EXCERPT_CHARS + 40}) AS head, length(body_text) AS characters
     FROM articles WHERE content_sha256 = ?`,
  );
  for (const hash of missing) {
    const row = read.get(hash) as { hash: string; head: string; characters: number } | undefined;
    if (row) previewCache.set(hash, { excerpt: excerptOf(row.head), characters: row.characters });
  }
  const result = new Map<string, { excerpt: string; characters: number }>();
  for (const hash of hashes) {
    const preview = previewCache.get(hash);
    if (preview) result.set(hash, preview);
  }
  return result;
}

/** The first words of the text on one line, cut at a word boundary. */
function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_CHARS) return flat;
  const cut = flat.slice(0, EXCERPT_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${space > EXCERPT_CHARS * 0.6 ? cut.slice(0, space) : cut}…`;
}

function countFacet(values: readonly string[]): Facet[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function sortArticles(
  articles: ArticleListRow[],
  sort: NonNullable<ArticleListFilter['sort']>,
  order: ArticleListFilter['order'],
): ArticleListRow[] {
  const ascendingByDefault = sort === 'title' || sort === 'source';
  const direction = (order ?? (ascendingByDefault ? 'asc' : 'desc')) === 'asc' ? 1 : -1;
  const key = (a: ArticleListRow): string | number | null => {
    switch (sort) {
      case 'published':
        return a.publishedAt;
      case 'title':
        return a.title;
      case 'source':
        return a.source;
      case 'highlights':
        return a.highlights;
      default:
        return a.importedAt;
    }
  };
  return [...articles].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    // Missing values (no date, no source) go last whichever the direction.
    if (ka === null || ka === '') return kb === null || kb === '' ? 0 : 1;
    if (kb === null || kb === '') return -1;
    const cmp = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : collator.compare(String(ka), String(kb));
    return cmp * direction || (a.importedAt < b.importedAt ? 1 : -1);
  });
}
