/**
 * Annotations: labelled highlights with notes and tags, anchored in an article's plain text, and the two
 * ways an article's text changes under them (a replaced text, an edit saved from the reader).
 *
 * Every change is one transaction; the change log is written by triggers, so search sees each
 * annotation (quote, note, label, tags) as soon as the transaction commits.
 */
import {
  documentFromPlainText,
  documentPlainText,
  parseDocument,
  type ArticleDocument,
} from '../common/document.js';
import { markRangesInDocument, mergeMarkRanges, stripMarks, type MarkRange } from './anchoring/marks.js';
import { reanchor, changeMap, type AnchorMethod, type ChangeMap, type StoredAnchor } from './anchoring/reanchor.js';
import { anchorFromRange, findQuote, rangeProblem, type Anchor } from './anchoring/selectors.js';
import { registerArticleDetail } from './articles.js';
import { contentHash } from './content-hash.js';
import { findArticleByContentHash, updateArticleBody } from './db/articles.js';
import { eventSnapshot, restoreEventSnapshot, type EventSnapshot } from './timeline/events.js';
import { writeArticleDates } from './timeline/store.js';
import {
  deleteAnnotationRow,
  getAnnotationRow,
  touchAnnotation,
  insertAnnotationRow,
  listAnnotationRows,
  updateAnnotationAnchor,
  updateAnnotationLabel,
  updateAnnotationNote,
  type AnnotationRow,
  type AnnotationStatus,
} from './db/annotations.js';
import { getLabelRow } from './db/labels.js';
import type { Db } from './db/open.js';
import { annotationTags, cleanTag, setAnnotationTags } from './db/tags.js';
import { NotFoundError, QuireError, UsageError } from './errors.js';
import { newId, nowIso } from './ids.js';
import { registerLabelSeeding } from './labels.js';
import type { Library } from './library.js';

export type { AnnotationStatus } from './db/annotations.js';

/** An annotation as the app, the API and `quire … --json` show it. */
export interface AnnotationView {
  readonly id: string;
  readonly articleId: string;
  readonly labelId: string | null;
  /** The label's name, or null for a highlight without a label. */
  readonly label: string | null;
  /** The label's colour (`#RRGGBB`), or null. */
  readonly color: string | null;
  /** The note as plain text ('' when there is none). */
  readonly note: string;
  /** The note as Lexical JSON, or null when there is none. */
  readonly noteJson: string | null;
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  /** Offsets in the article's plain text; null when orphaned. */
  readonly start: number | null;
  readonly end: number | null;
  readonly status: AnnotationStatus;
  readonly tags: string[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A note as given by the reader (Lexical JSON and its plain text) or typed at the CLI (text only). */
export interface NoteInput {
  readonly text: string;
  readonly json?: string | null;
}

// ---- Views ----

function toView(db: Db, row: AnnotationRow): AnnotationView {
  const label = row.labelId ? getLabelRow(db, row.labelId) : undefined;
  return {
    id: row.id,
    articleId: row.articleId,
    labelId: row.labelId,
    label: label?.name ?? null,
    color: label?.color ?? null,
    note: row.noteText,
    noteJson: row.noteJson,
    quote: row.quote,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.start,
    end: row.end,
    status: row.status,
    tags: annotationTags(db, row.id),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function requireRow(db: Db, id: string): AnnotationRow {
  const row = getAnnotationRow(db, id);
  if (!row) throw new NotFoundError('highlight', id);
  return row;
}

export function getAnnotation(library: Library, id: string): AnnotationView {
  return toView(library.db, requireRow(library.db, id));
}

/** Annotations of one article (anchored in text order, then orphans), or of the whole library. */
export function listAnnotations(
  library: Library,
  filter: { articleId?: string; status?: AnnotationStatus } = {},
): AnnotationView[] {
  if (filter.articleId !== undefined) requireArticle(library.db, filter.articleId);
  return listAnnotationRows(library.db, filter).map((row) => toView(library.db, row));
}

// ---- Articles as annotations see them ----

interface ArticleText {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly bodyJson: string;
  readonly direction: 'ltr' | 'rtl';
}

function requireArticle(db: Db, id: string): ArticleText {
  const row = db
    .prepare(`SELECT id, title, body_text AS text, body_json AS bodyJson, direction FROM articles WHERE id = ?`)
    .get(id) as ArticleText | undefined;
  if (!row) throw new NotFoundError('article', id);
  return row;
}

// ---- Inputs ----

function noteFields(note: NoteInput | null | undefined): { json: string | null; text: string } {
  if (!note) return { json: null, text: '' };
  if (note.json !== undefined && note.json !== null) {
    let doc: ArticleDocument;
    try {
      doc = parseDocument(note.json);
    } catch {
      throw new UsageError('The note is not a valid document.');
    }
    const text = note.text !== '' ? note.text : documentPlainText(doc);
    return text.trim() === '' ? { json: null, text: '' } : { json: note.json, text };
  }
  const text = note.text.replace(/\r\n?/g, '\n').trim();
  if (text === '') return { json: null, text: '' };
  return { json: JSON.stringify(documentFromPlainText(text)), text: documentPlainText(documentFromPlainText(text)) };
}

function checkLabel(db: Db, labelId: string | null | undefined): string | null {
  if (labelId === undefined || labelId === null) return null;
  if (!getLabelRow(db, labelId)) throw new NotFoundError('label', labelId);
  return labelId;
}

/** Where a new or re-attached highlight goes: a quote and which occurrence, or a range (with the quote it should cover). */
export type AnchorTarget =
  | { readonly quote: string; readonly occurrence?: number }
  | { readonly start: number; readonly end: number; readonly quote?: string };

/** Resolves a target in `text` to an anchor, or explains in the analyst's words why it cannot. */
export function resolveTarget(text: string, target: AnchorTarget): Anchor {
  if ('start' in target) {
    const problem = rangeProblem(text, target.start, target.end);
    if (problem) throw new UsageError(problem);
    const anchor = anchorFromRange(text, target.start, target.end);
    if (target.quote !== undefined && target.quote !== anchor.quote) {
      throw new QuireError(
        'quote_mismatch',
        'The selected text does not match the article at that place (the article may have changed); select it again.',
      );
    }
    return anchor;
  }
  const quote = target.quote;
  if (quote.trim() === '') throw new UsageError('The quote is empty.');
  const found = findQuote(text, quote);
  const shown = quote.length > 80 ? `${quote.slice(0, 77)}…` : quote;
  if (found.length === 0) throw new QuireError('quote_not_found', `The quote “${shown}” does not appear in the article.`);
  if (target.occurrence === undefined) {
    if (found.length > 1) {
      throw new UsageError(
        `The quote “${shown}” appears ${found.length} times in the article; say which one with --occurrence 1 to ${found.length}.`,
      );
    }
  } else if (!Number.isInteger(target.occurrence) || target.occurrence < 1 || target.occurrence > found.length) {
    throw new UsageError(
      `The quote appears ${found.length} time${found.length === 1 ? '' : 's'}; --occurrence must be from 1 to ${found.length}.`,
    );
  }
  const match = found[(target.occurrence ?? 1) - 1] as { start: number; end: number };
  const problem = rangeProblem(text, match.start, match.end);
  if (problem) throw new UsageError(problem);
  return anchorFromRange(text, match.start, match.end);
}

// ---- Create, change, delete ----

export interface NewAnnotation {
  readonly articleId: string;
  readonly target: AnchorTarget;
  readonly labelId?: string | null;
  readonly note?: NoteInput | null;
  readonly tags?: readonly string[];
}

/** Highlights a passage. Highlights may overlap and may cross paragraphs. */
export function createAnnotation(library: Library, input: NewAnnotation): AnnotationView {
  const db = library.db;
  return db.transaction(() => {
    const article = requireArticle(db, input.articleId);
    const anchor = resolveTarget(article.text, input.target);
    const note = noteFields(input.note);
    const now = nowIso();
    const row: AnnotationRow = {
      id: newId('ann'),
      articleId: article.id,
      labelId: checkLabel(db, input.labelId),
      noteJson: note.json,
      noteText: note.text,
      ...anchor,
      status: 'anchored',
      createdAt: now,
      updatedAt: now,
    };
    insertAnnotationRow(db, row);
    if (input.tags && input.tags.length > 0) setAnnotationTags(db, row.id, input.tags);
    return toView(db, row);
  })();
}

export interface AnnotationPatch {
  /** A label id, or null for no label. */
  readonly labelId?: string | null;
  /** The new note, or null to remove it. */
  readonly note?: NoteInput | null;
  /** Replaces the tags. */
  readonly tags?: readonly string[];
}

export function updateAnnotation(library: Library, id: string, patch: AnnotationPatch): AnnotationView {
  const db = library.db;
  return db.transaction(() => {
    const row = requireRow(db, id);
    const now = nowIso();
    if (patch.labelId !== undefined) {
      const labelId = checkLabel(db, patch.labelId);
      if (labelId !== row.labelId) updateAnnotationLabel(db, id, labelId, now);
    }
    if (patch.note !== undefined) {
      const note = noteFields(patch.note);
      if (note.json !== row.noteJson || note.text !== row.noteText) updateAnnotationNote(db, id, note, now);
    }
    if (patch.tags !== undefined) {
      // Only a real change is written, so saving unchanged tags does not churn the change log.
      const key = (tags: readonly string[]): string =>
        [...new Set(tags.map((t) => cleanTag(t).toLocaleLowerCase()).filter(Boolean))].sort().join('\u0000');
      if (key(patch.tags) !== key(annotationTags(db, id))) {
        setAnnotationTags(db, id, patch.tags);
        touchAnnotation(db, id, now);
      }
    }
    return toView(db, requireRow(db, id));
  })();
}

/** Everything needed to undo a deletion exactly (`restoreAnnotation`). */
export interface DeletedAnnotation extends AnnotationRow {
  readonly tags: string[];
  /** Its place on the timeline, if the analyst put it there (absent in snapshots from before the timeline). */
  readonly timeline?: EventSnapshot | null;
}

export function deleteAnnotation(library: Library, id: string): DeletedAnnotation {
  const db = library.db;
  return db.transaction(() => {
    const row = requireRow(db, id);
    const snapshot: DeletedAnnotation = { ...row, tags: annotationTags(db, id), timeline: eventSnapshot(db, id) };
    deleteAnnotationRow(db, id);
    return snapshot;
  })();
}

/**
 * Puts a deleted annotation back with its id (notes that cite it find it again). If its label was
 * deleted meanwhile it comes back without one; if the article's text changed meanwhile it is re-anchored.
 */
export function restoreAnnotation(library: Library, snapshot: DeletedAnnotation): AnnotationView {
  const db = library.db;
  return db.transaction(() => {
    if (getAnnotationRow(db, snapshot.id)) {
      throw new QuireError('already_exists', 'This highlight is already in the library.');
    }
    const article = requireArticle(db, snapshot.articleId);
    const labelId = snapshot.labelId && getLabelRow(db, snapshot.labelId) ? snapshot.labelId : null;
    const { tags, timeline, ...row } = snapshot;
    const placed = placeIn(article.text, null, row);
    insertAnnotationRow(db, { ...row, labelId, ...placed.fields });
    if (tags.length > 0) setAnnotationTags(db, row.id, tags);
    restoreEventSnapshot(db, row.id, timeline);
    return toView(db, requireRow(db, row.id));
  })();
}

/** Moves a highlight (an orphan, usually) onto a new passage chosen by the analyst. */
export function attachAnnotation(library: Library, id: string, target: AnchorTarget): AnnotationView {
  const db = library.db;
  return db.transaction(() => {
    const row = requireRow(db, id);
    const article = requireArticle(db, row.articleId);
    const anchor = resolveTarget(article.text, target);
    updateAnnotationAnchor(db, id, { ...anchor, status: 'anchored' }, nowIso());
    return toView(db, requireRow(db, id));
  })();
}

// ---- Changing the article's text ----

/** How an annotation was placed after a change of text: by its mark in the reader, by the cascade, or not at all. */
export type PlacementMethod = 'mark' | AnchorMethod | 'orphaned';

export interface ReanchoredAnnotation extends AnnotationView {
  readonly method: PlacementMethod;
  readonly previous: { readonly start: number | null; readonly end: number | null; readonly status: AnnotationStatus };
}

export interface TextUpdateResult {
  readonly articleId: string;
  /** The article's new plain text. */
  readonly text: string;
  /** False when the new text is the same as the old one (the document may still have changed). */
  readonly textChanged: boolean;
  readonly annotations: ReanchoredAnnotation[];
  readonly counts: { readonly anchored: number; readonly orphaned: number };
}

type Placement = {
  readonly method: PlacementMethod;
  readonly fields: Pick<AnnotationRow, 'quote' | 'prefix' | 'suffix' | 'start' | 'end' | 'status'>;
};

/** Runs the re-anchoring cascade for one stored annotation. */
function placeIn(newText: string, change: ChangeMap | null, row: StoredAnchor): Placement {
  const result = reanchor(newText, row, { change });
  if (result.status === 'anchored') return { method: result.method, fields: { ...result.anchor, status: 'anchored' } };
  return {
    method: 'orphaned',
    fields: { quote: row.quote, prefix: row.prefix, suffix: row.suffix, start: null, end: null, status: 'orphaned' },
  };
}

function sameFields(row: AnnotationRow, fields: Placement['fields']): boolean {
  return (
    row.quote === fields.quote &&
    row.prefix === fields.prefix &&
    row.suffix === fields.suffix &&
    row.start === fields.start &&
    row.end === fields.end &&
    row.status === fields.status
  );
}

/**
 * Stores a new body for an article and places every annotation in the new text, all in one transaction.
 * `marks` (from the reader) give the new place of highlights whose marks survived the edit; every other
 * annotation goes through the cascade.
 */
function replaceBody(library: Library, articleId: string, doc: ArticleDocument, marks: readonly MarkRange[]): TextUpdateResult {
  const db = library.db;
  return db.transaction(() => {
    const article = requireArticle(db, articleId);
    const newText = documentPlainText(doc);
    if (newText.trim() === '') throw new UsageError('The new text is empty; delete the article instead if that is what you mean.');
    const hash = contentHash(article.title, newText);
    const twin = findArticleByContentHash(db, hash);
    if (twin && twin.id !== articleId) {
      throw new QuireError(
        'duplicate_article',
        `The new text is the same as the article “${twin.title}” (${twin.id}) already in the library; nothing was changed.`,
      );
    }
    const rows = listAnnotationRows(db, { articleId });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const markById = new Map<string, MarkRange>();
    for (const mark of mergeMarkRanges(marks)) {
      const owner = byId.get(mark.id);
      if (!owner) {
        if (getAnnotationRow(db, mark.id)) throw new UsageError(`The highlight ${mark.id} belongs to another article.`);
        continue; // A mark of a highlight deleted meanwhile: its text stays, unhighlighted.
      }
      const problem = rangeProblem(newText, mark.start, mark.end);
      if (problem) throw new UsageError(`The highlight ${mark.id}: ${problem}`);
      markById.set(mark.id, mark);
    }

    const now = nowIso();
    const bodyJson = JSON.stringify(doc);
    if (bodyJson !== article.bodyJson || newText !== article.text) {
      updateArticleBody(db, articleId, { bodyJson, text: newText, contentSha256: hash }, now);
      // The timeline's dates follow the text, in the same transaction.
      if (newText !== article.text) writeArticleDates(db, articleId);
    }
    const change = changeMap(article.text, newText);
    const results: ReanchoredAnnotation[] = [];
    for (const row of rows) {
      const mark = markById.get(row.id);
      let placement: Placement;
      if (mark) {
        placement = { method: 'mark', fields: { ...anchorFromRange(newText, mark.start, mark.end), status: 'anchored' } };
      } else {
        placement = placeIn(newText, row.status === 'anchored' ? change : null, row);
      }
      if (!sameFields(row, placement.fields)) updateAnnotationAnchor(db, row.id, placement.fields, now);
      results.push({
        ...toView(db, requireRow(db, row.id)),
        method: placement.method,
        previous: { start: row.start, end: row.end, status: row.status },
      });
    }
    const orphaned = results.filter((r) => r.status === 'orphaned').length;
    return {
      articleId,
      text: newText,
      textChanged: newText !== article.text,
      annotations: results,
      counts: { anchored: results.length - orphaned, orphaned },
    };
  })();
}

function parseBody(bodyJson: string): ArticleDocument {
  try {
    return parseDocument(bodyJson);
  } catch {
    throw new UsageError('The article body is not a valid document.');
  }
}

/**
 * Replaces an article's text (`quire update`, a re-imported better copy) and re-anchors every annotation
 * through the cascade. Plain text becomes paragraphs split at blank lines, in the article's direction.
 */
export function updateArticleText(
  library: Library,
  articleId: string,
  body: { readonly text: string } | { readonly bodyJson: string },
): TextUpdateResult {
  let doc: ArticleDocument;
  if ('text' in body) {
    const article = requireArticle(library.db, articleId);
    doc = documentFromPlainText(body.text, article.direction);
  } else {
    doc = stripMarks(parseBody(body.bodyJson));
  }
  return replaceBody(library, articleId, doc, []);
}

/**
 * Saves an edit made in the reader. `marks` are the highlights' ranges in the new document's plain text
 * (several entries for one id, the pieces of a split mark, are merged); MarkNodes left in `bodyJson` are
 * read as marks too and removed from what is stored. Highlights without a mark are re-anchored by the cascade.
 */
export function saveArticleEdit(
  library: Library,
  articleId: string,
  edit: { readonly bodyJson: string; readonly marks: readonly MarkRange[] },
): TextUpdateResult {
  const parsed = parseBody(edit.bodyJson);
  const fromDocument = markRangesInDocument(parsed);
  const given = new Set(edit.marks.map((m) => m.id));
  const marks = [...edit.marks, ...fromDocument.filter((m) => !given.has(m.id))];
  return replaceBody(library, articleId, stripMarks(parsed), marks);
}

// ---- Registration with the rest of the core ----

let registered = false;

/**
 * Hooks annotations into the library: default labels seeded into a new library, and `"annotations"`
 * in every article's details (`quire show`, the reader). Idempotent; runs when this module is loaded.
 */
export function ensureAnnotationsRegistered(): void {
  if (registered) return;
  registered = true;
  registerLabelSeeding();
  registerArticleDetail((library, articleId) => ({ annotations: listAnnotations(library, { articleId }) }));
}

ensureAnnotationsRegistered();
