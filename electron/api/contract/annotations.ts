/**
 * Highlights (annotations) and their labels, and saving an edited article text under them.
 *
 * Offsets are UTF-16 code units in the article's plain text (`documentPlainText(bodyJson)`, the
 * `text` of `articles.get`). Highlights are not stored in the article's document: the reader wraps
 * each anchored highlight's [start, end) in a MarkNode whose id is the annotation id.
 *
 * Pure (zod only): the renderer imports the types.
 */
import { z } from 'zod';
import { defineContract } from '../define.js';
import {
  annotationSnapshotShape,
  annotationStatusSchema as status,
  documentJsonSchema as documentJson,
  emptyInputSchema,
  highlightContentShape,
  idInputSchema,
  idSchema as id,
  labelRefSchema,
  offsetSchema as offset,
  restoreInputSchema,
} from './common.js';

const tags = z.array(z.string().max(200)).max(200);

/** A label: the analyst's code for a kind of highlight. */
export const labelSchema = labelRefSchema.extend({
  /** 1-based place in the label list. */
  position: z.number().int(),
  /** The digit key (1–9) that applies it in the reader, or null. */
  shortcut: z.number().int().nullable(),
  /** How many highlights use it. */
  annotations: z.number().int(),
});

/** A highlight as the reader, the sidebar and the orphan list show it. */
export const annotationSchema = z.object({
  /** Also the id of the MarkNode that shows it in the reader. */
  id: z.string(),
  articleId: z.string(),
  labelId: z.string().nullable(),
  /** The label's name, or null without a label. */
  label: z.string().nullable(),
  /** The label's colour, or null. */
  color: z.string().nullable(),
  ...highlightContentShape,
});

/** What `annotations.delete` returns so that `annotations.restore` can undo it exactly. Opaque: keep it, pass it back. */
export const deletedAnnotationSchema = z
  .object({ id, articleId: id, ...annotationSnapshotShape(offset) })
  .strict();

/** A note from the note editor: Lexical JSON and its plain text (derived from the JSON when empty). */
const noteInput = z.object({ json: documentJson, text: z.string().max(5_000_000) }).strict();

/** How an annotation was placed after a text change: by its mark, by the re-anchoring cascade, or not. */
export const placementSchema = z.enum(['mark', 'unchanged', 'quote', 'fuzzy', 'orphaned']);

export const reanchoredAnnotationSchema = annotationSchema.extend({
  method: placementSchema,
  previous: z.object({ start: z.number().int().nullable(), end: z.number().int().nullable(), status }),
});

/** The outcome of a text change: the new text and every highlight of the article with where it went. */
export const textUpdateSchema = z.object({
  articleId: z.string(),
  text: z.string(),
  textChanged: z.boolean(),
  annotations: z.array(reanchoredAnnotationSchema),
  counts: z.object({ anchored: z.number().int(), orphaned: z.number().int() }),
});

/** A mark's range in the edited document's plain text (several entries for one id: a split mark, merged). */
const markRange = z.object({ id, start: offset, end: offset }).strict();

export const annotationsContract = defineContract({
  'labels.list': {
    summary: 'Every label in list order, with its colour, shortcut and how many highlights use it.',
    input: emptyInputSchema,
    output: z.array(labelSchema),
  },
  'labels.create': {
    summary: 'Adds a label at the end of the list (default colour: the next unused one; shortcut: the next free digit).',
    input: z
      .object({ name: z.string().max(200), color: z.string().max(20).optional(), shortcut: z.number().int().min(1).max(9).nullable().optional() })
      .strict(),
    output: labelSchema,
    mutates: true,
  },
  'labels.update': {
    summary: 'Renames, recolours or changes the shortcut of a label (shortcut null removes it).',
    input: z
      .object({
        id,
        patch: z
          .object({
            name: z.string().max(200).optional(),
            color: z.string().max(20).optional(),
            shortcut: z.number().int().min(1).max(9).nullable().optional(),
          })
          .strict(),
      })
      .strict(),
    output: labelSchema,
    mutates: true,
  },
  'labels.reorder': {
    summary: 'Sets the order of the labels; `ids` lists every label once. Returns the labels in the new order.',
    input: z.object({ ids: z.array(id).max(1000) }).strict(),
    output: z.array(labelSchema),
    mutates: true,
  },
  'labels.delete': {
    summary:
      'Deletes a label. If highlights use it, give `reassignTo` (another label id) or `clear: true`; otherwise the call fails with code label_in_use.',
    input: z.object({ id, reassignTo: id.optional(), clear: z.literal(true).optional() }).strict(),
    output: z.object({ id: z.string(), name: z.string(), annotations: z.number().int(), reassignedTo: z.string().nullable() }),
    mutates: true,
  },
  'annotations.list': {
    summary: "An article's highlights (anchored in text order, then orphans), or the whole library's; optionally only one status.",
    input: z.object({ articleId: id.optional(), status: status.optional() }).strict(),
    output: z.array(annotationSchema),
  },
  'annotations.get': {
    summary: 'One highlight.',
    input: idInputSchema,
    output: annotationSchema,
  },
  'annotations.create': {
    summary:
      'Highlights [start, end) of the article plain text. Pass the selected text as `quote`: if the article changed meanwhile the call fails (quote_mismatch) instead of highlighting the wrong words.',
    input: z
      .object({
        articleId: id,
        start: offset,
        end: offset,
        quote: z.string().max(1_000_000).optional(),
        labelId: id.nullable().optional(),
        note: noteInput.nullable().optional(),
        tags: tags.optional(),
      })
      .strict(),
    output: annotationSchema,
    mutates: true,
  },
  'annotations.update': {
    summary: 'Changes the label (null: none), the note (null: none) or the tags (replaced) of a highlight.',
    input: z
      .object({ id, labelId: id.nullable().optional(), note: noteInput.nullable().optional(), tags: tags.optional() })
      .strict(),
    output: annotationSchema,
    mutates: true,
  },
  'annotations.delete': {
    summary: 'Deletes a highlight with its note and tags; returns the snapshot annotations.restore takes to undo.',
    input: idInputSchema,
    output: z.object({ id: z.string(), snapshot: deletedAnnotationSchema }),
    mutates: true,
  },
  'annotations.restore': {
    summary:
      'Undoes annotations.delete: the highlight comes back with its id, note and tags (re-anchored if the text changed meanwhile; without a label if that label was deleted).',
    input: restoreInputSchema(deletedAnnotationSchema),
    output: annotationSchema,
    mutates: true,
  },
  'annotations.attach': {
    summary: 'Re-attaches a highlight (an orphan, usually) to [start, end) of its article; `quote` is checked like in create.',
    input: z.object({ id, start: offset, end: offset, quote: z.string().max(1_000_000).optional() }).strict(),
    output: annotationSchema,
    mutates: true,
  },
  'articles.saveEdit': {
    summary:
      'Saves the article edited in the reader: `marks` are the highlights\u2019 ranges in the new plain text; highlights without a mark are re-anchored or orphaned. MarkNodes in bodyJson are read as marks and not stored. One transaction.',
    input: z.object({ articleId: id, bodyJson: documentJson, marks: z.array(markRange).max(100_000) }).strict(),
    output: textUpdateSchema,
    mutates: true,
  },
  'articles.replaceText': {
    summary:
      "Replaces an article's text with plain text (paragraphs split at blank lines), re-anchoring every highlight (the `quire update` of the app).",
    input: z.object({ articleId: id, text: z.string().max(50_000_000) }).strict(),
    output: textUpdateSchema,
    mutates: true,
  },
});

export type LabelItem = z.output<typeof labelSchema>;
export type AnnotationItem = z.output<typeof annotationSchema>;
export type DeletedAnnotationSnapshot = z.output<typeof deletedAnnotationSchema>;
export type TextUpdate = z.output<typeof textUpdateSchema>;
