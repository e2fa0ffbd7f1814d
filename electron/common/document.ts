/**
 * The article document: Lexical's serialized editor state, and the one rule that turns it into the
 * plain text every offset in Quire refers to (annotation positions, search snippets, exports).
 *
 * Pure: no Node, no DOM. Used by core (importers, anchoring, export) and by the renderer.
 *
 * The plain-text rule matches Lexical's own `$getRoot().getTextContent()`: the text of an element is
 * its children's text, with a blank line ("\n\n") after each block-level child except the last;
 * a line break is "\n", a tab "\t". Highlights are not stored in the document: they are overlays
 * applied from annotation offsets (see docs/architecture.md), so the stored document stays canonical.
 */

export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const;

export type Direction = 'ltr' | 'rtl';

export interface SerializedTextNode {
  type: 'text';
  text: string;
  format: number;
  detail: number;
  mode: 'normal' | 'token' | 'segmented';
  style: string;
  version: 1;
}

export interface SerializedLineBreakNode {
  type: 'linebreak';
  version: 1;
}

export interface SerializedTabNode {
  type: 'tab';
  text: '\t';
  format: number;
  detail: number;
  mode: 'normal';
  style: string;
  version: 1;
}

interface SerializedElementBase {
  children: SerializedNode[];
  direction: Direction | null;
  format: '' | 'left' | 'right' | 'center' | 'justify' | 'start' | 'end';
  indent: number;
  version: 1;
}

export interface SerializedParagraphNode extends SerializedElementBase {
  type: 'paragraph';
  textFormat: number;
  textStyle: string;
}
export interface SerializedHeadingNode extends SerializedElementBase {
  type: 'heading';
  tag: 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
}
export interface SerializedQuoteNode extends SerializedElementBase {
  type: 'quote';
}
export interface SerializedListNode extends SerializedElementBase {
  type: 'list';
  listType: 'bullet' | 'number';
  start: number;
  tag: 'ul' | 'ol';
}
export interface SerializedListItemNode extends SerializedElementBase {
  type: 'listitem';
  value: number;
  checked?: boolean;
}
export interface SerializedLinkNode extends SerializedElementBase {
  type: 'link';
  url: string;
  rel: string | null;
  target: string | null;
  title: string | null;
}
/** A mark as Lexical serializes it; only present in documents the renderer builds, never stored. */
export interface SerializedMarkNode extends SerializedElementBase {
  type: 'mark';
  ids: string[];
}

export type SerializedElementNode =
  | SerializedParagraphNode
  | SerializedHeadingNode
  | SerializedQuoteNode
  | SerializedListNode
  | SerializedListItemNode
  | SerializedLinkNode
  | SerializedMarkNode;

export type SerializedNode = SerializedTextNode | SerializedLineBreakNode | SerializedTabNode | SerializedElementNode;

export interface SerializedRootNode extends SerializedElementBase {
  type: 'root';
}

export interface ArticleDocument {
  root: SerializedRootNode;
}

const INLINE_ELEMENT_TYPES = new Set(['link', 'mark', 'autolink']);

export function isElementNode(node: SerializedNode | SerializedRootNode): node is SerializedElementNode | SerializedRootNode {
  return Array.isArray((node as { children?: unknown }).children);
}

function isInlineElement(node: SerializedNode): boolean {
  return INLINE_ELEMENT_TYPES.has(node.type);
}

/** A text-bearing leaf with the range it covers in the document's plain text. */
export interface TextSpan {
  readonly node: SerializedTextNode | SerializedLineBreakNode | SerializedTabNode;
  readonly start: number;
  readonly end: number;
  /** Element ancestors, outermost first (root excluded). */
  readonly ancestors: readonly SerializedElementNode[];
}

/** Visits every leaf in document order with its plain-text range; separators are not leaves. */
export function textSpans(doc: ArticleDocument): TextSpan[] {
  const spans: TextSpan[] = [];
  let offset = 0;
  const visit = (element: SerializedElementNode | SerializedRootNode, ancestors: SerializedElementNode[]): void => {
    const children = element.children;
    children.forEach((child, index) => {
      if (isElementNode(child)) {
        visit(child as SerializedElementNode, [...ancestors, child as SerializedElementNode]);
        if (!isInlineElement(child) && index < children.length - 1) offset += 2;
      } else {
        const text = leafText(child);
        spans.push({ node: child, start: offset, end: offset + text.length, ancestors });
        offset += text.length;
      }
    });
  };
  visit(doc.root, []);
  return spans;
}

function leafText(node: SerializedNode): string {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'tab':
      return '\t';
    case 'linebreak':
      return '\n';
    default:
      return '';
  }
}

function elementText(element: SerializedElementNode | SerializedRootNode): string {
  let out = '';
  const children = element.children;
  children.forEach((child, index) => {
    if (isElementNode(child)) {
      out += elementText(child as SerializedElementNode);
      if (!isInlineElement(child) && index < children.length - 1) out += '\n\n';
    } else {
      out += leafText(child);
    }
  });
  return out;
}

/** The plain text of a document: what annotation offsets and search snippets refer to. */
export function documentPlainText(doc: ArticleDocument): string {
  return elementText(doc.root);
}

// ---- Building documents (importers, tests, re-import) ----

export interface Inline {
  readonly text: string;
  readonly format?: number;
  readonly link?: string;
}

export type Block =
  | { readonly type: 'paragraph'; readonly children: readonly Inline[] }
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3 | 4 | 5 | 6; readonly children: readonly Inline[] }
  | { readonly type: 'quote'; readonly children: readonly Inline[] }
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] };

function textNode(text: string, format = 0): SerializedTextNode {
  return { type: 'text', text, format, detail: 0, mode: 'normal', style: '', version: 1 };
}

function element<T extends SerializedElementNode['type']>(
  type: T,
  children: SerializedNode[],
  direction: Direction | null,
): SerializedElementBase & { type: T } {
  return { type, children, direction, format: '', indent: 0, version: 1 };
}

function inlineNodes(inlines: readonly Inline[], direction: Direction | null): SerializedNode[] {
  const nodes: SerializedNode[] = [];
  for (const inline of inlines) {
    if (!inline.text) continue;
    // Line breaks inside a block are kept as Lexical line-break nodes.
    const parts = inline.text.split('\n');
    const leaves: SerializedNode[] = [];
    parts.forEach((part, i) => {
      if (i > 0) leaves.push({ type: 'linebreak', version: 1 });
      if (part) leaves.push(textNode(part, inline.format ?? 0));
    });
    if (inline.link) {
      const link: SerializedLinkNode = {
        ...element('link', leaves, direction),
        url: inline.link,
        rel: 'noreferrer',
        target: null,
        title: null,
      };
      nodes.push(link);
    } else {
      nodes.push(...leaves);
    }
  }
  return nodes;
}

function blockNode(block: Block, direction: Direction | null): SerializedElementNode {
  switch (block.type) {
    case 'paragraph':
      return { ...element('paragraph', inlineNodes(block.children, direction), direction), textFormat: 0, textStyle: '' };
    case 'heading':
      return { ...element('heading', inlineNodes(block.children, direction), direction), tag: `h${block.level}` };
    case 'quote':
      return element('quote', inlineNodes(block.children, direction), direction);
    case 'list':
      return {
        ...element(
          'list',
          block.items.map(
            (item, i): SerializedListItemNode => ({ ...element('listitem', inlineNodes(item, direction), direction), value: i + 1 }),
          ),
          direction,
        ),
        listType: block.ordered ? 'number' : 'bullet',
        start: 1,
        tag: block.ordered ? 'ol' : 'ul',
      };
  }
}

function hasText(block: Block): boolean {
  if (block.type === 'list') return block.items.some((item) => item.some((inline) => inline.text.trim() !== ''));
  return block.children.some((inline) => inline.text.trim() !== '');
}

/** Builds a Lexical document from blocks; empty blocks are dropped. */
export function documentFromBlocks(blocks: readonly Block[], direction: Direction | null = null): ArticleDocument {
  const children = blocks.filter(hasText).map((block) => blockNode(block, direction));
  return { root: { ...element('paragraph', children, direction), type: 'root' } as SerializedRootNode };
}

/** Plain text (paragraphs separated by blank lines) as a document of paragraphs: used by `quire update` and pasting. */
export function documentFromPlainText(text: string, direction: Direction | null = null): ArticleDocument {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '');
  return documentFromBlocks(
    paragraphs.map((p) => ({ type: 'paragraph', children: [{ text: p }] })),
    direction,
  );
}

/** Parses and checks the outer shape of a stored or received document. */
export function parseDocument(json: string): ArticleDocument {
  const value = JSON.parse(json) as unknown;
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof (value as { root?: unknown }).root !== 'object' ||
    (value as { root: { type?: unknown } }).root.type !== 'root'
  ) {
    throw new Error('not a Lexical document (no root node)');
  }
  return value as ArticleDocument;
}
