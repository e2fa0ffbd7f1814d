/**
 * The dossier JSON file (`quire export --format json`, `quire import dossier.json`): its schema,
 * version 2 (reads 1). Documented for humans in docs/dossier-json.md; keep both in step.
 *
 * Design: self-contained and lossless. The file carries the dossier, every article it needs (with
 * its document, metadata and, by default, the original file's bytes), all highlights of those
 * articles, the notes it includes and the labels they use. Documents are embedded as JSON objects
 * (Lexical's serialized state) so the file is readable and diffable. Labels are identified by name
 * (that is how they are matched on import), articles by content hash, everything else by id.
 */
import { z } from 'zod';

export const DOSSIER_JSON_FORMAT = 'quire-dossier' as const;
/**
 * 2: the dossier's `includeChronology`, a highlight's `timeline` date and the `chronology` section.
 * Version 1 files (without them) are still read.
 */
export const DOSSIER_JSON_VERSION = 2 as const;

/** A Lexical serialized document: an object with a root node (checked in depth on import). */
const lexicalDocument = z.looseObject({ root: z.looseObject({ type: z.literal('root'), children: z.array(z.unknown()) }) });

const isoString = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => z.string().max(max).nullable();
const id = z.string().min(1).max(200);
/** A timeline date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (checked against its precision on import). */
const eventDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
const eventPrecision = z.enum(['year', 'month', 'day']);

export const jsonLabelSchema = z.strictObject({
  name: text(200).min(1),
  color: text(64),
});

export const jsonOriginalSchema = z.strictObject({
  name: nullableText(1000),
  mediaType: nullableText(200),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The file's bytes, base64; null when exported without originals or the file was not in the library. */
  data: z.string().nullable(),
});

export const jsonArticleSchema = z.strictObject({
  id,
  title: text(2000),
  byline: nullableText(2000),
  source: nullableText(2000),
  url: nullableText(8000),
  publishedAt: nullableText(64),
  importedAt: isoString,
  updatedAt: isoString,
  language: nullableText(32),
  direction: z.enum(['ltr', 'rtl']),
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  tags: z.array(text(200)),
  body: lexicalDocument,
  text: z.string(),
  original: jsonOriginalSchema.nullable(),
});

export const jsonAnnotationSchema = z.strictObject({
  id,
  articleId: id,
  /** The label's name, or null for an unlabelled highlight. */
  label: nullableText(200),
  note: z.strictObject({ json: lexicalDocument.nullable(), text: z.string() }),
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  start: z.number().int().min(0).nullable(),
  end: z.number().int().min(0).nullable(),
  status: z.enum(['anchored', 'orphaned']),
  tags: z.array(text(200)),
  createdAt: isoString,
  updatedAt: isoString,
  /** (v2) The date the analyst gave this highlight on the timeline; null or absent when it is not on it. */
  timeline: z
    .strictObject({ date: eventDate, precision: eventPrecision, title: nullableText(500), sentence: nullableText(5000) })
    .nullable()
    .optional(),
});

export const jsonNoteSchema = z.strictObject({
  id,
  title: text(2000).min(1),
  body: lexicalDocument,
  text: z.string(),
  articleId: id.nullable(),
  createdAt: isoString,
  updatedAt: isoString,
});

export const jsonItemSchema = z.strictObject({
  id,
  kind: z.enum(['heading', 'article', 'annotation', 'note']),
  /** The article, annotation or note id (ids within this file); null for headings. */
  refId: id.nullable(),
  heading: nullableText(2000),
  options: z.strictObject({ highlightsOnly: z.boolean().optional() }),
  refTitle: nullableText(2000),
});

export const jsonDossierSchema = z.strictObject({
  id,
  title: text(2000).min(1),
  subtitle: nullableText(2000),
  author: nullableText(2000),
  date: nullableText(200),
  marking: nullableText(1000),
  summary: z.strictObject({ json: lexicalDocument.nullable(), text: z.string() }),
  createdAt: isoString,
  updatedAt: isoString,
  /** (v2) Print a chronology section; absent in version 1 files (false). */
  includeChronology: z.boolean().optional(),
});

/**
 * (v2) One event of the chronology section, as exported: a reading aid for whoever opens the file.
 * It is derived (from the articles' text and the highlights' `timeline` dates), so an import ignores
 * it and the library derives it again.
 */
export const jsonChronologyEventSchema = z.strictObject({
  date: eventDate,
  precision: eventPrecision,
  kind: z.enum(['mention', 'highlight']),
  articleId: id,
  annotationId: id.nullable(),
  /** Offsets of the date (or the highlight) in the article's `text`; null for an orphaned highlight. */
  start: z.number().int().min(0).nullable(),
  end: z.number().int().min(0).nullable(),
  title: nullableText(500),
  sentence: z.string(),
  flags: z.array(text(40)),
});

export const dossierFileSchema = z.strictObject({
  format: z.literal(DOSSIER_JSON_FORMAT),
  version: z.union([z.literal(1), z.literal(DOSSIER_JSON_VERSION)]),
  exportedAt: isoString,
  generator: text(200),
  dossier: jsonDossierSchema,
  /** In dossier order. */
  items: z.array(jsonItemSchema),
  articles: z.array(jsonArticleSchema),
  annotations: z.array(jsonAnnotationSchema),
  notes: z.array(jsonNoteSchema),
  labels: z.array(jsonLabelSchema),
  /** (v2) With `dossier.includeChronology`: the section's events, earliest first. */
  chronology: z.array(jsonChronologyEventSchema).optional(),
});

export type DossierFile = z.infer<typeof dossierFileSchema>;
export type JsonArticle = z.infer<typeof jsonArticleSchema>;
export type JsonAnnotation = z.infer<typeof jsonAnnotationSchema>;
export type JsonNote = z.infer<typeof jsonNoteSchema>;
export type JsonItem = z.infer<typeof jsonItemSchema>;
export type JsonLabel = z.infer<typeof jsonLabelSchema>;
export type JsonChronologyEvent = z.infer<typeof jsonChronologyEventSchema>;
