/**
 * The library and its articles: listing with facets, one article with everything stored about it,
 * delete with undo, tags, metadata, and the bundled sample article.
 *
 * Pure (zod only): the renderer imports the types.
 */
import { z } from 'zod';
import { defineContract } from '../define.js';
import {
  annotationSnapshotShape,
  articleSourceShape,
  deletedWithSnapshotSchema,
  directionSchema as direction,
  emptyInputSchema,
  idInputSchema,
  idSchema as id,
  restoreInputSchema,
} from './common.js';

/** Dates are ISO 8601 strings as stored (a date, or a date and time). */
const isoDate = z.string().max(64);

export const libraryInfoSchema = z.object({
  path: z.string(),
  schemaVersion: z.number().int(),
  articles: z.number().int(),
  annotations: z.number().int(),
  notes: z.number().int(),
  dossiers: z.number().int(),
  labels: z.number().int(),
});

/** One row of the library list: no body, but what the list shows and filters on. */
export const articleListItemSchema = z.object({
  id: z.string(),
  ...articleSourceShape,
  updatedAt: z.string(),
  language: z.string().nullable(),
  direction,
  tags: z.array(z.string()),
  /** Anchored highlights. */
  highlights: z.number().int(),
  /** Highlights whose text was deleted from the article (kept, shown apart). */
  orphans: z.number().int(),
  /** Length of the plain text in characters (for a reading-time hint). */
  characters: z.number().int(),
  /** The beginning of the text, for a preview line. */
  excerpt: z.string(),
  originalName: z.string().nullable(),
  mediaType: z.string().nullable(),
});

const facetSchema = z.object({ value: z.string(), count: z.number().int() });

export const articleSortSchema = z.enum(['imported', 'published', 'title', 'source', 'highlights']);

export const articleListInputSchema = z
  .object({
    /** Only articles carrying this tag (case-insensitive). */
    tag: z.string().max(200).optional(),
    source: z.string().max(500).optional(),
    language: z.string().max(20).optional(),
    hasHighlights: z.boolean().optional(),
    sort: articleSortSchema.optional(),
    /** Default: descending for dates and highlight counts, ascending for title and source. */
    order: z.enum(['asc', 'desc']).optional(),
  })
  .strict();

export const articleListSchema = z.object({
  articles: z.array(articleListItemSchema),
  /** How many articles the library holds (before filters). */
  total: z.number().int(),
  /** Facets over the whole library (not the filtered list), for the filter menus. */
  facets: z.object({
    tags: z.array(facetSchema),
    sources: z.array(facetSchema),
    languages: z.array(facetSchema),
  }),
});

/** Everything stored about an article: the reader and the metadata panel. */
export const articleSchema = articleListItemSchema.omit({ excerpt: true }).extend({
  /** The Lexical document (serialized editor state) as JSON text. */
  bodyJson: z.string(),
  /** The plain text all offsets refer to (see electron/common/document.ts). */
  text: z.string(),
  /** SHA-256 of the original file, when the article came from a file. */
  sha256: z.string().nullable(),
  /** SHA-256 of the article's plain text (how duplicates are recognised). */
  contentSha256: z.string(),
});

const snapshotArticleSchema = z
  .object({
    id,
    ...articleSourceShape,
    updatedAt: z.string(),
    language: z.string().nullable(),
    direction,
    bodyJson: z.string(),
    text: z.string(),
    originalName: z.string().nullable(),
    mediaType: z.string().nullable(),
    originalSha256: z.string().nullable(),
    contentSha256: z.string(),
  })
  .strict();

const snapshotAnnotationSchema = z
  .object({ id, ...annotationSnapshotShape(z.number().int()) })
  .strict();

/**
 * What `articles.delete` hands back so that `articles.restore` can undo it: the article row, its tags,
 * its highlights with their tags, and the notes that pointed at it. Opaque to the renderer: keep it, pass it back.
 */
export const deletedArticleSnapshotSchema = z
  .object({
    version: z.literal(1),
    article: snapshotArticleSchema,
    tags: z.array(z.string()),
    annotations: z.array(snapshotAnnotationSchema),
    noteIds: z.array(z.string()),
  })
  .strict();

const metadataPatchSchema = z
  .object({
    title: z.string().trim().min(1, 'The title cannot be empty.').max(1000).optional(),
    byline: z.string().trim().max(1000).nullable().optional(),
    source: z.string().trim().max(1000).nullable().optional(),
    url: z.string().trim().max(4000).nullable().optional(),
    publishedAt: isoDate.nullable().optional(),
    language: z.string().trim().max(20).nullable().optional(),
    direction: direction.optional(),
  })
  .strict();

export const articlesContract = defineContract({
  'library.info': {
    summary: 'The library folder, its schema version and how many articles, highlights, notes, dossiers and labels it holds.',
    input: emptyInputSchema,
    output: libraryInfoSchema,
  },
  'articles.list': {
    summary: 'Every article (no body) with highlight counts and tags, optionally filtered and sorted, plus facets for the filters.',
    input: articleListInputSchema,
    output: articleListSchema,
  },
  'articles.get': {
    summary: 'One article with its document, plain text, metadata, tags and provenance.',
    input: idInputSchema,
    output: articleSchema,
  },
  'articles.delete': {
    summary: 'Deletes an article with its highlights; returns a snapshot that articles.restore takes to undo.',
    input: idInputSchema,
    output: deletedWithSnapshotSchema(deletedArticleSnapshotSchema),
    mutates: true,
  },
  'articles.restore': {
    summary: 'Undoes articles.delete from its snapshot: the article, its tags and highlights come back as they were.',
    input: restoreInputSchema(deletedArticleSnapshotSchema),
    output: z.object({ id: z.string() }),
    mutates: true,
  },
  'articles.setTags': {
    summary: "Replaces an article's tags.",
    input: z.object({ id, tags: z.array(z.string().max(200)).max(500) }).strict(),
    output: z.object({ id: z.string(), tags: z.array(z.string()) }),
    mutates: true,
  },
  'articles.updateMetadata': {
    summary: "Changes an article's title, byline, source, URL, publication date, language or direction.",
    input: z.object({ id, patch: metadataPatchSchema }).strict(),
    output: articleListItemSchema,
    mutates: true,
  },
  'samples.openBundled': {
    summary: 'Imports the sample article bundled with Quire (or finds it if already imported) and returns its id.',
    input: emptyInputSchema,
    output: z.object({ id: z.string(), title: z.string(), created: z.boolean() }),
    mutates: true,
  },

});

export type ArticleListItem = z.output<typeof articleListItemSchema>;
export type ArticleFull = z.output<typeof articleSchema>;
export type DeletedArticleSnapshot = z.output<typeof deletedArticleSnapshotSchema>;
export type ArticleListInput = z.output<typeof articleListInputSchema>;
