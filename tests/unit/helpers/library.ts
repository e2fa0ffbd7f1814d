/**
 * The pieces every library-backed unit test needs: a real library in a temp folder, and articles
 * written straight to the tables (as an importer would store them) without going through the importers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentFromPlainText, documentPlainText, type ArticleDocument, type Direction } from '../../../electron/common/document.js';
import { contentHash } from '../../../electron/core/content-hash.js';
import { insertArticle } from '../../../electron/core/db/articles.js';
import { newId, nowIso } from '../../../electron/core/ids.js';
import { openLibrary, type Library } from '../../../electron/core/library.js';

export interface TempLibrary {
  readonly library: Library;
  /** The temp folder; the library is this folder or, with `subfolder`, a folder inside it. */
  readonly dir: string;
  /** Closes the library and deletes the temp folder. */
  cleanup(): void;
}

/** Opens a new library in `mkdtemp(tmpdir()/quire-)`; `subfolder` keeps the library apart from other files a test writes there. */
export function tempLibrary(options: { subfolder?: string } = {}): TempLibrary {
  const dir = mkdtempSync(join(tmpdir(), 'quire-'));
  const library = openLibrary({ dir: options.subfolder === undefined ? dir : join(dir, options.subfolder) });
  return {
    library,
    dir,
    cleanup: () => {
      library.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An article's row; what is not given is null (direction: ltr, id: a new art_ id, imported now). */
export interface TestArticleFields {
  readonly id?: string;
  readonly title: string;
  readonly byline?: string | null;
  readonly source?: string | null;
  readonly url?: string | null;
  readonly publishedAt?: string | null;
  readonly importedAt?: string;
  readonly language?: string | null;
  readonly direction?: Direction;
  readonly originalName?: string | null;
  readonly mediaType?: string | null;
  readonly originalSha256?: string | null;
  /** Default: contentHash(title, text), as the importers compute it (unique per library). */
  readonly contentSha256?: string;
}

/**
 * Stores an article with its document. The stored plain text is `documentPlainText(document)` (the rule
 * every offset follows) unless `text` is given. Returns the id and the stored text.
 */
export function insertTestArticle(
  library: Library,
  fields: TestArticleFields & { readonly document: ArticleDocument; readonly text?: string },
): { id: string; text: string } {
  const id = fields.id ?? newId('art');
  const text = fields.text ?? documentPlainText(fields.document);
  insertArticle(library.db, {
    id,
    title: fields.title,
    byline: fields.byline ?? null,
    source: fields.source ?? null,
    url: fields.url ?? null,
    publishedAt: fields.publishedAt ?? null,
    importedAt: fields.importedAt ?? nowIso(),
    language: fields.language ?? null,
    direction: fields.direction ?? 'ltr',
    bodyJson: JSON.stringify(fields.document),
    text,
    originalName: fields.originalName ?? null,
    mediaType: fields.mediaType ?? null,
    originalSha256: fields.originalSha256 ?? null,
    contentSha256: fields.contentSha256 ?? contentHash(fields.title, text),
  });
  return { id, text };
}

/** Stores plain text as an article, one paragraph per blank-line-separated block (like a .txt import). */
export function insertPlainTextArticle(library: Library, fields: TestArticleFields & { readonly text: string }): { id: string; text: string } {
  const { text, ...row } = fields;
  return insertTestArticle(library, { ...row, document: documentFromPlainText(text, fields.direction ?? 'ltr') });
}
