/**
 * Dossier JSON, the export half: one dossier with everything it needs (articles with their documents
 * and, by default, original files; all their highlights with their timeline dates; the notes it
 * includes; the labels used; the chronology section when the dossier prints one). The format is
 * json-schema.ts; the import half is json.ts.
 */
import type { ArticleDocument } from '../../common/document.js';
import { parseDocument } from '../../common/document.js';
import { citedAnnotationIds } from '../../common/note-document.js';
import { annotationsOfArticle, getAnnotationRecord, getArticleForExport } from '../citations.js';
import { getNoteRow } from '../db/notes.js';
import type { Db } from '../db/open.js';
import { NotFoundError } from '../errors.js';
import { nowIso } from '../ids.js';
import type { Library } from '../library.js';
import { getEventForAnnotation } from '../timeline/events.js';
import { dossierChronology } from './chronology.js';
import {
  DOSSIER_JSON_FORMAT,
  DOSSIER_JSON_VERSION,
  type DossierFile,
  type JsonAnnotation,
  type JsonArticle,
  type JsonChronologyEvent,
  type JsonItem,
  type JsonLabel,
  type JsonNote,
} from './json-schema.js';
import { getDossierRow, listItemRows } from './store.js';

export interface DossierJsonOptions {
  /** Embed each original file's bytes (base64) so the import is byte-for-byte lossless. Default true. */
  readonly includeOriginals?: boolean;
  /** Written into the file as `generator`. */
  readonly generator?: string;
}

function parseStored(json: string): ArticleDocument {
  return parseDocument(json);
}

// ---- Export ----

export function exportDossierJson(library: Library, dossierId: string, options: DossierJsonOptions = {}): DossierFile {
  const db = library.db;
  const includeOriginals = options.includeOriginals ?? true;
  return db.transaction(() => {
    const row = getDossierRow(db, dossierId);
    if (!row) throw new NotFoundError('dossier', dossierId);
    const items = listItemRows(db, dossierId);

    // Which articles the dossier needs: its article items, the articles of its highlights, and
    // the articles of highlights its notes cite or are attached to (so citations stay resolvable).
    const articleIds = new Set<string>();
    const notes: JsonNote[] = [];
    const summaryDoc = row.summaryJson ? parseStored(row.summaryJson) : null;
    const citedAnywhere = new Set<string>(summaryDoc ? citedAnnotationIds(summaryDoc) : []);
    for (const item of items) {
      if (item.refId === null) continue;
      if (item.kind === 'article' && getArticleForExport(db, item.refId)) articleIds.add(item.refId);
      if (item.kind === 'annotation') {
        const annotation = getAnnotationRecord(db, item.refId);
        if (annotation) articleIds.add(annotation.articleId);
      }
      if (item.kind === 'note' && !notes.some((n) => n.id === item.refId)) {
        const note = getNoteRow(db, item.refId);
        if (!note) continue;
        const body = parseStored(note.bodyJson);
        for (const cited of citedAnnotationIds(body)) citedAnywhere.add(cited);
        if (note.articleId) articleIds.add(note.articleId);
        notes.push({
          id: note.id,
          title: note.title,
          body: body as unknown as JsonNote['body'],
          text: note.text,
          articleId: note.articleId,
          createdAt: note.createdAt,
          updatedAt: note.updatedAt,
        });
      }
    }
    for (const annotationId of citedAnywhere) {
      const annotation = getAnnotationRecord(db, annotationId);
      if (annotation) articleIds.add(annotation.articleId);
    }

    const articles: JsonArticle[] = [];
    const annotations: JsonAnnotation[] = [];
    const labelsUsed = new Map<string, JsonLabel>();
    for (const articleId of articleIds) {
      const article = getArticleForExport(db, articleId);
      if (!article) continue;
      let original: JsonArticle['original'] = null;
      if (article.sha256) {
        const data = includeOriginals && library.originals.has(article.sha256) ? library.originals.read(article.sha256).toString('base64') : null;
        original = { name: article.originalName, mediaType: article.mediaType, sha256: article.sha256, data };
      }
      articles.push({
        id: article.articleId,
        title: article.title,
        byline: article.byline,
        source: article.source,
        url: article.url,
        publishedAt: article.publishedAt,
        importedAt: article.importedAt,
        updatedAt: article.updatedAt,
        language: article.language,
        direction: article.direction,
        contentSha256: article.contentSha256,
        tags: [...article.tags],
        body: parseStored(article.bodyJson) as unknown as JsonArticle['body'],
        text: article.text,
        original,
      });
      for (const a of annotationsOfArticle(db, articleId)) {
        if (a.label) labelsUsed.set(a.label.id, { name: a.label.name, color: a.label.color });
        annotations.push({
          id: a.id,
          articleId: a.articleId,
          label: a.label?.name ?? null,
          note: { json: a.noteJson ? (parseStored(a.noteJson) as unknown as JsonAnnotation['note']['json']) : null, text: a.note },
          quote: a.quote,
          prefix: a.prefix,
          suffix: a.suffix,
          start: a.start,
          end: a.end,
          status: a.status,
          tags: [...a.tags],
          createdAt: a.createdAt,
          updatedAt: a.updatedAt,
          timeline: timelineOf(db, a.id),
        });
      }
    }
    // Labels in the library's order.
    const labelOrder = (db.prepare(`SELECT id FROM labels ORDER BY position, name COLLATE NOCASE`).all() as { id: string }[]).map((r) => r.id);
    const labels = labelOrder.filter((lid) => labelsUsed.has(lid)).map((lid) => labelsUsed.get(lid) as JsonLabel);

    return {
      format: DOSSIER_JSON_FORMAT,
      version: DOSSIER_JSON_VERSION,
      exportedAt: nowIso(),
      generator: options.generator ?? 'Quire',
      dossier: {
        id: row.id,
        title: row.title,
        subtitle: row.subtitle,
        author: row.author,
        date: row.date,
        marking: row.marking,
        summary: { json: summaryDoc as unknown as DossierFile['dossier']['summary']['json'], text: row.summaryText },
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        includeChronology: row.includeChronology,
      },
      items: items.map(
        (item): JsonItem => ({
          id: item.id,
          kind: item.kind,
          refId: item.refId,
          heading: item.heading,
          options: { ...item.options },
          refTitle: item.refTitle,
        }),
      ),
      articles,
      annotations,
      notes,
      labels,
      ...(row.includeChronology ? { chronology: chronologyOf(db, row.id) } : {}),
    };
  })();
}

/** A highlight's date on the timeline, as the file carries it. */
function timelineOf(db: Db, annotationId: string): JsonAnnotation['timeline'] {
  const event = getEventForAnnotation(db, annotationId);
  return event ? { date: event.date, precision: event.precision, title: event.title, sentence: event.sentence } : null;
}

/** The chronology section, for whoever reads the file (derived: an import ignores it). */
function chronologyOf(db: Db, dossierId: string): JsonChronologyEvent[] {
  return dossierChronology(db, dossierId).map((e) => ({
    date: e.date,
    precision: e.precision,
    kind: e.kind,
    articleId: e.citation.articleId,
    annotationId: e.annotationId,
    start: e.start,
    end: e.end,
    title: e.title,
    sentence: e.sentence,
    flags: [...e.flags],
  }));
}

export function dossierJsonText(file: DossierFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
