import type { Db } from './open.js';

export type AnnotationStatus = 'anchored' | 'orphaned';

/** An annotation as stored (tags live in annotation_tags). */
export interface AnnotationRow {
  readonly id: string;
  readonly articleId: string;
  readonly labelId: string | null;
  readonly noteJson: string | null;
  readonly noteText: string;
  readonly quote: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number | null;
  readonly end: number | null;
  readonly status: AnnotationStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const COLUMNS = `a.id, a.article_id AS articleId, a.label_id AS labelId, a.note_json AS noteJson, a.note_text AS noteText,
  a.quote, a.prefix, a.suffix, a.start, a."end" AS "end", a.status, a.created_at AS createdAt, a.updated_at AS updatedAt`;

/** Anchored ones in text order first, then orphans in creation order. */
const ORDER = `ORDER BY a.status = 'orphaned', a.start, a."end", a.created_at, a.id`;

export function insertAnnotationRow(db: Db, row: AnnotationRow): void {
  db.prepare(
    `INSERT INTO annotations (id, article_id, label_id, note_json, note_text, quote, prefix, suffix, start, "end", status,
       created_at, updated_at)
     VALUES (@id, @articleId, @labelId, @noteJson, @noteText, @quote, @prefix, @suffix, @start, @end, @status,
       @createdAt, @updatedAt)`,
  ).run(row);
}

export function getAnnotationRow(db: Db, id: string): AnnotationRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM annotations a WHERE a.id = ?`).get(id) as AnnotationRow | undefined;
}

export function listAnnotationRows(db: Db, filter: { articleId?: string; status?: AnnotationStatus } = {}): AnnotationRow[] {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (filter.articleId !== undefined) {
    where.push('a.article_id = @articleId');
    params['articleId'] = filter.articleId;
  }
  if (filter.status !== undefined) {
    where.push('a.status = @status');
    params['status'] = filter.status;
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const order = filter.articleId === undefined ? `ORDER BY a.article_id, a.status = 'orphaned', a.start, a.created_at, a.id` : ORDER;
  return db.prepare(`SELECT ${COLUMNS} FROM annotations a ${clause} ${order}`).all(params) as AnnotationRow[];
}

/** The anchor after re-anchoring or re-attaching; offsets are null for an orphan. */
export function updateAnnotationAnchor(
  db: Db,
  id: string,
  anchor: { quote: string; prefix: string; suffix: string; start: number | null; end: number | null; status: AnnotationStatus },
  updatedAt: string,
): void {
  db.prepare(
    `UPDATE annotations SET quote = @quote, prefix = @prefix, suffix = @suffix, start = @start, "end" = @end, status = @status,
       updated_at = @updatedAt WHERE id = @id`,
  ).run({ ...anchor, id, updatedAt });
}

export function updateAnnotationLabel(db: Db, id: string, labelId: string | null, updatedAt: string): void {
  db.prepare(`UPDATE annotations SET label_id = ?, updated_at = ? WHERE id = ?`).run(labelId, updatedAt, id);
}

export function updateAnnotationNote(db: Db, id: string, note: { json: string | null; text: string }, updatedAt: string): void {
  db.prepare(`UPDATE annotations SET note_json = ?, note_text = ?, updated_at = ? WHERE id = ?`).run(
    note.json,
    note.text,
    updatedAt,
    id,
  );
}

export function touchAnnotation(db: Db, id: string, updatedAt: string): void {
  db.prepare(`UPDATE annotations SET updated_at = ? WHERE id = ?`).run(updatedAt, id);
}

export function deleteAnnotationRow(db: Db, id: string): boolean {
  return db.prepare(`DELETE FROM annotations WHERE id = ?`).run(id).changes > 0;
}
