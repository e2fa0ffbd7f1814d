/**
 * Dossiers: create, edit metadata, duplicate, delete; and their ordered items (section headings,
 * articles, single highlights, notes). Every change is one transaction; positions stay 0..n-1.
 */
import { documentFromPlainText, parseDocument } from '../../common/document.js';
import { notePlainText } from '../../common/note-document.js';
import { getAnnotationRecord, getArticleCitation } from '../citations.js';
import { getNoteRow } from '../db/notes.js';
import type { Db } from '../db/open.js';
import { NotFoundError, UsageError } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import {
  deleteDossierRow,
  deleteItemRow,
  getDossierRow,
  insertDossier,
  insertItemRow,
  listDossierRows,
  listItemRows,
  setItemOptionsRow,
  touchDossier,
  updateDossierRow,
  writeOrder,
  type DossierItemKind,
  type DossierItemOptions,
  type DossierItemRow,
  type DossierRow,
} from './store.js';

export type { DossierItemKind, DossierItemOptions, DossierRow };

export interface DossierMetadata {
  readonly title: string;
  readonly subtitle?: string | null;
  readonly author?: string | null;
  readonly date?: string | null;
  readonly marking?: string | null;
  /** The summary as a Lexical document (JSON) or as plain text; not both. */
  readonly summaryJson?: string | null;
  readonly summaryText?: string | null;
  /** Print a chronology section of the dossier's dated events (off by default). */
  readonly includeChronology?: boolean;
}

export type DossierPatch = Partial<DossierMetadata>;

export interface DossierSummary extends DossierRow {
  readonly itemCount: number;
  /** Only with `listDossiers(db, { containing })`. */
  readonly contains?: boolean;
}

/** An item as the dossier builder lists it: what it is, and whether it still exists. */
export interface DossierItemView extends DossierItemRow {
  /** Heading text, article title, the highlight's quote, or the note's title. */
  readonly title: string;
  /** A second line: source and date, the quoted article, a note's beginning. */
  readonly detail: string | null;
  /** The referent was deleted from the library. */
  readonly missing: boolean;
  /** The article to open for this item (the article itself, or the highlight's article). */
  readonly articleId: string | null;
  readonly label: { readonly name: string; readonly color: string } | null;
  /** Article items: how many highlights the article has (anchored). */
  readonly highlightCount: number | null;
}

export interface DossierView extends DossierRow {
  readonly items: DossierItemView[];
}

const MAX_TEXT = { title: 500, subtitle: 1000, author: 500, date: 100, marking: 300, heading: 500 } as const;

function cleanLine(value: string | null | undefined, field: keyof typeof MAX_TEXT): string | null {
  if (value === undefined || value === null) return null;
  const clean = value.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (clean.length > MAX_TEXT[field]) throw new UsageError(`The ${field} is too long (at most ${MAX_TEXT[field]} characters).`);
  return clean === '' ? null : clean;
}

function requiredTitle(value: string): string {
  const title = cleanLine(value, 'title');
  if (!title) throw new UsageError('A dossier needs a title.');
  return title;
}

function summaryFields(input: { summaryJson?: string | null; summaryText?: string | null }): {
  summaryJson: string | null;
  summaryText: string;
} {
  if (input.summaryJson !== undefined && input.summaryJson !== null) {
    if (input.summaryText !== undefined && input.summaryText !== null) {
      throw new UsageError('Give the summary either as a document or as text, not both.');
    }
    let doc;
    try {
      doc = parseDocument(input.summaryJson);
    } catch {
      throw new UsageError('The summary is not a valid editor document.');
    }
    const text = notePlainText(doc);
    return text.trim() === '' ? { summaryJson: null, summaryText: '' } : { summaryJson: JSON.stringify(doc), summaryText: text };
  }
  const text = (input.summaryText ?? '').trim();
  if (text === '') return { summaryJson: null, summaryText: '' };
  const doc = documentFromPlainText(text);
  return { summaryJson: JSON.stringify(doc), summaryText: notePlainText(doc) };
}

function today(): string {
  return nowIso().slice(0, 10);
}

function requireDossier(db: Db, id: string): DossierRow {
  const row = getDossierRow(db, id);
  if (!row) throw new NotFoundError('dossier', id);
  return row;
}

export function createDossier(db: Db, input: DossierMetadata): DossierView {
  const id = newId('dos');
  const now = nowIso();
  const row: DossierRow = {
    id,
    title: requiredTitle(input.title),
    subtitle: cleanLine(input.subtitle, 'subtitle'),
    author: cleanLine(input.author, 'author'),
    // A dossier is dated the day it is created unless the analyst says otherwise (or clears it).
    date: input.date === undefined ? today() : cleanLine(input.date, 'date'),
    marking: cleanLine(input.marking, 'marking'),
    ...summaryFields(input),
    includeChronology: input.includeChronology === true,
    createdAt: now,
    updatedAt: now,
  };
  insertDossier(db, row);
  return getDossierView(db, id);
}

export function updateDossier(db: Db, id: string, patch: DossierPatch): DossierView {
  db.transaction(() => {
    const row = requireDossier(db, id);
    const summary =
      patch.summaryJson !== undefined || patch.summaryText !== undefined
        ? summaryFields(patch)
        : { summaryJson: row.summaryJson, summaryText: row.summaryText };
    const next = {
      id,
      title: patch.title !== undefined ? requiredTitle(patch.title) : row.title,
      subtitle: patch.subtitle !== undefined ? cleanLine(patch.subtitle, 'subtitle') : row.subtitle,
      author: patch.author !== undefined ? cleanLine(patch.author, 'author') : row.author,
      date: patch.date !== undefined ? cleanLine(patch.date, 'date') : row.date,
      marking: patch.marking !== undefined ? cleanLine(patch.marking, 'marking') : row.marking,
      ...summary,
      includeChronology: patch.includeChronology ?? row.includeChronology,
    };
    const unchanged = (Object.keys(next) as (keyof typeof next)[]).every((key) => next[key] === row[key]);
    if (!unchanged) updateDossierRow(db, { ...next, updatedAt: nowIso() });
  })();
  return getDossierView(db, id);
}

/** A copy with the same metadata and items (new ids), titled "… (copy)" unless a title is given. */
export function duplicateDossier(db: Db, id: string, title?: string): DossierView {
  const copyId = newId('dos');
  db.transaction(() => {
    const row = requireDossier(db, id);
    const now = nowIso();
    insertDossier(db, { ...row, id: copyId, title: title ? requiredTitle(title) : copyTitle(row.title), createdAt: now, updatedAt: now });
    for (const item of listItemRows(db, id)) insertItemRow(db, { ...item, id: newId('item'), dossierId: copyId });
  })();
  return getDossierView(db, copyId);
}

function copyTitle(title: string): string {
  const suffix = ' (copy)';
  return title.length + suffix.length > MAX_TEXT.title ? title : `${title}${suffix}`;
}

export function deleteDossier(db: Db, id: string): void {
  if (!deleteDossierRow(db, id)) throw new NotFoundError('dossier', id);
}

/** Everything needed to undo a dossier's deletion. */
export interface DeletedDossier {
  readonly version: 1;
  readonly dossier: DossierRow;
  readonly items: DossierItemRow[];
}

export function deleteDossierWithSnapshot(db: Db, id: string): DeletedDossier {
  return db.transaction(() => {
    const dossier = requireDossier(db, id);
    const items = listItemRows(db, id);
    deleteDossierRow(db, id);
    return { version: 1 as const, dossier, items };
  })();
}

export function restoreDossier(db: Db, snapshot: DeletedDossier): DossierView {
  db.transaction(() => {
    if (getDossierRow(db, snapshot.dossier.id)) throw new UsageError('This dossier is already in the library.');
    insertDossier(db, snapshot.dossier);
    snapshot.items.forEach((item, position) => insertItemRow(db, { ...item, dossierId: snapshot.dossier.id, position }));
  })();
  return getDossierView(db, snapshot.dossier.id);
}

/** Dossiers, most recently edited first; with `containing`, each says whether it holds that id. */
export function listDossiers(db: Db, options: { containing?: string } = {}): DossierSummary[] {
  const rows = listDossierRows(db);
  if (options.containing === undefined) return rows;
  const holding = new Set(
    (db.prepare(`SELECT DISTINCT dossier_id AS id FROM dossier_items WHERE ref_id = ?`).all(options.containing) as { id: string }[]).map((r) => r.id),
  );
  return rows.map((row) => ({ ...row, contains: holding.has(row.id) }));
}

export function findDossier(db: Db, id: string): DossierRow | undefined {
  return getDossierRow(db, id);
}

// ---- Items ----

/** What an id names in the library: ids carry prefixes, but lookup is the authority. */
export interface ResolvedRef {
  readonly kind: Exclude<DossierItemKind, 'heading'>;
  readonly id: string;
  readonly title: string;
}

const QUOTE_TITLE_LENGTH = 160;

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export function resolveRef(db: Db, id: string): ResolvedRef | undefined {
  const article = getArticleCitation(db, id);
  if (article) return { kind: 'article', id, title: article.title };
  const annotation = getAnnotationRecord(db, id);
  if (annotation) return { kind: 'annotation', id, title: shorten(annotation.quote, QUOTE_TITLE_LENGTH) };
  const note = getNoteRow(db, id);
  if (note) return { kind: 'note', id, title: note.title };
  return undefined;
}

export interface AddItemsInput {
  /** Article, highlight or note ids, added in this order. */
  readonly ids?: readonly string[];
  /** A section heading added before the items. */
  readonly heading?: string;
  /** Article items: print highlights only. */
  readonly highlightsOnly?: boolean;
  /** Where to insert (0-based); default: at the end. */
  readonly position?: number;
}

export interface AddItemsResult {
  readonly added: readonly DossierItemRow[];
  /** Ids already in the dossier as the same kind of item: not added twice. */
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
}

export function addItems(db: Db, dossierId: string, input: AddItemsInput): AddItemsResult {
  return db.transaction(() => {
    requireDossier(db, dossierId);
    const existing = listItemRows(db, dossierId);
    const present = new Set(existing.filter((i) => i.refId !== null).map((i) => `${i.kind}:${i.refId}`));
    const added: DossierItemRow[] = [];
    const skipped: { id: string; reason: string }[] = [];
    const heading = cleanLine(input.heading, 'heading');
    if (input.heading !== undefined && heading === null) throw new UsageError('A section heading needs some text.');
    if (heading) {
      added.push({ id: newId('item'), dossierId, position: 0, kind: 'heading', refId: null, heading, options: {}, refTitle: null });
    }
    for (const rawId of input.ids ?? []) {
      const id = rawId.trim();
      const ref = resolveRef(db, id);
      if (!ref) throw new NotFoundError('article, highlight or note', id);
      const key = `${ref.kind}:${ref.id}`;
      if (present.has(key)) {
        skipped.push({ id, reason: `This ${ref.kind === 'annotation' ? 'highlight' : ref.kind} is already in the dossier.` });
        continue;
      }
      present.add(key);
      const options: DossierItemOptions = ref.kind === 'article' && input.highlightsOnly ? { highlightsOnly: true } : {};
      added.push({ id: newId('item'), dossierId, position: 0, kind: ref.kind, refId: ref.id, heading: null, options, refTitle: ref.title });
    }
    const at = clampPosition(input.position ?? existing.length, existing.length);
    for (const item of added) insertItemRow(db, item);
    const order = [...existing.map((i) => i.id)];
    order.splice(at, 0, ...added.map((i) => i.id));
    writeOrder(db, order);
    if (added.length > 0) touchDossier(db, dossierId, nowIso());
    const positions = new Map(order.map((id, index) => [id, index]));
    return { added: added.map((item) => ({ ...item, position: positions.get(item.id) ?? 0 })), skipped };
  })();
}

function clampPosition(position: number, length: number): number {
  if (!Number.isInteger(position)) throw new UsageError('A position must be a whole number.');
  return Math.max(0, Math.min(position, length));
}

/**
 * Finds an item by its own id, or by the id of what it refers to (an article id given to
 * `quire dossier remove`); a ref id that appears in several items is ambiguous.
 */
export function findItem(db: Db, dossierId: string, itemOrRefId: string): DossierItemRow {
  const items = listItemRows(db, dossierId);
  const byId = items.find((i) => i.id === itemOrRefId);
  if (byId) return byId;
  const byRef = items.filter((i) => i.refId === itemOrRefId);
  if (byRef.length === 1 && byRef[0]) return byRef[0];
  if (byRef.length > 1) {
    throw new UsageError(`${itemOrRefId} is in this dossier ${byRef.length} times; give the item id instead (see \`quire dossier show\`).`);
  }
  throw new NotFoundError('item in this dossier', itemOrRefId);
}

export function removeItem(db: Db, dossierId: string, itemOrRefId: string): DossierItemRow {
  return db.transaction(() => {
    requireDossier(db, dossierId);
    const item = findItem(db, dossierId, itemOrRefId);
    deleteItemRow(db, item.id);
    writeOrder(db, listItemRows(db, dossierId).map((i) => i.id));
    touchDossier(db, dossierId, nowIso());
    return item;
  })();
}

/** Moves an item to a 0-based position (clamped to the list). */
export function moveItem(db: Db, dossierId: string, itemOrRefId: string, position: number): DossierItemRow {
  return db.transaction(() => {
    requireDossier(db, dossierId);
    const item = findItem(db, dossierId, itemOrRefId);
    const order = listItemRows(db, dossierId).map((i) => i.id).filter((id) => id !== item.id);
    const at = clampPosition(position, order.length);
    order.splice(at, 0, item.id);
    writeOrder(db, order);
    touchDossier(db, dossierId, nowIso());
    return { ...item, position: at };
  })();
}

/** Sets the whole order at once (drag and drop sends it): the ids must be exactly the dossier's items. */
export function reorderItems(db: Db, dossierId: string, itemIds: readonly string[]): void {
  db.transaction(() => {
    requireDossier(db, dossierId);
    const current = listItemRows(db, dossierId).map((i) => i.id);
    const same = current.length === itemIds.length && new Set(itemIds).size === itemIds.length && itemIds.every((id) => current.includes(id));
    if (!same) throw new UsageError('The dossier changed meanwhile; reload it and try again.');
    writeOrder(db, itemIds);
    touchDossier(db, dossierId, nowIso());
  })();
}

export interface ItemOptionsPatch {
  readonly highlightsOnly?: boolean;
  /** Heading items: the new heading text. */
  readonly heading?: string;
}

export function setItemOptions(db: Db, dossierId: string, itemOrRefId: string, patch: ItemOptionsPatch): DossierItemRow {
  return db.transaction(() => {
    requireDossier(db, dossierId);
    const item = findItem(db, dossierId, itemOrRefId);
    let heading = item.heading;
    if (patch.heading !== undefined) {
      if (item.kind !== 'heading') throw new UsageError('Only section headings have heading text.');
      heading = cleanLine(patch.heading, 'heading');
      if (!heading) throw new UsageError('A section heading needs some text.');
    }
    let options = item.options;
    if (patch.highlightsOnly !== undefined) {
      if (item.kind !== 'article') throw new UsageError('"Highlights only" applies to articles.');
      options = patch.highlightsOnly ? { ...options, highlightsOnly: true } : omitHighlightsOnly(options);
    }
    setItemOptionsRow(db, item.id, options, heading);
    touchDossier(db, dossierId, nowIso());
    return { ...item, options, heading };
  })();
}

function omitHighlightsOnly(options: DossierItemOptions): DossierItemOptions {
  const { highlightsOnly: _omit, ...rest } = options;
  return rest;
}

// ---- The builder's view ----

function itemView(db: Db, item: DossierItemRow): DossierItemView {
  const base = { ...item, missing: false, articleId: null, label: null, highlightCount: null };
  switch (item.kind) {
    case 'heading':
      return { ...base, title: item.heading ?? '', detail: null };
    case 'article': {
      const article = item.refId ? getArticleCitation(db, item.refId) : undefined;
      if (!article) return { ...base, title: item.refTitle ?? 'Deleted article', detail: 'This article has been deleted from the library.', missing: true };
      const count = (
        db.prepare(`SELECT COUNT(*) AS n FROM annotations WHERE article_id = ? AND status = 'anchored'`).get(article.articleId) as { n: number }
      ).n;
      const detail = [article.source, article.publishedAt?.slice(0, 10), article.language].filter(Boolean).join(' · ');
      return { ...base, title: article.title, detail: detail || null, articleId: article.articleId, highlightCount: count };
    }
    case 'annotation': {
      const annotation = item.refId ? getAnnotationRecord(db, item.refId) : undefined;
      if (!annotation) return { ...base, title: item.refTitle ?? 'Deleted highlight', detail: 'This highlight has been deleted.', missing: true };
      const article = getArticleCitation(db, annotation.articleId);
      const orphaned = annotation.status === 'orphaned' ? ' · orphaned' : '';
      return {
        ...base,
        title: shorten(annotation.quote, QUOTE_TITLE_LENGTH),
        detail: `${article?.title ?? ''}${orphaned}` || null,
        articleId: annotation.articleId,
        label: annotation.label ? { name: annotation.label.name, color: annotation.label.color } : null,
      };
    }
    case 'note': {
      const note = item.refId ? getNoteRow(db, item.refId) : undefined;
      if (!note) return { ...base, title: item.refTitle ?? 'Deleted note', detail: 'This note has been deleted.', missing: true };
      return { ...base, title: note.title, detail: shorten(note.text, 140) || null, articleId: note.articleId };
    }
  }
}

export function getDossierView(db: Db, id: string): DossierView {
  const row = requireDossier(db, id);
  return { ...row, items: listItemRows(db, id).map((item) => itemView(db, item)) };
}
