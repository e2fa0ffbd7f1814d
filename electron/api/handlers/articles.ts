import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { articlesContract } from '../contract/articles.js';
import { listLibrary } from '../../core/article-list.js';
import { deleteArticleWithSnapshot, restoreArticle } from '../../core/article-undo.js';
import { getArticle, updateArticleMetadata, type ArticleMetadataPatch } from '../../core/db/articles.js';
import { writeArticleDates } from '../../core/timeline/store.js';
import { addArticleTags, cleanTag } from '../../core/db/tags.js';
import { ImportError, NotFoundError, QuireError, UsageError } from '../../core/errors.js';
import { importFile } from '../../core/import.js';
import { nowIso } from '../../core/ids.js';
import { libraryInfo } from '../../core/library.js';
import type { ApiContext, Handlers } from './types.js';

function requireListItem(ctx: ApiContext, id: string) {
  const item = listLibrary(ctx.library.db, { id }).articles[0];
  if (!item) throw new NotFoundError('article', id);
  return item;
}

const SAMPLE = join('resources', 'sample', 'sample-article.md');

/**
 * The sample article shipped in resources/ at the app's root: found by walking up from this module,
 * which sits at a different depth compiled (dist/electron/…) than as source (tests). Inside app.asar
 * when packaged; Electron's fs reads asar paths like folders.
 */
export function bundledSamplePath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, SAMPLE))) return join(dir, SAMPLE);
    dir = dirname(dir);
  }
  throw new QuireError('sample_missing', 'The sample article is missing from this installation of Quire.');
}

export const articlesHandlers: Handlers<typeof articlesContract> = {
  'library.info': (ctx) => libraryInfo(ctx.library),

  'articles.list': (ctx, input) => listLibrary(ctx.library.db, input),

  'articles.get': (ctx, { id }) => {
    const article = getArticle(ctx.library.db, id);
    if (!article) throw new NotFoundError('article', id);
    const counts = ctx.library.db
      .prepare(
        `SELECT COALESCE(SUM(status = 'anchored'), 0) AS highlights, COALESCE(SUM(status = 'orphaned'), 0) AS orphans
         FROM annotations WHERE article_id = ?`,
      )
      .get(id) as { highlights: number; orphans: number };
    return { ...article, ...counts, characters: article.text.length };
  },

  'articles.delete': (ctx, { id }) => {
    const snapshot = deleteArticleWithSnapshot(ctx.library, id);
    return { id, title: snapshot.article.title, snapshot };
  },

  'articles.restore': (ctx, { snapshot }) => ({ id: restoreArticle(ctx.library, snapshot) }),

  'articles.setTags': (ctx, { id, tags }) => {
    const { db } = ctx.library;
    // The first spelling of a tag wins over later case variants ("Gulf states", "gulf states").
    const wanted: string[] = [];
    for (const tag of tags.map(cleanTag)) {
      if (tag && !wanted.some((t) => t.toLocaleLowerCase() === tag.toLocaleLowerCase())) wanted.push(tag);
    }
    const result = db.transaction(() => {
      if (!db.prepare(`SELECT 1 FROM articles WHERE id = ?`).get(id)) throw new NotFoundError('article', id);
      // Only the difference is written, so unchanged tags do not churn the change log.
      const current = getArticle(db, id)?.tags ?? [];
      const keep = new Set(wanted.map((t) => t.toLocaleLowerCase()));
      const have = new Set(current.map((t) => t.toLocaleLowerCase()));
      const remove = current.filter((t) => !keep.has(t.toLocaleLowerCase()));
      if (remove.length > 0) {
        const del = db.prepare(
          `DELETE FROM article_tags WHERE article_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)`,
        );
        for (const tag of remove) del.run(id, tag);
      }
      addArticleTags(
        db,
        id,
        wanted.filter((t) => !have.has(t.toLocaleLowerCase())),
      );
      return getArticle(db, id)?.tags ?? [];
    })();
    return { id, tags: result };
  },

  'articles.updateMetadata': (ctx, { id, patch }) => {
    const { db } = ctx.library;
    if (!getArticle(db, id)) throw new NotFoundError('article', id);
    const clean: ArticleMetadataPatch = {
      ...patch,
      // An emptied field means "unknown", stored as null.
      ...(patch.byline !== undefined ? { byline: patch.byline || null } : {}),
      ...(patch.source !== undefined ? { source: patch.source || null } : {}),
      ...(patch.url !== undefined ? { url: patch.url || null } : {}),
      ...(patch.language !== undefined ? { language: patch.language || null } : {}),
      ...(patch.publishedAt !== undefined ? { publishedAt: patch.publishedAt || null } : {}),
    };
    if (clean.url && !/^https?:\/\//i.test(clean.url)) {
      throw new UsageError('The URL must start with http:// or https://.');
    }
    if (clean.publishedAt && Number.isNaN(Date.parse(clean.publishedAt))) {
      throw new UsageError(`“${clean.publishedAt}” is not a date; write it as 2024-03-31.`);
    }
    db.transaction(() => {
      updateArticleMetadata(db, id, clean, nowIso());
      // The published date anchors yearless and relative dates ("In October"): read them again.
      if (clean.publishedAt !== undefined) writeArticleDates(db, id);
    })();
    return requireListItem(ctx, id);
  },

  'samples.openBundled': async (ctx) => {
    const bytes = readFileSync(bundledSamplePath());
    const outcome = await importFile(ctx.library, { name: 'sample-article.md', bytes, tags: ['sample'] });
    if (outcome.status === 'failed') throw new ImportError(outcome.error);
    const id = outcome.status === 'imported' ? outcome.article.id : outcome.id;
    const article = getArticle(ctx.library.db, id);
    if (!article) throw new NotFoundError('article', id);
    return { id, title: article.title, created: outcome.status === 'imported' };
  },
};
