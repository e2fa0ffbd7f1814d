/**
 * Lossless dossier JSON: export a dossier with everything it needs (json-export.ts), and import such a
 * file into another library (or the same one) without duplicating anything (here).
 *
 * Import rules (docs/dossier-json.md):
 * - labels are matched by name (any case); a missing one is created with the file's colour;
 * - articles are matched by content hash; a match is reused as is (the target library's copy wins),
 *   otherwise the article is created, with its original file if the file carries its bytes;
 * - highlights of a reused article are matched by id, then by position and quote; others are created;
 * - notes and the dossier are matched by id (importing the same file twice changes nothing);
 * - every id is kept when it is free in the target library and replaced by a new one otherwise,
 *   and references (items, citations in notes, a note's article) follow the mapping.
 */
import { documentPlainText, parseDocument } from '../../common/document.js';
import { citedAnnotationIds, isCitationNode, notePlainText } from '../../common/note-document.js';
import { annotationsOfArticle, getAnnotationRecord } from '../citations.js';
import { contentHash } from '../content-hash.js';
import { insertAnnotationRow } from '../db/annotations.js';
import { findLabelRowByName, insertLabelRow } from '../db/labels.js';
import { getNoteRow, insertNote, setNoteCitations } from '../db/notes.js';
import type { Db } from '../db/open.js';
import { addArticleTags, setAnnotationTags } from '../db/tags.js';
import { QuireError } from '../errors.js';
import { newId } from '../ids.js';
import type { Library } from '../library.js';
import { createLogger } from '../log.js';
import { sha256, type StagedOriginal } from '../originals.js';
import {
  DOSSIER_JSON_FORMAT,
  DOSSIER_JSON_VERSION,
  dossierFileSchema,
  type DossierFile,
  type JsonAnnotation,
  type JsonArticle,
  type JsonItem,
} from './json-schema.js';
import { sanitizeDocument } from './json-sanitize.js';
import { getEventForAnnotation, promoteHighlight } from '../timeline/events.js';
import { writeArticleDates } from '../timeline/store.js';
import { getDossierRow, insertDossier, insertItemRow } from './store.js';

export { dossierJsonText, exportDossierJson, type DossierJsonOptions } from './json-export.js';

const log = createLogger('dossier-json');

// ---- Import ----

export interface DossierImportResult {
  readonly dossierId: string;
  readonly title: string;
  /** False when the library already had this dossier (same id): nothing was changed. */
  readonly dossierCreated: boolean;
  readonly articles: { readonly created: number; readonly reused: number };
  readonly annotations: { readonly created: number; readonly reused: number };
  readonly notes: { readonly created: number; readonly reused: number };
  readonly labels: { readonly created: number; readonly reused: number };
  /** File id → library id, for every id that was mapped to something else. */
  readonly idMap: Readonly<Record<string, string>>;
}

/** Does this look like a dossier file? Used by the importer registry to claim `.json` files. */
export function isDossierJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === DOSSIER_JSON_FORMAT;
}

export function parseDossierFile(input: string | unknown): DossierFile {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new QuireError('import_failed', 'This file is not valid JSON, so it cannot be a Quire dossier.');
    }
  }
  if (!isDossierJson(value)) throw new QuireError('import_failed', 'This JSON file is not a Quire dossier export.');
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > DOSSIER_JSON_VERSION) {
    throw new QuireError(
      'import_failed',
      `This dossier was exported by a newer version of Quire (format version ${version}; this version reads up to ${DOSSIER_JSON_VERSION}).`,
    );
  }
  const parsed = dossierFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.map(String).join('.') : '';
    throw new QuireError('import_failed', `This dossier file is damaged or incomplete (${where}: ${issue?.message ?? 'invalid'}).`);
  }
  const file = sanitizeFile(parsed.data);
  checkReferences(file);
  return file;
}

/** Every document in the file, cleaned (see json-sanitize.ts). */
function sanitizeFile(file: DossierFile): DossierFile {
  return {
    ...file,
    dossier: {
      ...file.dossier,
      summary: {
        ...file.dossier.summary,
        json: file.dossier.summary.json ? sanitizeDocument(file.dossier.summary.json, 'the summary', { citations: true }) : null,
      },
    },
    articles: file.articles.map((a) => ({ ...a, body: sanitizeDocument(a.body, `the article “${a.title}”`) })),
    annotations: file.annotations.map((a) => ({
      ...a,
      note: { ...a.note, json: a.note.json ? sanitizeDocument(a.note.json, `the note on highlight ${a.id}`) : null },
    })),
    notes: file.notes.map((n) => ({ ...n, body: sanitizeDocument(n.body, `the note “${n.title}”`, { citations: true }) })),
  };
}

/** Cross-references inside the file must hold before anything is written. */
function checkReferences(file: DossierFile): void {
  const articleIds = new Set(file.articles.map((a) => a.id));
  const labelNames = new Set(file.labels.map((l) => l.name.toLowerCase()));
  for (const a of file.annotations) {
    if (!articleIds.has(a.articleId)) damaged(`highlight ${a.id} belongs to an article that is not in the file`);
    if (a.label !== null && !labelNames.has(a.label.toLowerCase())) damaged(`highlight ${a.id} uses a label that is not in the file`);
  }
  for (const article of file.articles) {
    let text: string;
    try {
      text = documentPlainText(parseDocument(JSON.stringify(article.body)));
    } catch {
      damaged(`article ${article.id} has no valid document`);
    }
    // Highlight offsets index the plain text: it must be the document's own.
    if (text !== article.text) damaged(`the text of “${article.title}” does not match its document`);
  }
}

function damaged(what: string): never {
  throw new QuireError('import_failed', `This dossier file is damaged: ${what}.`);
}

function freeId(db: Db, table: 'articles' | 'annotations' | 'notes' | 'dossiers' | 'dossier_items', id: string, prefix: string): string {
  const taken = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
  return taken ? newId(prefix) : id;
}

/** Rewrites citation nodes' ids to the target library's, recursively. */
function remapCitations(doc: unknown, annotationIds: ReadonlyMap<string, string>, articleIds: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(doc)) return doc.map((child) => remapCitations(child, annotationIds, articleIds));
  if (typeof doc !== 'object' || doc === null) return doc;
  if (isCitationNode(doc)) {
    return {
      ...doc,
      annotationId: annotationIds.get(doc.annotationId) ?? doc.annotationId,
      articleId: doc.articleId !== null ? (articleIds.get(doc.articleId) ?? doc.articleId) : null,
    };
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) out[key] = remapCitations(value, annotationIds, articleIds);
  return out;
}

function findArticleByHash(db: Db, article: JsonArticle): string | undefined {
  const find = db.prepare(`SELECT id FROM articles WHERE content_sha256 = ?`);
  const byStored = find.get(article.contentSha256) as { id: string } | undefined;
  if (byStored) return byStored.id;
  const recomputed = contentHash(article.title, article.text);
  return (find.get(recomputed) as { id: string } | undefined)?.id;
}

function findMatchingAnnotation(db: Db, articleId: string, a: JsonAnnotation): string | undefined {
  const byId = getAnnotationRecord(db, a.id);
  if (byId && byId.articleId === articleId) return byId.id;
  const match = annotationsOfArticle(db, articleId).find(
    (existing) => existing.quote === a.quote && existing.start === a.start && existing.end === a.end,
  );
  return match?.id;
}

export function importDossierJson(library: Library, input: string | unknown): DossierImportResult {
  const file = parseDossierFile(input);
  const db = library.db;

  // Original files are written before the transaction and committed after it (two-phase, see originals.ts).
  const staged: StagedOriginal[] = [];
  const stagedHashes = new Set<string>();
  const willCreate = file.articles.filter((a) => findArticleByHash(db, a) === undefined);
  try {
    for (const article of willCreate) {
      const original = article.original;
      if (!original?.data || stagedHashes.has(original.sha256)) continue;
      const bytes = Buffer.from(original.data, 'base64');
      if (sha256(bytes) !== original.sha256) {
        damaged(`the original file of “${article.title}” does not match its SHA-256`);
      }
      staged.push(library.originals.stage(bytes));
      stagedHashes.add(original.sha256);
    }
    const result = db.transaction(() => writeImport(db, file))();
    for (const s of staged) s.commit();
    log.debug(`imported dossier ${result.dossierId}`);
    return result;
  } catch (error) {
    for (const s of staged) s.discard();
    throw error;
  }
}

function writeImport(db: Db, file: DossierFile): DossierImportResult {
  const idMap: Record<string, string> = {};
  const mapped = (from: string, to: string): string => {
    if (from !== to) idMap[from] = to;
    return to;
  };
  const count = () => ({ created: 0, reused: 0 });
  const stats = { articles: count(), annotations: count(), notes: count(), labels: count() };

  // Labels, by name.
  const labelIds = new Map<string, string>();
  for (const label of file.labels) {
    const existing = findLabelRowByName(db, label.name);
    if (existing) {
      labelIds.set(label.name.toLowerCase(), existing.id);
      stats.labels.reused++;
      continue;
    }
    const position = (db.prepare(`SELECT COALESCE(MAX(position) + 1, 0) AS p FROM labels`).get() as { p: number }).p;
    const id = newId('lbl');
    insertLabelRow(db, { id, name: label.name.normalize('NFC').replace(/\s+/g, ' ').trim(), color: safeColor(label.color), position, shortcut: null });
    labelIds.set(label.name.toLowerCase(), id);
    stats.labels.created++;
  }

  // Articles, by content.
  const articleIds = new Map<string, string>();
  const reusedArticles = new Set<string>();
  const insertArticle = db.prepare(
    `INSERT INTO articles (id, title, byline, source, url, published_at, imported_at, updated_at, language, direction,
       body_json, body_text, original_name, media_type, original_sha256, content_sha256)
     VALUES (@id, @title, @byline, @source, @url, @publishedAt, @importedAt, @updatedAt, @language, @direction,
       @bodyJson, @text, @originalName, @mediaType, @originalSha256, @contentSha256)`,
  );
  for (const article of file.articles) {
    const existing = findArticleByHash(db, article);
    if (existing) {
      articleIds.set(article.id, mapped(article.id, existing));
      reusedArticles.add(existing);
      stats.articles.reused++;
      continue;
    }
    const id = mapped(article.id, freeId(db, 'articles', article.id, 'art'));
    articleIds.set(article.id, id);
    insertArticle.run({
      id,
      title: article.title,
      byline: article.byline,
      source: article.source,
      url: article.url,
      publishedAt: article.publishedAt,
      importedAt: article.importedAt,
      updatedAt: article.updatedAt,
      language: article.language,
      direction: article.direction,
      bodyJson: JSON.stringify(article.body),
      text: article.text,
      originalName: article.original?.name ?? null,
      mediaType: article.original?.mediaType ?? null,
      originalSha256: article.original?.sha256 ?? null,
      contentSha256: article.contentSha256,
    });
    addArticleTags(db, id, article.tags);
    // Its dates, as an import from a file would find them (the file's `chronology` is not trusted: it is derived).
    writeArticleDates(db, id);
    stats.articles.created++;
  }

  // Highlights: reused articles keep theirs, and gain only the ones they lack.
  const annotationIds = new Map<string, string>();
  for (const a of file.annotations) {
    const articleId = articleIds.get(a.articleId) as string;
    const existing = reusedArticles.has(articleId) ? findMatchingAnnotation(db, articleId, a) : undefined;
    if (existing) {
      annotationIds.set(a.id, mapped(a.id, existing));
      // A highlight the library has keeps its own timeline date; one it never dated takes the file's.
      if (a.timeline && !getEventForAnnotation(db, existing)) promoteHighlight(db, existing, a.timeline);
      stats.annotations.reused++;
      continue;
    }
    const id = mapped(a.id, freeId(db, 'annotations', a.id, 'ann'));
    annotationIds.set(a.id, id);
    insertAnnotationRow(db, {
      id,
      articleId,
      labelId: a.label !== null ? (labelIds.get(a.label.toLowerCase()) ?? null) : null,
      noteJson: a.note.json ? JSON.stringify(a.note.json) : null,
      noteText: a.note.text,
      quote: a.quote,
      prefix: a.prefix,
      suffix: a.suffix,
      start: a.start,
      end: a.end,
      status: a.status,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    });
    setAnnotationTags(db, id, a.tags);
    if (a.timeline) promoteHighlight(db, id, a.timeline);
    stats.annotations.created++;
  }

  // Notes, by id.
  const noteIds = new Map<string, string>();
  for (const note of file.notes) {
    if (getNoteRow(db, note.id)) {
      noteIds.set(note.id, note.id);
      stats.notes.reused++;
      continue;
    }
    const id = mapped(note.id, freeId(db, 'notes', note.id, 'note'));
    noteIds.set(note.id, id);
    const body = parseDocument(JSON.stringify(remapCitations(note.body, annotationIds, articleIds)));
    insertNote(db, {
      id,
      title: note.title,
      bodyJson: JSON.stringify(body),
      text: notePlainText(body),
      articleId: note.articleId !== null ? (articleIds.get(note.articleId) ?? (articleExists(db, note.articleId) ? note.articleId : null)) : null,
      createdAt: note.createdAt,
      updatedAt: note.updatedAt,
    });
    setNoteCitations(db, id, citedAnnotationIds(body));
    stats.notes.created++;
  }

  // The dossier, by id.
  const dossier = file.dossier;
  if (getDossierRow(db, dossier.id)) {
    return { dossierId: dossier.id, title: dossier.title, dossierCreated: false, ...stats, idMap };
  }
  const dossierId = mapped(dossier.id, freeId(db, 'dossiers', dossier.id, 'dos'));
  const summaryJson = dossier.summary.json ? JSON.stringify(remapCitations(dossier.summary.json, annotationIds, articleIds)) : null;
  insertDossier(db, {
    id: dossierId,
    title: dossier.title,
    subtitle: dossier.subtitle,
    author: dossier.author,
    date: dossier.date,
    marking: dossier.marking,
    summaryJson,
    summaryText: dossier.summary.text,
    includeChronology: dossier.includeChronology === true,
    createdAt: dossier.createdAt,
    updatedAt: dossier.updatedAt,
  });
  const refMaps: Record<JsonItem['kind'], ReadonlyMap<string, string>> = {
    heading: new Map(),
    article: articleIds,
    annotation: annotationIds,
    note: noteIds,
  };
  file.items.forEach((item, position) => {
    // A referent missing from the file (deleted before export) keeps its id: it stays "missing".
    const refId = item.refId !== null ? (refMaps[item.kind].get(item.refId) ?? item.refId) : null;
    insertItemRow(db, {
      id: mapped(item.id, freeId(db, 'dossier_items', item.id, 'item')),
      dossierId,
      position,
      kind: item.kind,
      refId,
      heading: item.heading,
      options: item.options.highlightsOnly ? { highlightsOnly: true } : {},
      refTitle: item.refTitle,
    });
  });
  return { dossierId, title: dossier.title, dossierCreated: true, ...stats, idMap };
}

/**
 * Label colours end up in style attributes (reader, print view): only `#RRGGBB` is accepted from a
 * file; anything else becomes the neutral grey of the default palette.
 */
function safeColor(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color.toUpperCase() : '#999999';
}

function articleExists(db: Db, id: string): boolean {
  return db.prepare(`SELECT 1 FROM articles WHERE id = ?`).get(id) !== undefined;
}
