import type { Block } from '../../common/document.js';

const comparable = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Drops a leading heading that repeats the title (the reader shows the title above the body). */
export function dropRepeatedTitle(blocks: readonly Block[], title: string | null): Block[] {
  const first = blocks[0];
  if (!title || !first || first.type !== 'heading') return [...blocks];
  const heading = first.children.map((c) => c.text).join('');
  return comparable(heading) === comparable(title) ? blocks.slice(1) : [...blocks];
}
