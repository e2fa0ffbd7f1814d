/**
 * What is indexed, as data: every document type maps its columns onto the same small set of fields,
 * so a new type (or a new column) is a new entry here and in source.ts, not a new index.
 */
import type { SearchDocType } from './types.js';

export const FIELDS = ['title', 'body', 'note', 'source', 'byline', 'tag', 'label'] as const;
export type FieldName = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;
export const FIELD: Readonly<Record<FieldName, number>> = {
  title: 0,
  body: 1,
  note: 2,
  source: 3,
  byline: 4,
  tag: 5,
  label: 6,
};

/** Relevance weight of a match in each field: a title match says more than a body match. */
export const FIELD_BOOST: readonly number[] = [3, 1, 1.2, 1.5, 1.5, 2, 1.5];

/** Fields a free word (no field: prefix) is looked up in. */
export const FREE_FIELDS: readonly number[] = [0, 1, 2, 3, 4, 5, 6];

export const DOC_TYPES: readonly SearchDocType[] = ['article', 'annotation', 'note'];
export const DOC_TYPE_CODE: Readonly<Record<SearchDocType, number>> = { article: 0, annotation: 1, note: 2 };

/** No published date: such a document never matches a date filter. */
export const NO_DATE = -0x80000000;

/** A document as the indexer sees it: text per field plus the attributes filters use. */
export interface IndexDoc {
  readonly type: SearchDocType;
  readonly id: string;
  readonly fields: Partial<Readonly<Record<FieldName, string>>>;
  readonly lang: string | null;
  /** Days since 1970-01-01, or NO_DATE. */
  readonly date: number;
}

/** The key of a document across types (ids are unique per table, not across tables). */
export function docKey(type: SearchDocType, id: string): string {
  return `${DOC_TYPE_CODE[type]}:${id}`;
}
