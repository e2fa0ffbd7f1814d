/**
 * The library list reads every article's metadata. In the `articles` table each row starts on a page
 * shared with the beginning of its (large) body, so a table scan reads the whole table's first pages:
 * ~0.2 s for 10,000 articles. This covering index holds exactly what the list shows, in the list's
 * order, so listing is an index-only scan (~0.03 s). It supersedes the plain imported_at index.
 */
export const version = 3;
export const name = 'article_list_index';
export const sql = /* sql */ `
CREATE INDEX articles_list ON articles (
  imported_at, id, title, byline, source, url, published_at, updated_at, language, direction,
  content_sha256, original_name, media_type
);
DROP INDEX IF EXISTS articles_imported_at;
`;
