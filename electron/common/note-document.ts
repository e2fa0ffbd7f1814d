/**
 * Notes are Lexical documents like articles, plus one node of their own: the citation block.
 *
 * A citation is a block-level decorator node that carries the id of the annotation (highlight) it
 * quotes and a snapshot of the quote and its source as they were when cited. The snapshot is what
 * lets Quire say "this highlight has changed since you cited it" instead of silently showing the new
 * text, and lets a note still read sensibly when the highlight was deleted.
 *
 * Pure: no Node, no DOM. Used by core (notes, dossiers, export) and by the renderer's CitationNode.
 */
import {
  documentPlainText,
  isElementNode,
  type ArticleDocument,
  type SerializedElementNode,
  type SerializedNode,
  type SerializedQuoteNode,
  type SerializedRootNode,
} from './document.js';

export const CITATION_NODE_TYPE = 'citation';

export interface SerializedCitationNode {
  type: 'citation';
  version: 1;
  /** The cited annotation; the join key for backlinks (`note_citations`). */
  annotationId: string;
  /** The quote as it read when it was cited. */
  quote: string;
  /** Snapshot of the source, so a citation of a deleted highlight still says where it came from. */
  articleId: string | null;
  articleTitle: string | null;
  source: string | null;
  publishedAt: string | null;
}

/** What a citation looks like today compared with the highlight it points to. */
export type CitationStatus = 'current' | 'changed' | 'orphaned' | 'deleted';

export const CITATION_STATUS_TEXT: Readonly<Record<CitationStatus, string>> = {
  current: '',
  changed: 'The highlighted text has changed since it was cited.',
  orphaned: 'The highlighted passage is no longer in the article (orphaned highlight).',
  deleted: 'The highlight has been deleted.',
};

export function isCitationNode(node: unknown): node is SerializedCitationNode {
  return (
    typeof node === 'object' &&
    node !== null &&
    (node as { type?: unknown }).type === CITATION_NODE_TYPE &&
    typeof (node as { annotationId?: unknown }).annotationId === 'string'
  );
}

export function citationNode(fields: Omit<SerializedCitationNode, 'type' | 'version'>): SerializedCitationNode {
  return { type: 'citation', version: 1, ...fields };
}

/** Every citation in document order (duplicates kept; callers dedupe if they need to). */
export function citationsInDocument(doc: ArticleDocument): SerializedCitationNode[] {
  const found: SerializedCitationNode[] = [];
  const visit = (children: readonly unknown[]): void => {
    for (const child of children) {
      if (isCitationNode(child)) found.push(child);
      else if (isElementNode(child as SerializedNode)) visit((child as SerializedElementNode).children);
    }
  };
  visit(doc.root.children);
  return found;
}

/** The distinct cited annotation ids, in first-cited order. */
export function citedAnnotationIds(doc: ArticleDocument): string[] {
  return [...new Set(citationsInDocument(doc).map((c) => c.annotationId))];
}

function citationAsQuote(node: SerializedCitationNode): SerializedQuoteNode {
  return {
    type: 'quote',
    children: [{ type: 'text', text: node.quote, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
    direction: null,
    format: '',
    indent: 0,
    version: 1,
  };
}

/** The document with each citation replaced by an ordinary quote block of its snapshot text. */
export function withCitationsAsQuotes(doc: ArticleDocument): ArticleDocument {
  const map = (children: readonly unknown[]): SerializedNode[] =>
    children.map((child) => {
      if (isCitationNode(child)) return citationAsQuote(child);
      const node = child as SerializedNode;
      if (isElementNode(node)) return { ...node, children: map((node as SerializedElementNode).children) } as SerializedNode;
      return node;
    });
  const root: SerializedRootNode = { ...doc.root, children: map(doc.root.children) };
  return { root };
}

/**
 * A note's plain text (search, listings, Markdown): like an article's, with each citation counted
 * as a block holding its quote. The renderer's CitationNode.getTextContent returns the same quote.
 */
export function notePlainText(doc: ArticleDocument): string {
  return documentPlainText(withCitationsAsQuotes(doc));
}

/** An empty note document: one empty paragraph, as Lexical creates it. */
export function emptyNoteDocument(): ArticleDocument {
  return {
    root: {
      type: 'root',
      children: [{ type: 'paragraph', children: [], direction: null, format: '', indent: 0, version: 1, textFormat: 0, textStyle: '' }],
      direction: null,
      format: '',
      indent: 0,
      version: 1,
    },
  };
}

/** Appends citation blocks at the end of a document (the CLI's `--cite`). */
export function appendCitations(doc: ArticleDocument, citations: readonly SerializedCitationNode[]): ArticleDocument {
  const children = [...doc.root.children] as unknown[];
  // Drop a trailing empty paragraph so the citations follow the text directly.
  const last = children[children.length - 1] as SerializedNode | undefined;
  if (last && last.type === 'paragraph' && (last as SerializedElementNode).children.length === 0) children.pop();
  children.push(...citations);
  return { root: { ...doc.root, children: children as SerializedNode[] } };
}
