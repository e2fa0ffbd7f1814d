/**
 * Schemas more than one domain contract uses: ids, offsets, documents, the article's citation fields,
 * labels, highlights and the delete/restore (undo) pair. One definition each, so that a highlight or an
 * article source looks the same in every method that returns one.
 *
 * Pure (zod only): the renderer imports the types.
 */
import { z } from 'zod';

/** An id given as input. */
export const idSchema = z.string().min(1).max(200);
/** An offset in an article's plain text (UTF-16 code units). */
export const offsetSchema = z.number().int().min(0);
/** Lexical serialized state as JSON text (checked in the main process). */
export const documentJsonSchema = z.string().min(2).max(20_000_000);
export const directionSchema = z.enum(['ltr', 'rtl']);
/** `orphaned`: the quoted text is no longer in the article; kept with its note until re-attached or deleted. */
export const annotationStatusSchema = z.enum(['anchored', 'orphaned']);

/** The input of methods that take nothing. */
export const emptyInputSchema = z.object({}).strict();
/** The input of methods that take one id (get, delete…). */
export const idInputSchema = z.object({ id: idSchema }).strict();

/**
 * What cites an article, as every list row, citation and undo snapshot carries it (after the article's id).
 * `publishedAt` and `importedAt` are ISO 8601 strings as stored.
 */
export const articleSourceShape = {
  title: z.string(),
  byline: z.string().nullable(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  importedAt: z.string(),
};

/** A label as a highlight shows it: its name and colour (`#RRGGBB`, upper case). */
export const labelBadgeSchema = z.object({ name: z.string(), color: z.string() });
/** A label referred to by a highlight: id, name and colour. */
export const labelRefSchema = z.object({ id: z.string(), ...labelBadgeSchema.shape });

/** A highlight's content after its ids and label, the same in annotations.* and in notes' citations. */
export const highlightContentShape = {
  /** The note's plain text ('' when none). */
  note: z.string(),
  /** The note as Lexical JSON, or null when none. */
  noteJson: z.string().nullable(),
  /** The highlighted text (W3C TextQuoteSelector `exact`), with up to 32 characters of context each side. */
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  /** Offsets in the plain text; null when orphaned. */
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
  status: annotationStatusSchema,
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/**
 * A highlight's stored fields in an undo snapshot (annotations.delete, articles.delete), after its ids.
 * `offset` is how start and end are checked: each snapshot keeps its own rule.
 */
export function annotationSnapshotShape(offset: z.ZodNumber) {
  return {
    labelId: z.string().nullable(),
    noteJson: z.string().nullable(),
    noteText: z.string(),
    quote: z.string(),
    prefix: z.string(),
    suffix: z.string(),
    start: offset.nullable(),
    end: offset.nullable(),
    status: annotationStatusSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    tags: z.array(z.string()),
    /** Its place on the timeline (docs/timeline.md); absent in snapshots from before the timeline. */
    timeline: z
      .object({
        date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
        precision: z.enum(['day', 'month', 'year']),
        title: z.string().max(500).nullable(),
        sentence: z.string().max(5000).nullable(),
      })
      .strict()
      .nullable()
      .optional(),
  };
}

/** What a delete with undo returns: the id, the title (for "Deleted …  Undo") and the opaque snapshot. */
export function deletedWithSnapshotSchema<S extends z.ZodType>(snapshot: S) {
  return z.object({ id: z.string(), title: z.string(), snapshot });
}

/** The input of a `*.restore`: the snapshot its delete returned. */
export function restoreInputSchema<S extends z.ZodType>(snapshot: S) {
  return z.object({ snapshot }).strict();
}
