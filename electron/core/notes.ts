/**
 * Notes: the analyst's own writing, free-standing or attached to an article, with citations of
 * highlights. The document is Lexical JSON; plain text and the cited annotation ids are derived
 * from it on every save, so the search index and the backlinks never disagree with what is shown.
 */
import { documentFromPlainText, parseDocument, type ArticleDocument } from '../common/document.js';
import {
  appendCitations,
  citationNode,
  citationsInDocument,
  citedAnnotationIds,
  emptyNoteDocument,
  notePlainText,
  type CitationStatus,
  type SerializedCitationNode,
} from '../common/note-document.js';
import { registerArticleDetail } from './articles.js';
import {
  citationStatus,
  getAnnotationRecord,
  getArticleCitation,
  type AnnotationRecord,
  type ArticleCitation,
} from './citations.js';
import {
  deleteNoteRow,
  getNoteRow,
  insertNote,
  listNoteRows,
  noteIdsCitingArticle,
  setNoteCitations,
  updateNoteRow,
  type NoteRow,
} from './db/notes.js';
import type { Db } from './db/open.js';
import { NotFoundError, UsageError } from './errors.js';
import { newId, nowIso } from './ids.js';
import { noteDocumentFromMarkdown } from './notes-markdown.js';

/** A citation in a note, compared with the highlight as it is now. */
export interface NoteCitation {
  readonly annotationId: string;
  /** The quote as cited (the snapshot in the note). */
  readonly quote: string;
  /** The highlight's quote today; null if the highlight was deleted. */
  readonly currentQuote: string | null;
  readonly status: CitationStatus;
  readonly annotation: AnnotationRecord | null;
  /** The cited article today; null if it was deleted (the snapshot still names it). */
  readonly article: ArticleCitation | null;
  readonly snapshot: Readonly<Pick<SerializedCitationNode, 'articleId' | 'articleTitle' | 'source' | 'publishedAt'>>;
}

export interface Note {
  readonly id: string;
  readonly title: string;
  readonly bodyJson: string;
  readonly text: string;
  readonly articleId: string | null;
  /** The article the note is attached to, if any. */
  readonly article: ArticleCitation | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** One entry per distinct cited highlight, in document order. */
  readonly citations: NoteCitation[];
}

export interface NoteSummary {
  readonly id: string;
  readonly title: string;
  /** The first ~200 characters of the text, for lists. */
  readonly excerpt: string;
  readonly articleId: string | null;
  readonly articleTitle: string | null;
  readonly citationCount: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewNoteInput {
  readonly title: string;
  readonly articleId?: string | null;
  /** Exactly one of bodyJson / markdown / text (none gives an empty note). */
  readonly bodyJson?: string;
  readonly markdown?: string;
  readonly text?: string;
  /** Highlights to cite, appended as citation blocks in this order. */
  readonly cite?: readonly string[];
}

export interface NotePatch {
  readonly title?: string;
  readonly bodyJson?: string;
  readonly articleId?: string | null;
}

const EXCERPT_LENGTH = 200;

function cleanTitle(title: string): string {
  const clean = title.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (clean === '') throw new UsageError('A note needs a title.');
  return clean;
}

function readDocument(json: string): ArticleDocument {
  try {
    return parseDocument(json);
  } catch {
    throw new UsageError('The note text is not a valid editor document.');
  }
}

function checkArticle(db: Db, articleId: string | null | undefined): string | null {
  if (articleId === undefined || articleId === null || articleId === '') return null;
  if (!getArticleCitation(db, articleId)) throw new NotFoundError('article', articleId);
  return articleId;
}

/** The citation block for a highlight, with its snapshot of quote and source: what "Cite" inserts. */
export function citationFor(db: Db, annotationId: string): SerializedCitationNode {
  const annotation = getAnnotationRecord(db, annotationId);
  if (!annotation) throw new NotFoundError('highlight', annotationId);
  const article = getArticleCitation(db, annotation.articleId);
  return citationNode({
    annotationId,
    quote: annotation.quote,
    articleId: annotation.articleId,
    articleTitle: article?.title ?? null,
    source: article?.source ?? null,
    publishedAt: article?.publishedAt ?? null,
  });
}

function initialDocument(db: Db, input: NewNoteInput): ArticleDocument {
  const given = [input.bodyJson, input.markdown, input.text].filter((v) => v !== undefined).length;
  if (given > 1) throw new UsageError('Give the note text one way only: as a document, as Markdown or as plain text.');
  let doc: ArticleDocument;
  if (input.bodyJson !== undefined) doc = readDocument(input.bodyJson);
  else if (input.markdown !== undefined) doc = noteDocumentFromMarkdown(input.markdown);
  else if (input.text !== undefined) doc = documentFromPlainText(input.text);
  else doc = emptyNoteDocument();
  if (doc.root.children.length === 0 && !input.cite?.length) doc = emptyNoteDocument();
  if (input.cite && input.cite.length > 0) doc = appendCitations(doc, input.cite.map((id) => citationFor(db, id)));
  return doc;
}

function saveDerived(db: Db, id: string, doc: ArticleDocument): { bodyJson: string; text: string } {
  setNoteCitations(db, id, citedAnnotationIds(doc));
  return { bodyJson: JSON.stringify(doc), text: notePlainText(doc) };
}

export function createNote(db: Db, input: NewNoteInput): Note {
  const id = newId('note');
  db.transaction(() => {
    const title = cleanTitle(input.title);
    const articleId = checkArticle(db, input.articleId);
    const doc = initialDocument(db, input);
    const now = nowIso();
    insertNote(db, { id, title, bodyJson: JSON.stringify(doc), text: notePlainText(doc), articleId, createdAt: now, updatedAt: now });
    setNoteCitations(db, id, citedAnnotationIds(doc));
  })();
  return getNote(db, id);
}

export function updateNote(db: Db, id: string, patch: NotePatch): Note {
  db.transaction(() => {
    const row = getNoteRow(db, id);
    if (!row) throw new NotFoundError('note', id);
    const title = patch.title !== undefined ? cleanTitle(patch.title) : row.title;
    const articleId = patch.articleId !== undefined ? checkArticle(db, patch.articleId) : row.articleId;
    const body =
      patch.bodyJson !== undefined ? saveDerived(db, id, readDocument(patch.bodyJson)) : { bodyJson: row.bodyJson, text: row.text };
    if (title === row.title && articleId === row.articleId && body.bodyJson === row.bodyJson) return;
    updateNoteRow(db, id, { title, articleId, ...body }, nowIso());
  })();
  return getNote(db, id);
}

export function deleteNote(db: Db, id: string): void {
  if (!deleteNoteRow(db, id)) throw new NotFoundError('note', id);
}

/** What undoing a note's deletion needs; citations and text are derived again on restore. */
export interface DeletedNote {
  readonly version: 1;
  readonly id: string;
  readonly title: string;
  readonly bodyJson: string;
  readonly articleId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function deleteNoteWithSnapshot(db: Db, id: string): DeletedNote {
  return db.transaction(() => {
    const row = getNoteRow(db, id);
    if (!row) throw new NotFoundError('note', id);
    deleteNoteRow(db, id);
    return { version: 1 as const, id, title: row.title, bodyJson: row.bodyJson, articleId: row.articleId, createdAt: row.createdAt, updatedAt: row.updatedAt };
  })();
}

export function restoreNote(db: Db, snapshot: DeletedNote): Note {
  db.transaction(() => {
    if (getNoteRow(db, snapshot.id)) throw new UsageError('This note is already in the library.');
    const doc = readDocument(snapshot.bodyJson);
    // The article may have been deleted meanwhile: the note comes back free-standing then.
    const articleId = snapshot.articleId && getArticleCitation(db, snapshot.articleId) ? snapshot.articleId : null;
    insertNote(db, {
      id: snapshot.id,
      title: cleanTitle(snapshot.title),
      bodyJson: JSON.stringify(doc),
      text: notePlainText(doc),
      articleId,
      createdAt: snapshot.createdAt,
      updatedAt: snapshot.updatedAt,
    });
    setNoteCitations(db, snapshot.id, citedAnnotationIds(doc));
  })();
  return getNote(db, snapshot.id);
}

function resolveCitations(db: Db, doc: ArticleDocument): NoteCitation[] {
  const seen = new Set<string>();
  const out: NoteCitation[] = [];
  for (const cited of citationsInDocument(doc)) {
    if (seen.has(cited.annotationId)) continue;
    seen.add(cited.annotationId);
    const annotation = getAnnotationRecord(db, cited.annotationId);
    const articleId = annotation?.articleId ?? cited.articleId;
    out.push({
      annotationId: cited.annotationId,
      quote: cited.quote,
      currentQuote: annotation?.quote ?? null,
      status: citationStatus(cited.quote, annotation),
      annotation: annotation ?? null,
      article: articleId ? (getArticleCitation(db, articleId) ?? null) : null,
      snapshot: {
        articleId: cited.articleId,
        articleTitle: cited.articleTitle,
        source: cited.source,
        publishedAt: cited.publishedAt,
      },
    });
  }
  return out;
}

export function noteFromRow(db: Db, row: NoteRow): Note {
  const doc = readDocument(row.bodyJson);
  return {
    ...row,
    article: row.articleId ? (getArticleCitation(db, row.articleId) ?? null) : null,
    citations: resolveCitations(db, doc),
  };
}

export function findNote(db: Db, id: string): Note | undefined {
  const row = getNoteRow(db, id);
  return row ? noteFromRow(db, row) : undefined;
}

export function getNote(db: Db, id: string): Note {
  const note = findNote(db, id);
  if (!note) throw new NotFoundError('note', id);
  return note;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

export function listNotes(db: Db, filter: { articleId?: string } = {}): NoteSummary[] {
  const citationCounts = new Map(
    (db.prepare(`SELECT note_id AS id, COUNT(*) AS n FROM note_citations GROUP BY note_id`).all() as { id: string; n: number }[]).map(
      (r) => [r.id, r.n],
    ),
  );
  const titles = new Map<string, string | null>();
  const articleTitle = (articleId: string | null): string | null => {
    if (!articleId) return null;
    if (!titles.has(articleId)) titles.set(articleId, getArticleCitation(db, articleId)?.title ?? null);
    return titles.get(articleId) ?? null;
  };
  return listNoteRows(db, filter).map((row) => ({
    id: row.id,
    title: row.title,
    excerpt: excerpt(row.text),
    articleId: row.articleId,
    articleTitle: articleTitle(row.articleId),
    citationCount: citationCounts.get(row.id) ?? 0,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }));
}

/** A note that refers to an article: attached to it, or citing some of its highlights. */
export interface Backlink extends NoteSummary {
  readonly attached: boolean;
  /** The article's highlights this note cites. */
  readonly annotationIds: string[];
}

/** The notes that cite an article's highlights or are attached to it: shown on the article. */
export function noteBacklinks(db: Db, articleId: string): Backlink[] {
  const citing = new Set(noteIdsCitingArticle(db, articleId));
  const attached = new Set(listNoteRows(db, { articleId }).map((r) => r.id));
  const ids = new Set([...citing, ...attached]);
  if (ids.size === 0) return [];
  const citedHere = db.prepare(
    `SELECT nc.annotation_id AS id FROM note_citations nc JOIN annotations a ON a.id = nc.annotation_id
     WHERE nc.note_id = ? AND a.article_id = ? ORDER BY a.start`,
  );
  return listNotes(db)
    .filter((n) => ids.has(n.id))
    .map((n) => ({
      ...n,
      attached: attached.has(n.id),
      annotationIds: (citedHere.all(n.id, articleId) as { id: string }[]).map((r) => r.id),
    }));
}

/** A highlight as the "Cite" and "Add to dossier" pickers list it. */
export interface CitableHighlight {
  readonly id: string;
  readonly quote: string;
  readonly note: string;
  readonly label: { readonly name: string; readonly color: string } | null;
  readonly status: 'anchored' | 'orphaned';
  readonly articleId: string;
  readonly articleTitle: string;
  readonly source: string | null;
  readonly publishedAt: string | null;
  readonly direction: 'ltr' | 'rtl';
}

/**
 * Highlights to pick from, newest first: all, one article's, or those whose quote, note, label or
 * article title contain the words typed (each word, any case). A picker's filter, not search.
 */
export function citableHighlights(db: Db, filter: { query?: string; articleId?: string; limit?: number } = {}): CitableHighlight[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.articleId) {
    where.push('a.article_id = ?');
    params.push(filter.articleId);
  }
  for (const word of (filter.query ?? '').toLocaleLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
    where.push(`(instr(lower(a.quote), ?) > 0 OR instr(lower(a.note_text), ?) > 0 OR instr(lower(ar.title), ?) > 0 OR instr(lower(COALESCE(l.name, '')), ?) > 0)`);
    params.push(word, word, word, word);
  }
  const limit = Math.min(Math.max(filter.limit ?? 200, 1), 1000);
  const rows = db
    .prepare(
      `SELECT a.id, a.quote, a.note_text AS note, l.name AS labelName, l.color AS labelColor, a.status,
         a.article_id AS articleId, ar.title AS articleTitle, ar.source, ar.published_at AS publishedAt, ar.direction
       FROM annotations a JOIN articles ar ON ar.id = a.article_id LEFT JOIN labels l ON l.id = a.label_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${filter.articleId ? 'a.start IS NULL, a.start, a.rowid' : 'a.created_at DESC, a.rowid DESC'} LIMIT ${limit}`,
    )
    .all(...params) as (Omit<CitableHighlight, 'label'> & { labelName: string | null; labelColor: string | null })[];
  return rows.map(({ labelName, labelColor, ...row }) => ({
    ...row,
    label: labelName !== null && labelColor !== null ? { name: labelName, color: labelColor } : null,
  }));
}

// `quire show` and the reader's article details list the notes that refer to the article.
registerArticleDetail((library, articleId) => ({
  notes: noteBacklinks(library.db, articleId).map((n) => ({ id: n.id, title: n.title, attached: n.attached, annotationIds: n.annotationIds })),
}));
