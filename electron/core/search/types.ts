/**
 * What the rest of Quire sees of search. The implementation (MiniSearch shards in a worker thread,
 * persisted with the change-log position) lives beside this file.
 */
export type SearchDocType = 'article' | 'annotation' | 'note';

export interface SearchMatch {
  /** Which field matched: title, body, quote, note, label, source, byline, tags. */
  readonly field: string;
  /** Offsets in `snippet` (UTF-16 code units), for marking the match. */
  readonly start: number;
  readonly end: number;
}

export interface SearchHit {
  readonly type: SearchDocType;
  readonly id: string;
  /** The article the hit belongs to (itself for articles; null for a free-standing note). */
  readonly articleId: string | null;
  readonly title: string;
  readonly score: number;
  readonly snippet: string;
  readonly matches: readonly SearchMatch[];
  /** Where the matched words (as written: "embassies" for embassy) are in `title`. */
  readonly titleMatches?: readonly { readonly start: number; readonly end: number }[];
  /** For body matches of articles: where the first match is in the article's plain text, to scroll the reader there. */
  readonly textStart?: number;
  readonly textEnd?: number;
}

/** Facets the UI offers beside the query box; the same as writing tag:, label:, source:, lang:, after:, before:. */
export interface SearchFilters {
  readonly tags?: readonly string[];
  readonly labels?: readonly string[];
  readonly source?: string;
  readonly langs?: readonly string[];
  /** Published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD). */
  readonly after?: string;
  /** Published before this date. */
  readonly before?: string;
}

export interface SearchRequest {
  readonly query: string;
  readonly type?: SearchDocType;
  readonly limit?: number;
  readonly filters?: SearchFilters;
}

export interface SearchResponse {
  readonly total: number;
  readonly results: readonly SearchHit[];
  /** A malformed query gets results for what could be understood plus this message, never an exception. */
  readonly warning?: string;
  /** False while the index is still loading or rebuilding in the background. */
  readonly ready: boolean;
  /** True when `total` was extrapolated (a phrase matched by very many documents is checked only for the first pages). */
  readonly totalIsEstimate?: boolean;
}

export interface SearchStatus {
  /** The index reflects the whole library (not loading, not rebuilding). */
  readonly ready: boolean;
  /** Documents searchable right now. */
  readonly indexed: number;
  readonly rebuilding: boolean;
  /** Rebuild progress, while rebuilding. */
  readonly progress?: { readonly done: number; readonly total: number };
  /** The change-log position the index reflects. */
  readonly seq: number;
  /** The last problem met (for example the index could not be saved); search still works. */
  readonly error?: string;
}

export interface SearchService {
  search(request: SearchRequest): Promise<SearchResponse>;
  /** Catch up with the change log now (called after every write made through the API). */
  refresh(): Promise<void>;
  /** Throw the index away and rebuild it from the database. */
  rebuild(): Promise<void>;
  /** Whether the index is ready, how much is indexed, rebuild progress. */
  status?(): Promise<SearchStatus>;
  close(): Promise<void>;
}
