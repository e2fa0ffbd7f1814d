import type { Db } from './open.js';

/** A label as stored: the analyst's code for a kind of highlight. `position` is 0-based and contiguous. */
export interface LabelRow {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  readonly position: number;
  readonly shortcut: number | null;
}

/** A label with how many highlights use it (what the label manager shows). */
export interface LabelWithUsage extends LabelRow {
  readonly annotations: number;
}

const COLUMNS = `l.id, l.name, l.color, l.position, l.shortcut`;

export function listLabelRows(db: Db): LabelWithUsage[] {
  return db
    .prepare(
      `SELECT ${COLUMNS}, (SELECT COUNT(*) FROM annotations a WHERE a.label_id = l.id) AS annotations
       FROM labels l ORDER BY l.position, l.name COLLATE NOCASE`,
    )
    .all() as LabelWithUsage[];
}

export function getLabelRow(db: Db, id: string): LabelRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM labels l WHERE l.id = ?`).get(id) as LabelRow | undefined;
}

/** Case-insensitive, as the analyst types it. */
export function findLabelRowByName(db: Db, name: string): LabelRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM labels l WHERE l.name = ? COLLATE NOCASE`).get(name) as LabelRow | undefined;
}

export function findLabelRowByShortcut(db: Db, shortcut: number): LabelRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM labels l WHERE l.shortcut = ?`).get(shortcut) as LabelRow | undefined;
}

export function labelCount(db: Db): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM labels`).get() as { n: number }).n;
}

export function insertLabelRow(db: Db, label: LabelRow): void {
  db.prepare(`INSERT INTO labels (id, name, color, position, shortcut) VALUES (@id, @name, @color, @position, @shortcut)`).run(
    label,
  );
}

export function updateLabelRow(db: Db, id: string, patch: { name?: string; color?: string; shortcut?: number | null }): void {
  if (patch.name !== undefined) db.prepare(`UPDATE labels SET name = ? WHERE id = ?`).run(patch.name, id);
  if (patch.color !== undefined) db.prepare(`UPDATE labels SET color = ? WHERE id = ?`).run(patch.color, id);
  if (patch.shortcut !== undefined) db.prepare(`UPDATE labels SET shortcut = ? WHERE id = ?`).run(patch.shortcut, id);
}

/** Rewrites every position from an ordered list of ids (the caller passes every label once). */
export function setLabelOrder(db: Db, ids: readonly string[]): void {
  const update = db.prepare(`UPDATE labels SET position = ? WHERE id = ?`);
  ids.forEach((id, position) => update.run(position, id));
}

export function labelUsage(db: Db, id: string): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM annotations WHERE label_id = ?`).get(id) as { n: number }).n;
}

/** Moves every highlight of one label to another (null: no label), touching updated_at so search re-indexes them. */
export function reassignLabel(db: Db, fromId: string, toId: string | null, updatedAt: string): number {
  return db.prepare(`UPDATE annotations SET label_id = ?, updated_at = ? WHERE label_id = ?`).run(toId, updatedAt, fromId)
    .changes;
}

export function deleteLabelRow(db: Db, id: string): void {
  db.prepare(`DELETE FROM labels WHERE id = ?`).run(id);
}

/** Whether this library has been given the default labels already (migration 0004's `library_meta`). */
export function labelsSeeded(db: Db): boolean {
  return db.prepare(`SELECT 1 FROM library_meta WHERE key = 'labels_seeded'`).get() !== undefined;
}

export function markLabelsSeeded(db: Db, at: string): void {
  db.prepare(`INSERT OR IGNORE INTO library_meta (key, value) VALUES ('labels_seeded', ?)`).run(at);
}
