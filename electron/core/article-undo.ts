import { readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { originalsReferencedByBackups } from './backup/references.js';
import { getStoredArticle, insertArticle, type StoredArticle } from './db/articles.js';
import { insertAnnotationRow, listAnnotationRows, type AnnotationRow } from './db/annotations.js';
import { addArticleTags, annotationTags, articleTags, setAnnotationTags } from './db/tags.js';
import { NotFoundError, QuireError } from './errors.js';
import { onLibraryOpen, type Library } from './library.js';
import { createLogger } from './log.js';
import { eventSnapshot, restoreEventSnapshot, type EventSnapshot } from './timeline/events.js';
import { writeArticleDates } from './timeline/store.js';

const log = createLogger('article-undo');

/**
 * Delete with undo. Deleting an article hands back everything needed to put it back exactly
 * (the row, tags, highlights with their tags, notes that pointed at it); restoring re-inserts it
 * in one transaction. The original file is not removed here: it is left for `collectUnreferencedOriginals`
 * at a later library open, after a grace period, so an undo always finds it.
 */
export type ArticleSnapshotRow = StoredArticle;

/** A highlight as stored, with its tags (its article is the snapshot's). */
export type AnnotationSnapshotRow = Omit<AnnotationRow, 'articleId'> & {
  readonly tags: string[];
  /** The highlight's place on the timeline (absent in snapshots from before the timeline). */
  readonly timeline?: EventSnapshot | null;
};

export interface DeletedArticle {
  readonly version: 1;
  readonly article: ArticleSnapshotRow;
  readonly tags: string[];
  readonly annotations: AnnotationSnapshotRow[];
  readonly noteIds: string[];
}

export function deleteArticleWithSnapshot(library: Library, id: string): DeletedArticle {
  const { db } = library;
  const snapshot = db.transaction((): DeletedArticle => {
    const article = getStoredArticle(db, id);
    if (!article) throw new NotFoundError('article', id);
    const annotations = listAnnotationRows(db, { articleId: id }).map(
      ({ articleId: _articleId, ...a }): AnnotationSnapshotRow => ({ ...a, tags: annotationTags(db, a.id), timeline: eventSnapshot(db, a.id) }),
    );
    const noteIds = (db.prepare(`SELECT id FROM notes WHERE article_id = ? ORDER BY id`).all(id) as { id: string }[]).map(
      (n) => n.id,
    );
    const snapshot: DeletedArticle = { version: 1, article, tags: articleTags(db, id), annotations, noteIds };
    db.prepare(`DELETE FROM articles WHERE id = ?`).run(id);
    return snapshot;
  })();
  const hash = snapshot.article.originalSha256;
  if (hash) markOriginalUnreferenced(library, hash);
  return snapshot;
}

/** Puts a deleted article back. Refused if the same article (same id or same text) exists again. */
export function restoreArticle(library: Library, snapshot: DeletedArticle): string {
  const { db } = library;
  const { article } = snapshot;
  db.transaction(() => {
    if (db.prepare(`SELECT 1 FROM articles WHERE id = ?`).get(article.id)) {
      throw new QuireError('already_exists', `“${article.title}” is already in the library.`);
    }
    if (db.prepare(`SELECT 1 FROM articles WHERE content_sha256 = ?`).get(article.contentSha256)) {
      throw new QuireError(
        'already_exists',
        `“${article.title}” cannot be restored: the same article has been imported again since it was deleted.`,
      );
    }
    insertArticle(db, article);
    addArticleTags(db, article.id, snapshot.tags);
    writeArticleDates(db, article.id);
    const labelExists = db.prepare(`SELECT 1 FROM labels WHERE id = ?`);
    const annotationExists = db.prepare(`SELECT 1 FROM annotations WHERE id = ?`);
    for (const { tags, timeline, ...annotation } of snapshot.annotations) {
      if (annotationExists.get(annotation.id)) continue;
      // A label deleted meanwhile leaves the highlight unlabelled, as deleting a label does.
      const labelId = annotation.labelId && labelExists.get(annotation.labelId) ? annotation.labelId : null;
      insertAnnotationRow(db, { ...annotation, labelId, articleId: article.id });
      setAnnotationTags(db, annotation.id, tags);
      restoreEventSnapshot(db, annotation.id, timeline);
    }
    const relink = db.prepare(`UPDATE notes SET article_id = ? WHERE id = ? AND article_id IS NULL`);
    for (const noteId of snapshot.noteIds) relink.run(article.id, noteId);
  })();
  if (article.originalSha256 && !library.originals.has(article.originalSha256)) {
    log.warn(`restored article ${article.id} without its original file (already removed)`);
  }
  return article.id;
}

/**
 * Originals no article refers to, removed at library open once they have been unreferenced for
 * `graceMs` (measured from the file's mtime, which deleting an article touches). The grace period
 * keeps undo safe when another process (the CLI) opens the library meanwhile.
 */
export function collectUnreferencedOriginals(library: Library, graceMs: number, now = Date.now()): number {
  const referenced = new Set(
    (
      library.db.prepare(`SELECT DISTINCT original_sha256 AS h FROM articles WHERE original_sha256 IS NOT NULL`).all() as {
        h: string;
      }[]
    ).map((r) => r.h),
  );
  // Backups list originals instead of copying them: those stay while a backup refers to them (read once here).
  const keptForBackups = originalsReferencedByBackups(library.dir);
  let removed = 0;
  for (const name of readdirSync(library.originals.dir)) {
    // Only finished originals (64 hex digits); staged `.incoming-` files belong to an import in progress.
    if (!ORIGINAL_NAME.test(name) || referenced.has(name) || keptForBackups.has(name)) continue;
    const mtimeMs = statSync(join(library.originals.dir, name)).mtimeMs;
    if (now - mtimeMs < graceMs) continue;
    if (library.originals.remove(name)) removed++;
  }
  if (removed > 0) log.debug(`removed ${removed} original file(s) no article refers to`);
  return removed;
}

const ORIGINAL_NAME = /^[0-9a-f]{64}$/;

/** How long an original outlives its deleted article (undo, and another process reopening meanwhile). */
export const ORIGINALS_GRACE_MS = 24 * 60 * 60 * 1000;

// Every library open through the app or the server tidies up originals orphaned by earlier deletes.
onLibraryOpen((library) => {
  try {
    collectUnreferencedOriginals(library, ORIGINALS_GRACE_MS);
  } catch (error) {
    log.warn('could not tidy up unreferenced originals', error);
  }
});

function markOriginalUnreferenced(library: Library, hash: string): void {
  if (!library.originals.has(hash)) return;
  try {
    const now = new Date();
    utimesSync(library.originals.pathFor(hash), now, now);
  } catch (error) {
    log.warn(`could not touch original ${hash}`, error);
  }
}
