/** The shapes the screens use, all derived from the API contract (never written twice). */
import type { ApiContract } from '../../../electron/api/contract';
import type { OutputOf } from '../../../electron/api/define';

export type ArticleList = OutputOf<ApiContract, 'articles.list'>;
export type ArticleListItem = ArticleList['articles'][number];
export type Facet = ArticleList['facets']['tags'][number];
export type Article = OutputOf<ApiContract, 'articles.get'>;
export type DeletedArticle = OutputOf<ApiContract, 'articles.delete'>;
export type Label = OutputOf<ApiContract, 'labels.list'>[number];
export type Annotation = OutputOf<ApiContract, 'annotations.list'>[number];
export type SearchResult = OutputOf<ApiContract, 'search.query'>;
export type SearchHit = SearchResult['results'][number];
