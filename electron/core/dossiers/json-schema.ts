/**
 * The dossier JSON file (`quire export --format json`, `quire import dossier.json`): its schema,
 * version 1. Documented for humans in docs/dossier-json.md; keep both in step.
 *
 * Design: self-contained and lossless. The file carries the dossier, every article it needs (with
 * its document, metadata and, by default, the original file's bytes), all highlights of those
 * articles, the notes it includes and the labels they use. Documents are embedded as JSON objects
 * (Lexical's serialized state) so the file is readable and diffable. Labels are identified by name
 * (that is how they are matched on import), articles by content hash, everything else by id.
 */
import { z } from 'zod';

export const DOSSIER_JSON_FORMAT = 'quire-dossier' as const;
export const DOSSIER_JSON_VERSION = 1 as const;

/** A Lexical serialized document: an object with a root node (checked in depth on import). */
const lexicalDocument = z.looseObject({ root: z.looseObject({ type: z.literal('root'), children: z.array(z.unknown()) }) });

const isoString = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => z.string().max(max).nullable();
const id = z.string().min(1).max(200);

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
});

export const dossierFileSchema = z.strictObject({
  format: z.literal(DOSSIER_JSON_FORMAT),
  version: z.literal(DOSSIER_JSON_VERSION),
  exportedAt: isoString,
  generator: text(200),
  dossier: jsonDossierSchema,
  /** In dossier order. */
  items: z.array(jsonItemSchema),
  articles: z.array(jsonArticleSchema),
  annotations: z.array(jsonAnnotationSchema),
  notes: z.array(jsonNoteSchema),
  labels: z.array(jsonLabelSchema),
});

export type DossierFile = z.infer<typeof dossierFileSchema>;
export type JsonArticle = z.infer<typeof jsonArticleSchema>;
export type JsonAnnotation = z.infer<typeof jsonAnnotationSchema>;
export type JsonNote = z.infer<typeof jsonNoteSchema>;
export type JsonItem = z.infer<typeof jsonItemSchema>;
export type JsonLabel = z.infer<typeof jsonLabelSchema>;
