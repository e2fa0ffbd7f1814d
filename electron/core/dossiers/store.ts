/** The `dossiers` and `dossier_items` tables: synchronous, parameterised, one job each. */
import type { Db } from '../db/open.js';

export type DossierItemKind = 'heading' | 'article' | 'annotation' | 'note';

/** Per-item options, stored as JSON so new ones need no migration. */
export interface DossierItemOptions {
  /** Article items: print only the highlighted passages, not the whole text. */
  readonly highlightsOnly?: boolean;
}

export interface DossierRow {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string | null;
  readonly author: string | null;
  /** The date printed on the cover: ISO `YYYY-MM-DD` from the app, free text accepted. */
  readonly date: string | null;
  /** A classification or handling line printed at the top and bottom of every page. */
  readonly marking: string | null;
  readonly summaryJson: string | null;
  readonly summaryText: string;
  /** Print a chronology section (docs/timeline.md). */
  readonly includeChronology: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What inserting takes: the chronology setting defaults to off (as in the column). */
export type NewDossierRow = Omit<DossierRow, 'includeChronology'> & { readonly includeChronology?: boolean };

export interface DossierItemRow {
  readonly id: string;
  readonly dossierId: string;
  /** 0-based, contiguous within a dossier. */
  readonly position: number;
  readonly kind: DossierItemKind;
  /** The article, annotation or note; null for headings. */
  readonly refId: string | null;
  /** The heading text (headings only). */
  readonly heading: string | null;
  readonly options: DossierItemOptions;
  /** The referent's title when it was added: what a deleted referent is shown as. */
  readonly refTitle: string | null;
}

const DOSSIER_COLUMNS = `id, title, subtitle, author, date, marking, summary_json AS summaryJson, summary_text AS summaryText,
  include_chronology AS includeChronology, created_at AS createdAt, updated_at AS updatedAt`;

/** SQLite has no boolean: the flag comes back as 0/1. */
function toDossierRow<T extends { includeChronology: number }>(row: T): Omit<T, 'includeChronology'> & { includeChronology: boolean } {
  return { ...row, includeChronology: row.includeChronology === 1 };
}

export function insertDossier(db: Db, row: NewDossierRow): void {
  db.prepare(
    `INSERT INTO dossiers (id, title, subtitle, author, date, marking, summary_json, summary_text, include_chronology, created_at, updated_at)
     VALUES (@id, @title, @subtitle, @author, @date, @marking, @summaryJson, @summaryText, @includeChronology, @createdAt, @updatedAt)`,
  ).run({ ...row, includeChronology: row.includeChronology === true ? 1 : 0 });
}

type DossierDbRow = Omit<DossierRow, 'includeChronology'> & { includeChronology: number };

export function getDossierRow(db: Db, id: string): DossierRow | undefined {
  const row = db.prepare(`SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE id = ?`).get(id) as DossierDbRow | undefined;
  return row ? toDossierRow(row) : undefined;
}

export function listDossierRows(db: Db): (DossierRow & { itemCount: number })[] {
  return (
    db
      .prepare(
        `SELECT ${DOSSIER_COLUMNS}, (SELECT COUNT(*) FROM dossier_items i WHERE i.dossier_id = dossiers.id) AS itemCount
         FROM dossiers ORDER BY updated_at DESC, id DESC`,
      )
      .all() as (DossierDbRow & { itemCount: number })[]
  ).map(toDossierRow);
}

export function updateDossierRow(db: Db, row: Omit<DossierRow, 'createdAt'>): void {
  db.prepare(
    `UPDATE dossiers SET title = @title, subtitle = @subtitle, author = @author, date = @date, marking = @marking,
       summary_json = @summaryJson, summary_text = @summaryText, include_chronology = @includeChronology,
       updated_at = @updatedAt WHERE id = @id`,
  ).run({ ...row, includeChronology: row.includeChronology ? 1 : 0 });
}

/** Marks a dossier as edited (items changed). */
export function touchDossier(db: Db, id: string, updatedAt: string): void {
  db.prepare(`UPDATE dossiers SET updated_at = ? WHERE id = ?`).run(updatedAt, id);
}

export function deleteDossierRow(db: Db, id: string): boolean {
  return db.prepare(`DELETE FROM dossiers WHERE id = ?`).run(id).changes > 0;
}

interface ItemDbRow extends Omit<DossierItemRow, 'options'> {
  readonly optionsJson: string;
}

const ITEM_COLUMNS = `id, dossier_id AS dossierId, position, kind, ref_id AS refId, heading, options_json AS optionsJson,
  ref_title AS refTitle`;

function parseOptions(json: string): DossierItemOptions {
  try {
    const value = JSON.parse(json) as unknown;
    if (typeof value !== 'object' || value === null) return {};
    const highlightsOnly = (value as { highlightsOnly?: unknown }).highlightsOnly;
    return highlightsOnly === true ? { highlightsOnly: true } : {};
  } catch {
    return {};
  }
}

function toItem(row: ItemDbRow): DossierItemRow {
  const { optionsJson, ...rest } = row;
  return { ...rest, options: parseOptions(optionsJson) };
}

export function listItemRows(db: Db, dossierId: string): DossierItemRow[] {
  return (
    db.prepare(`SELECT ${ITEM_COLUMNS} FROM dossier_items WHERE dossier_id = ? ORDER BY position, id`).all(dossierId) as ItemDbRow[]
  ).map(toItem);
}

export function insertItemRow(db: Db, item: DossierItemRow): void {
  db.prepare(
    `INSERT INTO dossier_items (id, dossier_id, position, kind, ref_id, heading, options_json, ref_title)
     VALUES (@id, @dossierId, @position, @kind, @refId, @heading, @optionsJson, @refTitle)`,
  ).run({ ...item, optionsJson: JSON.stringify(item.options) });
}

export function deleteItemRow(db: Db, itemId: string): void {
  db.prepare(`DELETE FROM dossier_items WHERE id = ?`).run(itemId);
}

export function setItemPosition(db: Db, itemId: string, position: number): void {
  db.prepare(`UPDATE dossier_items SET position = ? WHERE id = ?`).run(position, itemId);
}

export function setItemOptionsRow(db: Db, itemId: string, options: DossierItemOptions, heading: string | null): void {
  db.prepare(`UPDATE dossier_items SET options_json = ?, heading = ? WHERE id = ?`).run(JSON.stringify(options), heading, itemId);
}

/** Rewrites positions 0..n-1 in the given order (call inside a transaction). */
export function writeOrder(db: Db, itemIds: readonly string[]): void {
  const update = db.prepare(`UPDATE dossier_items SET position = ? WHERE id = ?`);
  itemIds.forEach((id, index) => update.run(index, id));
}
