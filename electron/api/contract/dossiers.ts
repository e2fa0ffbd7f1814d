/**
 * Dossiers: metadata (title, subtitle, author, date, marking line, summary) and the ordered items of
 * the dossier builder. Positions are 0-based here (the CLI shows them from 1).
 *
 * Pure (zod only): the renderer imports the types.
 */
import { z } from 'zod';
import { defineContract } from '../define.js';
import {
  deletedWithSnapshotSchema,
  documentJsonSchema as documentJson,
  idInputSchema,
  idSchema as id,
  labelBadgeSchema,
  restoreInputSchema,
} from './common.js';

export const dossierItemKindSchema = z.enum(['heading', 'article', 'annotation', 'note']);
export const dossierItemOptionsSchema = z.object({ highlightsOnly: z.boolean().optional() });

const dossierRowShape = {
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  author: z.string().nullable(),
  /** The date printed on the cover (YYYY-MM-DD from the app; free text accepted). */
  date: z.string().nullable(),
  /** Printed at the top and bottom of every page. */
  marking: z.string().nullable(),
  /** The summary as Lexical JSON text (null when empty) and its plain text. */
  summaryJson: z.string().nullable(),
  summaryText: z.string(),
  /** Print a chronology section (the dossier's dated events, docs/timeline.md). */
  includeChronology: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const dossierItemRowSchema = z.object({
  id: z.string(),
  dossierId: z.string(),
  position: z.number().int(),
  kind: dossierItemKindSchema,
  refId: z.string().nullable(),
  heading: z.string().nullable(),
  options: dossierItemOptionsSchema,
  refTitle: z.string().nullable(),
});

export const dossierItemViewSchema = dossierItemRowSchema.extend({
  /** Heading text, article title, the highlight's quote, or the note's title. */
  title: z.string(),
  detail: z.string().nullable(),
  /** The referent was deleted from the library. */
  missing: z.boolean(),
  /** The article to open for this item. */
  articleId: z.string().nullable(),
  label: labelBadgeSchema.nullable(),
  highlightCount: z.number().int().nullable(),
});

export const dossierSchema = z.object({ ...dossierRowShape, items: z.array(dossierItemViewSchema) });

export const dossierSummarySchema = z.object({
  ...dossierRowShape,
  itemCount: z.number().int(),
  /** With `containing`: whether this dossier already holds that article, highlight or note. */
  contains: z.boolean().optional(),
});

const line = (max: number) => z.string().max(max);

export const dossierPatchSchema = z
  .object({
    title: line(500).optional(),
    subtitle: line(1000).nullable().optional(),
    author: line(500).nullable().optional(),
    date: line(100).nullable().optional(),
    marking: line(300).nullable().optional(),
    summaryJson: documentJson.nullable().optional(),
    summaryText: z.string().max(1_000_000).nullable().optional(),
    includeChronology: z.boolean().optional(),
  })
  .strict();

/** What dossiers.delete hands back so dossiers.restore can undo it. Opaque to the renderer. */
export const deletedDossierSnapshotSchema = z
  .object({
    version: z.literal(1),
    dossier: z.object(dossierRowShape).strict(),
    items: z.array(dossierItemRowSchema.strict()).max(100_000),
  })
  .strict();

export const dossiersContract = defineContract({
  'dossiers.list': {
    summary: 'Dossiers, most recently edited first, with item counts; `containing` marks those that hold an id.',
    input: z.object({ containing: id.optional() }).strict(),
    output: z.object({ dossiers: z.array(dossierSummarySchema) }),
  },
  'dossiers.get': {
    summary: 'One dossier with its items in order, each described for the builder (title, detail, missing).',
    input: idInputSchema,
    output: dossierSchema,
  },
  'dossiers.create': {
    summary: 'Creates a dossier (dated today unless a date is given).',
    input: dossierPatchSchema.extend({ title: line(500) }).strict(),
    output: dossierSchema,
  },
  'dossiers.update': {
    summary: "Changes a dossier's title, subtitle, author, date, marking or summary (null clears).",
    input: z.object({ id, patch: dossierPatchSchema }).strict(),
    output: dossierSchema,
  },
  'dossiers.duplicate': {
    summary: 'Copies a dossier with its items.',
    input: z.object({ id, title: line(500).optional() }).strict(),
    output: dossierSchema,
  },
  'dossiers.delete': {
    summary: 'Deletes a dossier (nothing in the library); returns a snapshot that dossiers.restore takes to undo.',
    input: idInputSchema,
    output: deletedWithSnapshotSchema(deletedDossierSnapshotSchema),
  },
  'dossiers.restore': {
    summary: 'Undoes dossiers.delete.',
    input: restoreInputSchema(deletedDossierSnapshotSchema),
    output: dossierSchema,
  },
  'dossiers.addItems': {
    summary: 'Adds articles, highlights or notes by id (and/or a section heading), at the end or at a position.',
    input: z
      .object({
        dossierId: id,
        ids: z.array(id).max(10_000).optional(),
        heading: line(500).optional(),
        highlightsOnly: z.boolean().optional(),
        position: z.number().int().min(0).optional(),
      })
      .strict(),
    output: z.object({
      dossier: dossierSchema,
      added: z.array(dossierItemRowSchema),
      skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
    }),
  },
  'dossiers.removeItem': {
    summary: 'Removes an item (by item id or referenced id); returns the removed item so it can be put back.',
    input: z.object({ dossierId: id, itemId: id }).strict(),
    output: z.object({ dossier: dossierSchema, removed: dossierItemRowSchema }),
  },
  'dossiers.moveItem': {
    summary: 'Moves an item to a 0-based position.',
    input: z.object({ dossierId: id, itemId: id, position: z.number().int().min(0) }).strict(),
    output: dossierSchema,
  },
  'dossiers.reorder': {
    summary: "Sets the whole order at once (drag and drop): the ids must be exactly the dossier's items.",
    input: z.object({ dossierId: id, itemIds: z.array(id).max(100_000) }).strict(),
    output: dossierSchema,
  },
  'dossiers.setItemOptions': {
    summary: "Sets an item's options: whole text or highlights only (articles), heading text (headings).",
    input: z.object({ dossierId: id, itemId: id, highlightsOnly: z.boolean().optional(), heading: line(500).optional() }).strict(),
    output: dossierSchema,
  },
});

export type DossierDto = z.output<typeof dossierSchema>;
export type DossierItemDto = z.output<typeof dossierItemViewSchema>;
export type DossierSummaryDto = z.output<typeof dossierSummarySchema>;
export type DossierPatchDto = z.input<typeof dossierPatchSchema>;
export type DeletedDossierSnapshot = z.output<typeof deletedDossierSnapshotSchema>;
