import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentFromBlocks, documentPlainText, type Block, type Direction } from '../../../electron/common/document.js';
import { ensureAnnotationsRegistered } from '../../../electron/core/annotations.js';
import { contentHash } from '../../../electron/core/content-hash.js';
import { insertArticle } from '../../../electron/core/db/articles.js';
import { newId, nowIso } from '../../../electron/core/ids.js';
import { openLibrary, type Library } from '../../../electron/core/library.js';

ensureAnnotationsRegistered();

export interface TempLibrary {
  readonly library: Library;
  readonly dir: string;
  cleanup(): void;
}

export function tempLibrary(): TempLibrary {
  const dir = mkdtempSync(join(tmpdir(), 'quire-'));
  const library = openLibrary({ dir });
  return {
    library,
    dir,
    cleanup: () => {
      library.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Stores an article built from blocks, as an importer would. Returns its id and plain text. */
export function addArticle(
  library: Library,
  title: string,
  blocks: readonly Block[],
  direction: Direction = 'ltr',
): { id: string; text: string } {
  const doc = documentFromBlocks(blocks, direction);
  const text = documentPlainText(doc);
  const id = newId('art');
  insertArticle(library.db, {
    id,
    title,
    byline: null,
    source: null,
    url: null,
    publishedAt: null,
    importedAt: nowIso(),
    language: direction === 'rtl' ? 'ar' : 'en',
    direction,
    bodyJson: JSON.stringify(doc),
    text,
    originalName: null,
    mediaType: null,
    originalSha256: null,
    contentSha256: contentHash(title, text),
  });
  return { id, text };
}

export const paragraphs = (...texts: string[]): Block[] => texts.map((t) => ({ type: 'paragraph', children: [{ text: t }] }));
