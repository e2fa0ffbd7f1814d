/**
 * Search: one query box over articles, highlights and notes (see docs/architecture.md, Search).
 * The query language (words, OR, -word, "phrase", title: source: tag: label: lang: type:, after:/before:)
 * is parsed by the search worker; `filters` are the facets the UI shows beside the box and mean the
 * same as the corresponding query words.
 *
 * Pure (zod only): the renderer imports the types.
 */
import { z } from 'zod';
import { defineContract } from '../define.js';

/** What a result can be; the UI's type tabs. */
export const SEARCH_TYPES = ['article', 'annotation', 'note'] as const;
export const searchTypeSchema = z.enum(SEARCH_TYPES);

const dateText = z
  .string()
  .regex(/^\d{4}(-\d{1,2}(-\d{1,2})?)?$/, 'a date as 2024, 2024-03 or 2024-03-15');

/** The filter facets beside the query box. */
export const searchFiltersSchema = z.object({
  tags: z.array(z.string().min(1).max(200)).max(20).optional(),
  labels: z.array(z.string().min(1).max(200)).max(20).optional(),
  source: z.string().min(1).max(500).optional(),
  /** Language codes as shown in the library (en, ar, fa…). */
  langs: z.array(z.string().min(1).max(20)).max(20).optional(),
  /** Published on or after. */
  after: dateText.optional(),
  /** Published before. */
  before: dateText.optional(),
});

export const searchQueryInputSchema = z.object({
  query: z.string().max(2000),
  type: searchTypeSchema.optional(),
  limit: z.number().int().min(1).max(500).optional(),
  filters: searchFiltersSchema.optional(),
});

export const searchMatchSchema = z.object({
  /** title, body, note, label, source, byline, tag. */
  field: z.string(),
  /** Offsets in `snippet` (UTF-16 code units). */
  start: z.number().int(),
  end: z.number().int(),
});

export const searchHitSchema = z.object({
  type: searchTypeSchema,
  id: z.string(),
  /** The article the hit belongs to (itself for an article; null for a note not attached to one). */
  articleId: z.string().nullable(),
  title: z.string(),
  score: z.number(),
  snippet: z.string(),
  matches: z.array(searchMatchSchema),
  /** Where the matched words (as written: "embassies" for embassy) are in `title`. */
  titleMatches: z.array(z.object({ start: z.number().int(), end: z.number().int() })).optional(),
  /** For article body matches: the first match in the article's plain text, to scroll the reader there. */
  textStart: z.number().int().optional(),
  textEnd: z.number().int().optional(),
});

export const searchResponseSchema = z.object({
  total: z.number().int(),
  results: z.array(searchHitSchema),
  /** Said about a malformed query (what was ignored and why); results are for what was understood. */
  warning: z.string().optional(),
  /** False while the index is still loading or rebuilding: results may be incomplete. */
  ready: z.boolean(),
  totalIsEstimate: z.boolean().optional(),
});

export const searchStatusSchema = z.object({
  ready: z.boolean(),
  indexed: z.number().int(),
  rebuilding: z.boolean(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }).optional(),
  seq: z.number().int(),
  error: z.string().optional(),
});

export const searchContract = defineContract({
  'search.query': {
    input: searchQueryInputSchema,
    output: searchResponseSchema,
    summary: 'Searches articles, highlights and notes; results carry snippets with the matches marked.',
  },
  'search.status': {
    input: z.object({}).strict(),
    output: searchStatusSchema,
    summary: 'Whether the search index is ready, how many documents it holds, and rebuild progress.',
  },
  'search.rebuild': {
    input: z.object({}).strict(),
    output: searchStatusSchema,
    summary: 'Rebuilds the search index from the library (searching keeps working meanwhile).',
  },
});

export type SearchQueryInput = z.input<typeof searchQueryInputSchema>;
export type SearchFiltersInput = z.input<typeof searchFiltersSchema>;
export type SearchResponseOutput = z.output<typeof searchResponseSchema>;
export type SearchStatusOutput = z.output<typeof searchStatusSchema>;
