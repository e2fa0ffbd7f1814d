/**
 * The resolved dossier: everything an export (print view, HTML, PDF, Markdown) needs, read in one
 * go and frozen. Exporters render this structure and never touch SQL.
 *
 * Contract for exporters (keep stable; additions only):
 * - Items come in dossier order with a 0-based `position`.
 * - A referent that no longer exists (deleted article, highlight or note) is an explicit
 *   `{ kind: 'missing' }` item carrying the title it had when added and a sentence to print.
 * - Article items carry the whole article: document, plain text, full citation and every highlight
 *   in reading order (orphaned highlights last, `start`/`end` null). `highlightsOnly` says whether
 *   to print only the highlighted passages.
 * - Note citations are compared with the highlight as it is now: `status` is 'current' (quote as
 *   cited), 'changed' (the highlight's text differs from the quote in the note), 'orphaned' (the
 *   passage is gone from the article) or 'deleted' (the highlight itself is gone; `annotation` null).
 * - `labels` lists every label in the analyst's order (the appendix groups quotes by it).
 */
import { CITATION_STATUS_TEXT, type CitationStatus } from '../../common/note-document.js';
import {
  annotationsOfArticle,
  getAnnotationRecord,
  getArticleCitation,
  getArticleForExport,
  listLabels,
  type AnnotationRecord,
  type ArticleCitation,
  type Label,
} from '../citations.js';
import { NotFoundError } from '../errors.js';
import { nowIso } from '../ids.js';
import type { Library } from '../library.js';
import { findNote, type Note } from '../notes.js';
import { dossierChronology } from './chronology.js';
import { getDossierRow, listItemRows, type DossierItemOptions, type DossierItemRow } from './store.js';

export type { CitationStatus };

/** Where a quote comes from: everything a reader needs to find the source again. */
export type DossierCitation = ArticleCitation;

export type DossierLabel = Readonly<Label>;

/** A highlight as the print view sees it: the cited record without its timestamps. */
export type DossierAnnotation = Omit<AnnotationRecord, 'createdAt' | 'updatedAt' | 'tags'> & { readonly tags: readonly string[] };

export interface DossierArticle extends DossierCitation {
  /** The article document (Lexical serialized JSON, as stored; no highlights inside). */
  readonly bodyJson: string;
  /** Its plain text: annotation offsets index it. */
  readonly text: string;
  readonly tags: readonly string[];
  /** In reading order, orphaned last. */
  readonly annotations: readonly DossierAnnotation[];
}

export interface DossierNoteCitation {
  readonly annotationId: string;
  /** The quote as written in the note when cited. */
  readonly quote: string;
  /** The highlight's quote now; null if deleted. */
  readonly currentQuote: string | null;
  readonly status: CitationStatus;
  /** A sentence for readers when the status is not 'current' ('' otherwise). */
  readonly statusText: string;
  readonly annotation: DossierAnnotation | null;
  /** The cited article now; null when it was deleted (then `snapshot` still names it). */
  readonly citation: DossierCitation | null;
  readonly snapshot: {
    readonly articleId: string | null;
    readonly articleTitle: string | null;
    readonly source: string | null;
    readonly publishedAt: string | null;
  };
}

export interface DossierNote {
  readonly id: string;
  readonly title: string;
  /** Lexical JSON; citation blocks are `{type:'citation', annotationId, quote, …}` (common/note-document.ts). */
  readonly bodyJson: string;
  readonly text: string;
  readonly articleId: string | null;
  /** The article the note is attached to, if any. */
  readonly article: DossierCitation | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly citations: readonly DossierNoteCitation[];
}

interface ItemBase {
  /** The dossier item's id. */
  readonly id: string;
  readonly position: number;
}

export interface HeadingItem extends ItemBase {
  readonly kind: 'heading';
  readonly text: string;
}
export interface ArticleItem extends ItemBase {
  readonly kind: 'article';
  readonly refId: string;
  readonly highlightsOnly: boolean;
  readonly options: DossierItemOptions;
  readonly article: DossierArticle;
}
export interface AnnotationItem extends ItemBase {
  readonly kind: 'annotation';
  readonly refId: string;
  readonly annotation: DossierAnnotation;
  readonly citation: DossierCitation;
}
export interface NoteItem extends ItemBase {
  readonly kind: 'note';
  readonly refId: string;
  readonly note: DossierNote;
}
/** The item's referent was deleted from the library after it was added. */
export interface MissingItem extends ItemBase {
  readonly kind: 'missing';
  readonly refKind: 'article' | 'annotation' | 'note';
  readonly refId: string;
  /** The title (or quote) it had when added; null for items added before titles were kept. */
  readonly refTitle: string | null;
  /** What to print in its place, e.g. "The article “X” has been deleted from the library." */
  readonly message: string;
}

export type DossierItem = HeadingItem | ArticleItem | AnnotationItem | NoteItem | MissingItem;

/**
 * One dated event of the chronology section: a date found in a source's text, or a highlight the
 * analyst put on the timeline (which then replaces a mention of the same place).
 */
export interface DossierChronologyEvent {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, at `precision`. */
  readonly date: string;
  readonly precision: 'year' | 'month' | 'day';
  readonly kind: 'mention' | 'highlight';
  /** The analyst's title for a promoted highlight, or null. */
  readonly title: string | null;
  /** The sentence the date stands in (a promoted highlight: the analyst's sentence, else its quote). */
  readonly sentence: string;
  /** The date mention inside `sentence` (offsets in it); null for a promoted highlight. */
  readonly mark: { readonly start: number; readonly end: number } | null;
  /** Where the event is in the article's plain text (null: an orphaned highlight). */
  readonly start: number | null;
  readonly end: number | null;
  readonly annotationId: string | null;
  /** Warnings such as 'future' (later than the article's publication) or 'ambiguous'. */
  readonly flags: readonly string[];
  readonly citation: DossierCitation;
}

export interface DossierForExport {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string | null;
  readonly author: string | null;
  /** The date printed on the cover (ISO `YYYY-MM-DD` from the app; free text accepted). */
  readonly date: string | null;
  /** Printed at the top and bottom of every page; null when none. */
  readonly marking: string | null;
  /** Rich-text summary: Lexical JSON (null when none) and its plain text. */
  readonly summary: { readonly json: string | null; readonly text: string };
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When this structure was read. */
  readonly generatedAt: string;
  readonly items: readonly DossierItem[];
  /** All labels, in the analyst's order. */
  readonly labels: readonly DossierLabel[];
  /** The dossier's setting: print a chronology section. */
  readonly includeChronology: boolean;
  /** With `includeChronology`: the dated events of the dossier's articles and highlights, earliest first; otherwise empty. */
  readonly chronology: readonly DossierChronologyEvent[];
}

function toAnnotation({ createdAt: _createdAt, updatedAt: _updatedAt, ...annotation }: AnnotationRecord): DossierAnnotation {
  return annotation;
}

function toDossierNote(note: Note): DossierNote {
  return {
    id: note.id,
    title: note.title,
    bodyJson: note.bodyJson,
    text: note.text,
    articleId: note.articleId,
    article: note.article,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    citations: note.citations.map((c) => ({
      annotationId: c.annotationId,
      quote: c.quote,
      currentQuote: c.currentQuote,
      status: c.status,
      statusText: CITATION_STATUS_TEXT[c.status],
      annotation: c.annotation ? toAnnotation(c.annotation) : null,
      citation: c.article,
      snapshot: c.snapshot,
    })),
  };
}

const MISSING_WHAT = { article: 'article', annotation: 'highlight', note: 'note' } as const;

function missing(row: DossierItemRow, refKind: MissingItem['refKind']): MissingItem {
  const what = MISSING_WHAT[refKind];
  const named = row.refTitle ? ` “${row.refTitle}”` : '';
  return {
    kind: 'missing',
    id: row.id,
    position: row.position,
    refKind,
    refId: row.refId ?? '',
    refTitle: row.refTitle,
    message: `The ${what}${named} has been deleted from the library.`,
  };
}

/** Resolves one item; articles are cached because several items may share one. */
function resolveItem(library: Library, row: DossierItemRow, articles: Map<string, DossierArticle | null>): DossierItem {
  const db = library.db;
  const base = { id: row.id, position: row.position };
  switch (row.kind) {
    case 'heading':
      return { ...base, kind: 'heading', text: row.heading ?? '' };
    case 'article': {
      const refId = row.refId ?? '';
      if (!articles.has(refId)) {
        const found = getArticleForExport(db, refId);
        articles.set(
          refId,
          found
            ? {
                articleId: found.articleId,
                title: found.title,
                byline: found.byline,
                source: found.source,
                url: found.url,
                publishedAt: found.publishedAt,
                importedAt: found.importedAt,
                language: found.language,
                direction: found.direction,
                sha256: found.sha256,
                originalName: found.originalName,
                mediaType: found.mediaType,
                bodyJson: found.bodyJson,
                text: found.text,
                tags: found.tags,
                annotations: annotationsOfArticle(db, refId).map(toAnnotation),
              }
            : null,
        );
      }
      const article = articles.get(refId);
      if (!article) return missing(row, 'article');
      const highlightsOnly = row.options.highlightsOnly === true;
      return { ...base, kind: 'article', refId, highlightsOnly, options: row.options, article };
    }
    case 'annotation': {
      const refId = row.refId ?? '';
      const record = getAnnotationRecord(db, refId);
      const citation = record ? getArticleCitation(db, record.articleId) : undefined;
      if (!record || !citation) return missing(row, 'annotation');
      return { ...base, kind: 'annotation', refId, annotation: toAnnotation(record), citation };
    }
    case 'note': {
      const refId = row.refId ?? '';
      const note = findNote(db, refId);
      if (!note) return missing(row, 'note');
      return { ...base, kind: 'note', refId, note: toDossierNote(note) };
    }
  }
}

function deepFreeze<T>(value: T): Readonly<T> {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * Reads a dossier with every item resolved, in one read transaction (a consistent snapshot even
 * while the app writes). Throws NotFoundError for an unknown dossier; never for a missing referent.
 */
export function loadDossierForExport(library: Library, dossierId: string): Readonly<DossierForExport> {
  const db = library.db;
  return db.transaction(() => {
    const row = getDossierRow(db, dossierId);
    if (!row) throw new NotFoundError('dossier', dossierId);
    const articles = new Map<string, DossierArticle | null>();
    const items = listItemRows(db, dossierId).map((item, index) => resolveItem(library, { ...item, position: index }, articles));
    const dossier: DossierForExport = {
      id: row.id,
      title: row.title,
      subtitle: row.subtitle,
      author: row.author,
      date: row.date,
      marking: row.marking,
      summary: { json: row.summaryJson, text: row.summaryText },
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      generatedAt: nowIso(),
      items,
      labels: listLabels(db),
      includeChronology: row.includeChronology,
      chronology: row.includeChronology ? dossierChronology(db, row.id) : [],
    };
    return deepFreeze(dossier);
  })();
}
