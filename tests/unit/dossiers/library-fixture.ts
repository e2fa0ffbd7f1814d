/**
 * A real library in a temp folder with articles and highlights written straight to the tables,
 * so notes and dossier tests do not depend on the importers or the editor.
 */
import { newId, nowIso } from '../../../electron/core/ids.js';
import type { Library } from '../../../electron/core/library.js';
import { insertPlainTextArticle, tempLibrary as tempFolderLibrary } from '../helpers/library.js';

export interface TestLibrary {
  readonly library: Library;
  readonly dir: string;
  dispose(): void;
}

/** The library lives in `dir/lib`, so that files a test exports into `dir` stay apart from it. */
export function tempLibrary(): TestLibrary {
  const { library, dir, cleanup } = tempFolderLibrary({ subfolder: 'lib' });
  return { library, dir, dispose: cleanup };
}

export interface ArticleSpec {
  readonly title: string;
  readonly text: string;
  readonly source?: string;
  readonly url?: string;
  readonly publishedAt?: string;
  readonly language?: string;
  readonly direction?: 'ltr' | 'rtl';
  /** Original file bytes to store (as the importer would). */
  readonly original?: { readonly name: string; readonly bytes: Buffer; readonly mediaType: string };
}

export function addArticle(library: Library, spec: ArticleSpec): string {
  let originalSha256: string | null = null;
  if (spec.original) {
    const staged = library.originals.stage(spec.original.bytes);
    staged.commit();
    originalSha256 = staged.sha256;
  }
  return insertPlainTextArticle(library, {
    title: spec.title,
    text: spec.text,
    byline: 'A. Writer',
    source: spec.source ?? 'The Source',
    url: spec.url ?? 'https://example.org/a',
    publishedAt: spec.publishedAt ?? '2024-03-01',
    language: spec.language ?? 'en',
    direction: spec.direction ?? 'ltr',
    originalName: spec.original?.name ?? null,
    mediaType: spec.original?.mediaType ?? null,
    originalSha256,
  }).id;
}

export function addLabel(library: Library, name: string, color: string): string {
  const id = newId('lbl');
  const position = (library.db.prepare(`SELECT COUNT(*) AS n FROM labels`).get() as { n: number }).n;
  library.db.prepare(`INSERT INTO labels (id, name, color, position) VALUES (?, ?, ?, ?)`).run(id, name, color, position);
  return id;
}

/** Highlights the first occurrence of `quote` in the article's text. */
export function addHighlight(library: Library, articleId: string, quote: string, labelId: string | null = null, note = ''): string {
  const { text } = library.db.prepare(`SELECT body_text AS text FROM articles WHERE id = ?`).get(articleId) as { text: string };
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the article`);
  const id = newId('ann');
  const now = nowIso();
  library.db
    .prepare(
      `INSERT INTO annotations (id, article_id, label_id, note_json, note_text, quote, prefix, suffix, start, end, status, created_at, updated_at)
       VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?)`,
    )
    .run(id, articleId, labelId, note, quote, text.slice(Math.max(0, start - 32), start), text.slice(start + quote.length, start + quote.length + 32), start, start + quote.length, now, now);
  return id;
}

export function setHighlightQuote(library: Library, annotationId: string, quote: string): void {
  library.db.prepare(`UPDATE annotations SET quote = ? WHERE id = ?`).run(quote, annotationId);
}

export function orphanHighlight(library: Library, annotationId: string): void {
  library.db.prepare(`UPDATE annotations SET status = 'orphaned', start = NULL, end = NULL WHERE id = ?`).run(annotationId);
}

export const ENGLISH = `Bahrain and Iran agreed on Tuesday to restore coordination between their coast guards.

The talks in Manama were described as frank and constructive by both delegations.

Officials said a joint committee would meet again in the spring.`;

export const ARABIC = `اتفقت البحرين وإيران على استئناف التنسيق بين خفر السواحل.

وصف الوفدان المحادثات في المنامة بأنها صريحة وبناءة.`;
