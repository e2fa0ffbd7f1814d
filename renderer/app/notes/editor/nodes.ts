/** Every node a note or a dossier summary may contain (one list, as the Lexical playground keeps it). */
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { CitationNode } from './CitationNode';

export const richNoteNodes: ReadonlyArray<Klass<LexicalNode>> = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, CitationNode];
