import { documentFromBlocks, type Block, type Direction } from '../../../electron/common/document.js';
import { ensureAnnotationsRegistered } from '../../../electron/core/annotations.js';
import type { Library } from '../../../electron/core/library.js';
import { insertTestArticle } from '../helpers/library.js';

export { tempLibrary, type TempLibrary } from '../helpers/library.js';

ensureAnnotationsRegistered();

/** Stores an article built from blocks, as an importer would. Returns its id and plain text. */
export function addArticle(
  library: Library,
  title: string,
  blocks: readonly Block[],
  direction: Direction = 'ltr',
): { id: string; text: string } {
  return insertTestArticle(library, {
    title,
    language: direction === 'rtl' ? 'ar' : 'en',
    direction,
    document: documentFromBlocks(blocks, direction),
  });
}

export const paragraphs = (...texts: string[]): Block[] => texts.map((t) => ({ type: 'paragraph', children: [{ text: t }] }));
