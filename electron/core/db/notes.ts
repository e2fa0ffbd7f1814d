import type { Db } from './open.js';

/** A note row as stored. */
export interface NoteRow {
  readonly id: string;
  readonly title: string;
  readonly bodyJson: string;
  readonly text: string;
  readonly articleId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type NoteSummaryRow = Omit<NoteRow, 'bodyJson'>;

const COLUMNS = `id, title, body_json AS bodyJson, body_text AS text, article_id AS articleId,
  created_at AS createdAt, updated_at AS updatedAt`;
const SUMMARY_COLUMNS = `id, title, body_text AS text, article_id AS articleId, created_at AS createdAt, updated_at AS updatedAt`;

export function insertNote(db: Db, note: NoteRow): void {
  db.prepare(
    `INSERT INTO notes (id, title, body_json, body_text, article_id, created_at, updated_at)
     VALUES (@id, @title, @bodyJson, @text, @articleId, @createdAt, @updatedAt)`,
  ).run(note);
}

export function getNoteRow(db: Db, id: string): NoteRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM notes WHERE id = ?`).get(id) as NoteRow | undefined;
}

export function updateNoteRow(
  db: Db,
  id: string,
  patch: { title: string; bodyJson: string; text: string; articleId: string | null },
  updatedAt: string,
): void {
  db.prepare(
    `UPDATE notes SET title = @title, body_json = @bodyJson, body_text = @text, article_id = @articleId,
       updated_at = @updatedAt WHERE id = @id`,
  ).run({ ...patch, id, updatedAt });
}

export function deleteNoteRow(db: Db, id: string): boolean {
  return db.prepare(`DELETE FROM notes WHERE id = ?`).run(id).changes > 0;
}

/** Notes, most recently edited first; optionally only those attached to one article. */
export function listNoteRows(db: Db, filter: { articleId?: string } = {}): NoteSummaryRow[] {
  if (filter.articleId !== undefined) {
    return db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM notes WHERE article_id = ? ORDER BY updated_at DESC, id DESC`)
      .all(filter.articleId) as NoteSummaryRow[];
  }
  return db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM notes ORDER BY updated_at DESC, id DESC`).all() as NoteSummaryRow[];
}

/** Replaces the set of annotations a note cites (derived from its document on every save). */
export function setNoteCitations(db: Db, noteId: string, annotationIds: readonly string[]): void {
  db.prepare(`DELETE FROM note_citations WHERE note_id = ?`).run(noteId);
  const insert = db.prepare(`INSERT OR IGNORE INTO note_citations (note_id, annotation_id) VALUES (?, ?)`);
  for (const annotationId of annotationIds) insert.run(noteId, annotationId);
}

export function noteCitationIds(db: Db, noteId: string): string[] {
  return (
    db.prepare(`SELECT annotation_id AS id FROM note_citations WHERE note_id = ?`).all(noteId) as { id: string }[]
  ).map((r) => r.id);
}

/**
 * Notes that cite a highlight of this article, or are attached to it: the article's backlinks.
 * A citation of a deleted highlight no longer knows its article through `annotations`, so those
 * are found by the article id the citation snapshot carries (see `notes.ts`).
 */
export function noteIdsCitingArticle(db: Db, articleId: string): string[] {
  return (
    db
      .prepare(
        `SELECT DISTINCT nc.note_id AS id FROM note_citations nc
           JOIN annotations a ON a.id = nc.annotation_id
         WHERE a.article_id = ?`,
      )
      .all(articleId) as { id: string }[]
  ).map((r) => r.id);
}

export function noteIdsCitingAnnotation(db: Db, annotationId: string): string[] {
  return (
    db.prepare(`SELECT note_id AS id FROM note_citations WHERE annotation_id = ?`).all(annotationId) as { id: string }[]
  ).map((r) => r.id);
}
