/**
 * Notes: the analyst's writing (Lexical documents) with citations of highlights, and the backlinks
 * an article shows. A citation is a block node `{type:'citation', annotationId, quote, …}` inside the
 * document (electron/common/note-document.ts); the server derives text and backlinks on every save.
 *
 * Pure (zod only): the renderer imports the types.
 */
import { z } from 'zod';
import { defineContract } from '../define.js';
import {
  annotationStatusSchema,
  articleSourceShape,
  deletedWithSnapshotSchema,
  directionSchema as direction,
  documentJsonSchema as documentJson,
  highlightContentShape,
  idInputSchema,
  idSchema as id,
  labelBadgeSchema,
  labelRefSchema,
  restoreInputSchema,
} from './common.js';

export { labelRefSchema };

/** Everything needed to cite an article (source, dates, original file's hash). */
export const articleCitationSchema = z.object({
  articleId: z.string(),
  ...articleSourceShape,
  language: z.string().nullable(),
  direction,
  sha256: z.string().nullable(),
  originalName: z.string().nullable(),
  mediaType: z.string().nullable(),
});

export const annotationRecordSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  label: labelRefSchema.nullable(),
  ...highlightContentShape,
});

export const citationStatusSchema = z.enum(['current', 'changed', 'orphaned', 'deleted']);

/** The block a "Cite" inserts into a note: the highlight's id and a snapshot of quote and source. */
export const citationNodeSchema = z.object({
  type: z.literal('citation'),
  version: z.literal(1),
  annotationId: z.string(),
  quote: z.string(),
  articleId: z.string().nullable(),
  articleTitle: z.string().nullable(),
  source: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

export const noteCitationSchema = z.object({
  annotationId: z.string(),
  /** The quote as cited. */
  quote: z.string(),
  /** The highlight's quote today; null when deleted. */
  currentQuote: z.string().nullable(),
  status: citationStatusSchema,
  annotation: annotationRecordSchema.nullable(),
  article: articleCitationSchema.nullable(),
  snapshot: z.object({
    articleId: z.string().nullable(),
    articleTitle: z.string().nullable(),
    source: z.string().nullable(),
    publishedAt: z.string().nullable(),
  }),
});

export const noteSchema = z.object({
  id: z.string(),
  title: z.string(),
  bodyJson: z.string(),
  text: z.string(),
  articleId: z.string().nullable(),
  article: articleCitationSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  citations: z.array(noteCitationSchema),
});

export const noteSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  excerpt: z.string(),
  articleId: z.string().nullable(),
  articleTitle: z.string().nullable(),
  citationCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const backlinkSchema = noteSummarySchema.extend({
  /** The note is attached to the article (as opposed to only citing it). */
  attached: z.boolean(),
  /** The article's highlights the note cites. */
  annotationIds: z.array(z.string()),
});

/** What notes.delete hands back so notes.restore can undo it. Opaque to the renderer. */
export const deletedNoteSnapshotSchema = z
  .object({
    version: z.literal(1),
    id,
    title: z.string().min(1).max(2000),
    bodyJson: documentJson,
    articleId: id.nullable(),
    createdAt: z.string().max(64),
    updatedAt: z.string().max(64),
  })
  .strict();

const title = z.string().max(2000);

export const citableHighlightSchema = z.object({
  id: z.string(),
  quote: z.string(),
  note: z.string(),
  label: labelBadgeSchema.nullable(),
  status: annotationStatusSchema,
  articleId: z.string(),
  articleTitle: z.string(),
  source: z.string().nullable(),
  publishedAt: z.string().nullable(),
  direction,
});

export const notesContract = defineContract({
  'notes.list': {
    summary: 'Notes, most recently edited first; optionally only those attached to an article.',
    input: z.object({ articleId: id.optional() }).strict(),
    output: z.object({ notes: z.array(noteSummarySchema) }),
  },
  'notes.get': {
    summary: 'One note with its document and each citation compared with the highlight as it is now.',
    input: idInputSchema,
    output: noteSchema,
  },
  'notes.create': {
    summary: 'Creates a note from a document, Markdown or plain text, optionally attached to an article and citing highlights.',
    input: z
      .object({
        title,
        articleId: id.nullable().optional(),
        bodyJson: documentJson.optional(),
        markdown: z.string().max(5_000_000).optional(),
        text: z.string().max(5_000_000).optional(),
        cite: z.array(id).max(500).optional(),
      })
      .strict(),
    output: noteSchema,
    mutates: true,
  },
  'notes.update': {
    summary: "Saves a note's title, document or attached article; text and citations are derived from the document.",
    input: z
      .object({
        id,
        patch: z.object({ title: title.optional(), bodyJson: documentJson.optional(), articleId: id.nullable().optional() }).strict(),
      })
      .strict(),
    output: noteSchema,
    mutates: true,
  },
  'notes.delete': {
    summary: 'Deletes a note; returns a snapshot that notes.restore takes to undo.',
    input: idInputSchema,
    output: deletedWithSnapshotSchema(deletedNoteSnapshotSchema),
    mutates: true,
  },
  'notes.restore': {
    summary: 'Undoes notes.delete.',
    input: restoreInputSchema(deletedNoteSnapshotSchema),
    output: noteSchema,
    mutates: true,
  },
  'notes.backlinks': {
    summary: "The notes that cite an article's highlights or are attached to it.",
    input: z.object({ articleId: id }).strict(),
    output: z.object({ notes: z.array(backlinkSchema) }),
  },
  'notes.citable': {
    summary: 'Highlights to cite or add to a dossier: newest first, one article’s in reading order, or filtered by words.',
    input: z.object({ query: z.string().max(500).optional(), articleId: id.optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    output: z.object({ highlights: z.array(citableHighlightSchema) }),
  },
  'notes.citation': {
    summary: 'The citation block for a highlight (its id, quote and source), ready to insert into a note.',
    input: z.object({ annotationId: id }).strict(),
    output: citationNodeSchema,
  },
});

export type NoteDto = z.output<typeof noteSchema>;
export type NoteSummaryDto = z.output<typeof noteSummarySchema>;
export type NoteCitationDto = z.output<typeof noteCitationSchema>;
export type BacklinkDto = z.output<typeof backlinkSchema>;
export type CitableHighlightDto = z.output<typeof citableHighlightSchema>;
export type CitationNodeDto = z.output<typeof citationNodeSchema>;
export type DeletedNoteSnapshot = z.output<typeof deletedNoteSnapshotSchema>;
