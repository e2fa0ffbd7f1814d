/**
 * Every node the reader's editor knows, in one list (as the Lexical playground's `PlaygroundNodes`).
 * Articles are stored with exactly these node types (see `electron/common/document.ts`), plus
 * `MarkNode`, which only ever exists in the live editor: highlights are overlays from annotation offsets.
 */
import type { Klass, LexicalNode } from 'lexical';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { LinkNode } from '@lexical/link';
import { MarkNode } from '@lexical/mark';

export const readerNodes: ReadonlyArray<Klass<LexicalNode>> = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, MarkNode];

/** Notes on a highlight are short rich text: paragraphs, lists, links, quotes. */
export const noteNodes: ReadonlyArray<Klass<LexicalNode>> = [QuoteNode, ListNode, ListItemNode, LinkNode];
