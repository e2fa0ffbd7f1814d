import { deleteArticle, getArticle, isOriginalReferenced, type Article } from './db/articles.js';
import { NotFoundError } from './errors.js';
import type { Library } from './library.js';

/**
 * What `quire show` and the reader get for an article. Other modules extend the details through
 * `registerArticleDetail` (annotations, backlinks) so this file does not grow a dependency on each.
 */
export type ArticleDetails = Omit<Article, 'bodyJson' | 'contentSha256'> & Record<string, unknown>;

type DetailProvider = (library: Library, articleId: string) => Record<string, unknown>;
const detailProviders: DetailProvider[] = [];

export function registerArticleDetail(provider: DetailProvider): void {
  detailProviders.push(provider);
}

export function articleDetails(library: Library, id: string): ArticleDetails | undefined {
  const article = getArticle(library.db, id);
  if (!article) return undefined;
  const { bodyJson: _bodyJson, contentSha256: _contentSha256, ...rest } = article;
  let details: ArticleDetails = rest;
  for (const provider of detailProviders) details = { ...details, ...provider(library, id) };
  return details;
}

/** Deletes an article in one transaction, then its original file if no other article shares it. */
export function deleteArticleWithOriginal(library: Library, id: string): void {
  const removed = library.db.transaction(() => {
    const result = deleteArticle(library.db, id);
    if (!result) throw new NotFoundError('article', id);
    if (result.originalSha256 && isOriginalReferenced(library.db, result.originalSha256)) return null;
    return result.originalSha256;
  })();
  if (removed) library.originals.remove(removed);
}
