import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { documentFromBlocks, documentPlainText, type Direction } from '../common/document.js';
import { contentHash } from './content-hash.js';
import { findArticleByContentHash, insertArticle } from './db/articles.js';
import { addArticleTags } from './db/tags.js';
import { ImportError, QuireError, errorMessage } from './errors.js';
import { newId, nowIso } from './ids.js';
import { extractArticle, type ExtractedArticle } from './importers/index.js';
import type { Library } from './library.js';
import { createLogger } from './log.js';
import './timeline/backfill.js';
import { writeArticleDates } from './timeline/store.js';

const log = createLogger('import');

/**
 * The import service: a file (or pasted text) → one article, in one transaction.
 *
 * Extraction runs first, outside any transaction (it is the slow, failure-prone part). Then the original
 * is staged under a temporary name, the article row and its tags are written in one transaction, and
 * only after the commit is the original renamed into place. Any failure discards the staged file and
 * rolls the transaction back, so a failed import leaves rows, counts and `originals/` exactly as they were.
 */

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface ImportedArticle {
  readonly id: string;
  readonly title: string;
  /** The file's path as given (folder imports), absent for uploads and pastes. */
  readonly path?: string;
  readonly language: string | null;
  readonly direction: Direction;
  /** SHA-256 of the original file. */
  readonly sha256: string;
  /** Set when a file importer (registerFileImporter) brought in something other than an article. */
  readonly kind?: 'dossier';
}

export type ImportOutcome =
  | { readonly status: 'imported'; readonly article: ImportedArticle }
  | { readonly status: 'duplicate'; readonly id: string }
  | { readonly status: 'failed'; readonly error: string };

export interface ImportFileInput {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly tags?: readonly string[];
  readonly maxBytes?: number;
  readonly mediaTypeHint?: string;
  /** Where the file came from, echoed in the result. */
  readonly path?: string;
}

/**
 * A seam for other file formats that are not articles (a dossier exported as JSON, for example):
 * consulted before the article importers, in registration order.
 */
export interface FileImporter {
  matches(name: string, bytes: Uint8Array): boolean;
  import(library: Library, name: string, bytes: Uint8Array, options: { tags: readonly string[] }): ImportOutcome | Promise<ImportOutcome>;
}

const fileImporters: FileImporter[] = [];

export function registerFileImporter(importer: FileImporter): void {
  fileImporters.push(importer);
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The size check, shared by the in-memory and the on-disk paths (a huge file is refused before it is read). */
function checkSize(name: string, size: number, maxBytes: number): string | null {
  if (size === 0) return `${name}: the file is empty.`;
  if (size > maxBytes) {
    return `${name}: the file is ${formatSize(size)}, over the ${formatSize(maxBytes)} import limit (raise it with --max-size or in Settings).`;
  }
  return null;
}

/** The message an analyst sees for a failure: the file name and the reason, never a stack trace. */
function failureMessage(name: string, error: unknown): string {
  if (error instanceof QuireError) return `${name}: ${error.message}`;
  log.warn(`unexpected error importing ${name}`, error);
  return `${name}: could not be imported because of an internal error (${errorMessage(error)}).`;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Writes an extracted article and its original in one transaction (see the module comment). */
export function storeArticle(
  library: Library,
  extracted: ExtractedArticle,
  original: { readonly name: string; readonly bytes: Uint8Array },
  options: { readonly tags?: readonly string[]; readonly path?: string; readonly title?: string } = {},
): ImportOutcome {
  const title = (options.title?.normalize('NFC').replace(/\s+/g, ' ').trim() || extracted.title).normalize('NFC');
  const document = documentFromBlocks(extracted.blocks, extracted.direction);
  const text = documentPlainText(document);
  const hash = contentHash(title, text);

  const existing = findArticleByContentHash(library.db, hash);
  if (existing) return { status: 'duplicate', id: existing.id };

  const id = newId('art');
  const staged = library.originals.stage(original.bytes);
  try {
    library.db.transaction(() => {
      insertArticle(library.db, {
        id,
        title,
        byline: extracted.byline,
        source: extracted.source,
        url: extracted.url,
        publishedAt: extracted.publishedAt,
        importedAt: nowIso(),
        language: extracted.language,
        direction: extracted.direction,
        bodyJson: JSON.stringify(document),
        text,
        originalName: original.name.normalize('NFC'),
        mediaType: extracted.mediaType,
        originalSha256: staged.sha256,
        contentSha256: hash,
      });
      addArticleTags(library.db, id, [...extracted.tags, ...(options.tags ?? [])]);
      // Dates for the timeline, in the same transaction: a failed import leaves none behind.
      writeArticleDates(library.db, id);
    })();
  } catch (error) {
    staged.discard();
    // Another process imported the same content between our check and our insert.
    if (isUniqueViolation(error)) {
      const winner = findArticleByContentHash(library.db, hash);
      if (winner) return { status: 'duplicate', id: winner.id };
    }
    throw error;
  }
  try {
    staged.commit();
  } catch (error) {
    // The rename failed (disk full, permissions): an article without its original must not stay behind.
    library.db.prepare(`DELETE FROM articles WHERE id = ?`).run(id);
    staged.discard();
    throw error;
  }
  // After the commit and the rename: the crash harness (scripts/crash/) counts this line as the article's
  // acknowledgement (QUIRE_DEBUG=import), so it must stay after both.
  log.debug(`stored ${id} original ${staged.sha256}`);
  return {
    status: 'imported',
    article: {
      id,
      title,
      ...(options.path !== undefined ? { path: options.path } : {}),
      language: extracted.language,
      direction: extracted.direction,
      sha256: staged.sha256,
    },
  };
}

/** Imports one file held in memory. Never throws for a bad file: the outcome says what happened. */
export async function importFile(library: Library, input: ImportFileInput): Promise<ImportOutcome> {
  const name = basename(input.name) || 'unnamed file';
  const sizeError = checkSize(name, input.bytes.length, input.maxBytes ?? DEFAULT_MAX_BYTES);
  if (sizeError) return { status: 'failed', error: sizeError };
  try {
    for (const importer of fileImporters) {
      if (importer.matches(name, input.bytes)) {
        const outcome = await importer.import(library, name, input.bytes, { tags: input.tags ?? [] });
        // Report where the file came from, as for articles.
        if (outcome.status === 'imported' && input.path !== undefined && outcome.article.path === undefined) {
          return { status: 'imported', article: { ...outcome.article, path: input.path } };
        }
        return outcome;
      }
    }
    const extracted = await extractArticle({ name, bytes: input.bytes, ...(input.mediaTypeHint ? { mediaTypeHint: input.mediaTypeHint } : {}) });
    return storeArticle(library, extracted, { name, bytes: input.bytes }, {
      ...(input.tags ? { tags: input.tags } : {}),
      ...(input.path !== undefined ? { path: input.path } : {}),
    });
  } catch (error) {
    return { status: 'failed', error: failureMessage(name, error) };
  }
}

export interface ImportReport {
  readonly imported: ImportedArticle[];
  readonly duplicates: { path: string; id: string }[];
  readonly failed: { path: string; error: string }[];
}

export interface ImportPathsOptions {
  readonly tags?: readonly string[];
  readonly maxBytes?: number;
  readonly onProgress?: (done: number, total: number, path: string) => void;
  readonly signal?: AbortSignal;
}

/** Expands folders (recursively, hidden files and folders skipped, sorted by name); records paths that do not exist. */
export function collectFiles(paths: readonly string[]): { files: string[]; missing: { path: string; error: string }[] } {
  const files: string[] = [];
  const missing: { path: string; error: string }[] = [];
  const seenDirs = new Set<string>();
  const walk = (dir: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (seenDirs.has(real)) return; // a symlink loop
    seenDirs.add(real);
    let entries: string[];
    try {
      entries = readdirSync(dir).sort((a, b) => a.localeCompare(b));
    } catch (error) {
      missing.push({ path: dir, error: `${dir}: the folder cannot be read (${errorMessage(error)}).` });
      return;
    }
    for (const entry of entries) {
      if (entry.startsWith('.')) continue;
      const full = join(dir, entry);
      let stats;
      try {
        stats = statSync(full);
      } catch {
        continue; // a dangling symlink
      }
      if (stats.isDirectory()) walk(full);
      else if (stats.isFile()) files.push(full);
    }
  };
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      const dangling = (() => {
        try {
          return lstatSync(path).isSymbolicLink();
        } catch {
          return false;
        }
      })();
      missing.push({ path, error: `${path}: ${dangling ? 'the link points to a file that does not exist' : 'no such file or folder'}.` });
      continue;
    }
    if (stats.isDirectory()) walk(path);
    else if (stats.isFile()) files.push(path);
    else missing.push({ path, error: `${path}: not a regular file or folder.` });
  }
  return { files, missing };
}

/** Imports files and folders, each file in its own transaction; one bad file never stops the rest. */
export async function importPaths(library: Library, paths: readonly string[], options: ImportPathsOptions = {}): Promise<ImportReport> {
  const report: ImportReport = { imported: [], duplicates: [], failed: [] };
  const { files, missing } = collectFiles(paths);
  report.failed.push(...missing);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let done = 0;
  for (const path of files) {
    if (options.signal?.aborted) break;
    options.onProgress?.(done, files.length, path);
    const outcome = await importPath(library, path, maxBytes, options.tags ?? []);
    switch (outcome.status) {
      case 'imported':
        report.imported.push(outcome.article);
        break;
      case 'duplicate':
        report.duplicates.push({ path, id: outcome.id });
        break;
      case 'failed':
        report.failed.push({ path, error: outcome.error });
        break;
    }
    done++;
    options.onProgress?.(done, files.length, path);
  }
  return report;
}

async function importPath(library: Library, path: string, maxBytes: number, tags: readonly string[]): Promise<ImportOutcome> {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    const sizeError = checkSize(name, statSync(path).size, maxBytes);
    if (sizeError) return { status: 'failed', error: sizeError };
    bytes = readFileSync(path);
  } catch (error) {
    return { status: 'failed', error: `${name}: the file cannot be read (${errorMessage(error)}).` };
  }
  return importFile(library, { name, bytes, tags, maxBytes, path });
}

export interface ImportTextInput {
  /** Plain text (always present: what the clipboard had as text). */
  readonly text: string;
  /** The clipboard's HTML, when there was some: extracted and sanitised like a web page. */
  readonly html?: string;
  /** A title typed by the analyst; otherwise derived like a file's. */
  readonly title?: string;
  readonly tags?: readonly string[];
}

/** "Paste as new article": the pasted text or HTML is kept as the original (`pasted-<time>.txt` / `.html`). */
export async function importText(library: Library, input: ImportTextInput): Promise<ImportOutcome> {
  const stamp = nowIso().replace(/[:.]/g, '-');
  const useHtml = input.html !== undefined && input.html.trim() !== '';
  const name = useHtml ? `pasted-${stamp}.html` : `pasted-${stamp}.txt`;
  const content = useHtml ? (input.html as string) : input.text;
  if (content.trim() === '') return { status: 'failed', error: 'There is no text to import: the pasted content is empty.' };
  const bytes = new TextEncoder().encode(content);
  const sizeError = checkSize(name, bytes.length, DEFAULT_MAX_BYTES);
  if (sizeError) return { status: 'failed', error: sizeError };
  const options = { ...(input.tags ? { tags: input.tags } : {}), ...(input.title?.trim() ? { title: input.title } : {}) };
  try {
    const extracted = await extractArticle({ name, bytes, mediaTypeHint: useHtml ? 'text/html' : 'text/plain' });
    return storeArticle(library, extracted, { name, bytes }, options);
  } catch (error) {
    if (!(error instanceof ImportError && useHtml && input.text.trim() !== '')) {
      return { status: 'failed', error: failureMessage('Pasted text', error) };
    }
  }
  // The HTML had nothing readable (only images or markup, say): the clipboard's plain text still counts.
  const textName = `pasted-${stamp}.txt`;
  const textBytes = new TextEncoder().encode(input.text);
  try {
    const extracted = await extractArticle({ name: textName, bytes: textBytes });
    return storeArticle(library, extracted, { name: textName, bytes: textBytes }, options);
  } catch (error) {
    return { status: 'failed', error: failureMessage('Pasted text', error) };
  }
}
