import { TEXT_FORMAT, type Block, type Inline } from '../../common/document.js';
import { safeUrl, sanitizeHtml } from './sanitize.js';

/**
 * Converts sanitised DOM (see sanitize.ts) into editor blocks. Layout containers become paragraph
 * boundaries; headings, quotes and lists keep their structure; inline formats become text formats.
 * HTML white-space rules apply: runs of spaces and newlines collapse to one space except inside <pre>.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'figure', 'figcaption', 'address', 'center',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'pre', 'hr', 'dl', 'dt', 'dd',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'details', 'summary', 'body', 'html',
]);

const FORMAT_OF_TAG: Readonly<Record<string, number>> = {
  strong: TEXT_FORMAT.bold,
  b: TEXT_FORMAT.bold,
  em: TEXT_FORMAT.italic,
  i: TEXT_FORMAT.italic,
  u: TEXT_FORMAT.underline,
  s: TEXT_FORMAT.strikethrough,
  strike: TEXT_FORMAT.strikethrough,
  del: TEXT_FORMAT.strikethrough,
  code: TEXT_FORMAT.code,
  kbd: TEXT_FORMAT.code,
  samp: TEXT_FORMAT.code,
  tt: TEXT_FORMAT.code,
  sub: TEXT_FORMAT.subscript,
  sup: TEXT_FORMAT.superscript,
};

interface InlineContext {
  readonly format: number;
  readonly link: string | null;
}

const ROOT_CONTEXT: InlineContext = { format: 0, link: null };

function tagOf(node: Node): string {
  return node.nodeType === ELEMENT_NODE ? (node as Element).localName.toLowerCase() : '';
}

function isBlock(node: Node): boolean {
  return BLOCK_TAGS.has(tagOf(node));
}

/** Collects the inline content of `node`; nested blocks inside an inline context become line breaks. */
function collectInline(node: Node, ctx: InlineContext, out: Inline[], base: string | null): void {
  if (node.nodeType === TEXT_NODE) {
    const text = (node.nodeValue ?? '').replace(/[ \t\n\r\f]+/g, ' ');
    if (text) out.push(inline(text, ctx));
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const tag = tagOf(node);
  if (tag === 'br') {
    out.push(inline('\n', ctx));
    return;
  }
  if (tag === 'hr') return;
  let next = ctx;
  const format = FORMAT_OF_TAG[tag];
  if (format !== undefined) next = { ...ctx, format: ctx.format | format };
  if (tag === 'a' && ctx.link === null) {
    const url = safeUrl((node as Element).getAttribute('href'), base);
    if (url) next = { ...next, link: url };
  }
  const blockInInline = isBlock(node);
  if (blockInInline && out.length > 0) out.push(inline('\n', ctx));
  const cellSeparator = tag === 'tr';
  let firstCell = true;
  for (const child of Array.from(node.childNodes)) {
    if (cellSeparator && (tagOf(child) === 'td' || tagOf(child) === 'th')) {
      if (!firstCell) out.push(inline(' | ', ctx));
      firstCell = false;
      for (const grandchild of Array.from(child.childNodes)) collectInline(grandchild, next, out, base);
      continue;
    }
    collectInline(child, next, out, base);
  }
  if (blockInInline) out.push(inline('\n', ctx));
}

function inline(text: string, ctx: InlineContext): Inline {
  return { text, ...(ctx.format ? { format: ctx.format } : {}), ...(ctx.link ? { link: ctx.link } : {}) };
}

/**
 * Applies white-space collapsing across inline boundaries: no space at the start or end of a block or
 * around a line break, no double spaces, no line break at the start or end; merges equal neighbours.
 * Two or more line breaks in a row (`<br><br>`, the old way to separate paragraphs) are kept as "\n\n"
 * for `splitAtBlankLines`; a single one stays a line break.
 */
export function tidyInlines(inlines: readonly Inline[]): Inline[] {
  const out: { text: string; format: number; link: string | null }[] = [];
  let pendingBreaks = 0;
  for (const item of inlines) {
    if (item.text === '\n') {
      if (out.length > 0) pendingBreaks++;
      continue;
    }
    let text = item.text;
    const last = out[out.length - 1];
    if (!last || pendingBreaks > 0 || last.text.endsWith(' ')) text = text.replace(/^ +/, '');
    if (text === '') continue;
    if (last && pendingBreaks > 0) {
      last.text = `${last.text.replace(/ +$/, '')}${pendingBreaks > 1 ? '\n\n' : '\n'}`;
      pendingBreaks = 0;
    }
    const format = item.format ?? 0;
    const link = item.link ?? null;
    const previous = out[out.length - 1];
    if (previous && previous.format === format && previous.link === link) previous.text += text;
    else out.push({ text, format, link });
  }
  const tail = out[out.length - 1];
  if (tail) tail.text = tail.text.replace(/ +$/, '');
  return out
    .filter((i) => i.text !== '')
    .map((i) => ({ text: i.text, ...(i.format ? { format: i.format } : {}), ...(i.link ? { link: i.link } : {}) }));
}

/** Splits inline content at blank lines ("\n\n") into separate paragraphs' content. */
export function splitAtBlankLines(inlines: readonly Inline[]): Inline[][] {
  const paragraphs: Inline[][] = [[]];
  for (const item of inlines) {
    const parts = item.text.split('\n\n');
    parts.forEach((part, i) => {
      if (i > 0) paragraphs.push([]);
      if (part) (paragraphs[paragraphs.length - 1] as Inline[]).push({ ...item, text: part });
    });
  }
  return paragraphs.filter(hasText);
}

/** For blocks that cannot hold a blank line (headings, list items): one line break at most. */
function singleBreaks(inlines: readonly Inline[]): Inline[] {
  return inlines.map((i) => ({ ...i, text: i.text.replace(/\n{2,}/g, '\n') }));
}

function hasText(inlines: readonly Inline[]): boolean {
  return inlines.some((i) => i.text.trim() !== '');
}

class BlockCollector {
  readonly blocks: Block[] = [];
  private pending: Inline[] = [];

  constructor(private readonly base: string | null) {}

  /** Walks the children of a container: inline runs become paragraphs, block children are handled by kind. */
  container(node: Node): void {
    for (const child of Array.from(node.childNodes)) {
      if (isBlock(child)) {
        this.flush();
        this.block(child as Element);
      } else {
        collectInline(child, ROOT_CONTEXT, this.pending, this.base);
      }
    }
    this.flush();
  }

  private flush(): void {
    const inlines = tidyInlines(this.pending);
    this.pending = [];
    for (const children of splitAtBlankLines(inlines)) this.blocks.push({ type: 'paragraph', children });
  }

  private inlinesOf(element: Element): Inline[] {
    const out: Inline[] = [];
    for (const child of Array.from(element.childNodes)) collectInline(child, ROOT_CONTEXT, out, this.base);
    return singleBreaks(tidyInlines(out));
  }

  private block(element: Element): void {
    const tag = tagOf(element);
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      const children = this.inlinesOf(element);
      if (hasText(children)) this.blocks.push({ type: 'heading', level: Number(heading[1]) as 1 | 2 | 3 | 4 | 5 | 6, children });
      return;
    }
    switch (tag) {
      case 'blockquote': {
        const inner = new BlockCollector(this.base);
        inner.container(element);
        for (const block of inner.blocks) {
          // Paragraphs and headings inside a quote stay quoted; a list inside a quote stays a list.
          this.blocks.push(block.type === 'list' ? block : { type: 'quote', children: 'children' in block ? block.children : [] });
        }
        return;
      }
      case 'ul':
      case 'ol': {
        const items = this.listItems(element);
        if (items.length > 0) this.blocks.push({ type: 'list', ordered: tag === 'ol', items });
        return;
      }
      case 'pre': {
        const text = (element.textContent ?? '').replace(/\r\n?/g, '\n').replace(/^\n/, '').replace(/\s+$/, '');
        if (text.trim()) this.blocks.push({ type: 'paragraph', children: [{ text, format: TEXT_FORMAT.code }] });
        return;
      }
      case 'hr':
        return;
      case 'tr': {
        const out: Inline[] = [];
        collectInline(element, ROOT_CONTEXT, out, this.base);
        const children = singleBreaks(tidyInlines(out));
        if (hasText(children)) this.blocks.push({ type: 'paragraph', children });
        return;
      }
      default:
        this.container(element);
    }
  }

  /** List items, with nested lists flattened after their parent item (the editor's lists are one level here). */
  private listItems(list: Element): Inline[][] {
    const items: Inline[][] = [];
    for (const child of Array.from(list.childNodes)) {
      const tag = tagOf(child);
      if (tag === 'ul' || tag === 'ol') {
        items.push(...this.listItems(child as Element));
        continue;
      }
      if (tag !== 'li') {
        // Text or stray elements directly inside a list: treat as an item of their own.
        const out: Inline[] = [];
        collectInline(child, ROOT_CONTEXT, out, this.base);
        const tidy = singleBreaks(tidyInlines(out));
        if (hasText(tidy)) items.push(tidy);
        continue;
      }
      const own: Inline[] = [];
      const nested: Inline[][] = [];
      for (const part of Array.from(child.childNodes)) {
        const partTag = tagOf(part);
        if (partTag === 'ul' || partTag === 'ol') nested.push(...this.listItems(part as Element));
        else collectInline(part, ROOT_CONTEXT, own, this.base);
      }
      const tidy = singleBreaks(tidyInlines(own));
      if (hasText(tidy)) items.push(tidy);
      items.push(...nested);
    }
    return items;
  }
}

/** Blocks from an already sanitised fragment or element. `base` resolves relative links (else they are dropped). */
export function blocksFromDom(root: Node, base: string | null = null): Block[] {
  const collector = new BlockCollector(base);
  collector.container(root);
  return collector.blocks;
}

/** Untrusted HTML → sanitised → blocks. */
export function blocksFromHtml(html: string, base: string | null = null): Block[] {
  return blocksFromDom(sanitizeHtml(html), base);
}
