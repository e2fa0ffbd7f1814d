import type { Db } from './open.js';

/** Tags as typed by the analyst: trimmed, inner spaces collapsed; case is kept but ignored for identity. */
export function cleanTag(tag: string): string {
  return tag.normalize('NFC').trim().replace(/\s+/g, ' ');
}

export function ensureTag(db: Db, name: string): number {
  const clean = cleanTag(name);
  db.prepare(`INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING`).run(clean);
  const row = db.prepare(`SELECT id FROM tags WHERE name = ?`).get(clean) as { id: number };
  return row.id;
}

export function articleTags(db: Db, articleId: string): string[] {
  return (
    db
      .prepare(
        `SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ? ORDER BY t.name COLLATE NOCASE`,
      )
      .all(articleId) as { name: string }[]
  ).map((r) => r.name);
}

export function addArticleTags(db: Db, articleId: string, tags: readonly string[]): void {
  const insert = db.prepare(`INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)`);
  for (const tag of tags) {
    if (cleanTag(tag) === '') continue;
    insert.run(articleId, ensureTag(db, tag));
  }
}

export function removeArticleTags(db: Db, articleId: string, tags: readonly string[]): void {
  const remove = db.prepare(
    `DELETE FROM article_tags WHERE article_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)`,
  );
  for (const tag of tags) remove.run(articleId, cleanTag(tag));
}

export function annotationTags(db: Db, annotationId: string): string[] {
  return (
    db
      .prepare(
        `SELECT t.name FROM annotation_tags x JOIN tags t ON t.id = x.tag_id WHERE x.annotation_id = ? ORDER BY t.name COLLATE NOCASE`,
      )
      .all(annotationId) as { name: string }[]
  ).map((r) => r.name);
}

export function setAnnotationTags(db: Db, annotationId: string, tags: readonly string[]): void {
  db.prepare(`DELETE FROM annotation_tags WHERE annotation_id = ?`).run(annotationId);
  const insert = db.prepare(`INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)`);
  for (const tag of tags) {
    if (cleanTag(tag) === '') continue;
    insert.run(annotationId, ensureTag(db, tag));
  }
}

/** Every tag with how many articles carry it: the library's tag filter. */
export function tagCounts(db: Db): { name: string; articles: number }[] {
  return db
    .prepare(
      `SELECT t.name, COUNT(at.article_id) AS articles FROM tags t JOIN article_tags at ON at.tag_id = t.id
       GROUP BY t.id ORDER BY t.name COLLATE NOCASE`,
    )
    .all() as { name: string; articles: number }[];
}
