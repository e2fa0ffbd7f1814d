/**
 * Renders a Lexical document (serialized JSON) to HTML for print, with highlights drawn from
 * annotation offsets. We do not use `$generateHtmlFromNodes`: `@lexical/mark`'s MarkNode excludes
 * itself from Lexical's HTML export, and highlights are overlays on the plain text anyway. So we walk
 * the JSON ourselves and split each text leaf where a highlight starts or ends, using `textSpans`
 * (the same offsets the reader and the anchoring code use).
 *
 * Everything that reaches the output is escaped; only known node types produce tags, link targets
 * must be http(s), and no attribute ever carries text from the document except escaped values.
 */
import {
  TEXT_FORMAT,
  isElementNode,
  textSpans,
  type ArticleDocument,
  type SerializedElementNode,
  type SerializedNode,
  type SerializedRootNode,
  type TextSpan,
} from '../../common/document.js';
import { escapeHtml, safeHttpUrl } from './format.js';

/** A highlight to draw: a range of the document's plain text. */
export interface HighlightRange {
  readonly start: number;
  readonly end: number;
  /** Background tint (already a safe CSS colour string). */
  readonly tint: string;
  /** `id` given to the first piece of the highlight: the target of links back from the appendix. */
  readonly anchorId: string;
  readonly labelName: string | null;
  /** Superscript number after the highlight, linking to `noteAnchorId`; null when there is no note. */
  readonly noteNumber: number | null;
  readonly noteAnchorId: string | null;
}

export interface RenderDocumentOptions {
  readonly highlights?: readonly HighlightRange[];
  /** Document headings are shifted so that an h1 inside an article sits below the article's title. */
  readonly headingShift?: number;
  /**
   * Renders node types this module does not know (a note's citation blocks, for example).
   * Returns null to fall back to rendering the node's children.
   */
  readonly custom?: (node: Readonly<Record<string, unknown>>, renderChildren: () => string) => string | null;
}

type AnyNode = SerializedNode | SerializedRootNode;

const ALIGN = new Set(['left', 'right', 'center', 'justify', 'start', 'end']);

function blockAttributes(node: SerializedElementNode | SerializedRootNode): string {
  let attrs = '';
  if (node.direction === 'rtl' || node.direction === 'ltr') attrs += ` dir="${node.direction}"`;
  const styles: string[] = [];
  if (typeof node.format === 'string' && ALIGN.has(node.format)) styles.push(`text-align:${node.format}`);
  if (typeof node.indent === 'number' && node.indent > 0 && node.indent < 10) {
    styles.push(`margin-inline-start:${node.indent * 1.5}em`);
  }
  if (styles.length) attrs += ` style="${styles.join(';')}"`;
  return attrs;
}

function formatText(text: string, format: number): string {
  let html = escapeHtml(text);
  if (format & TEXT_FORMAT.code) html = `<code>${html}</code>`;
  if (format & TEXT_FORMAT.bold) html = `<strong>${html}</strong>`;
  if (format & TEXT_FORMAT.italic) html = `<em>${html}</em>`;
  if (format & TEXT_FORMAT.underline) html = `<u>${html}</u>`;
  if (format & TEXT_FORMAT.strikethrough) html = `<s>${html}</s>`;
  if (format & TEXT_FORMAT.subscript) html = `<sub>${html}</sub>`;
  if (format & TEXT_FORMAT.superscript) html = `<sup>${html}</sup>`;
  return html;
}

/** Renders a leaf's text piece, wrapped in the highlights that cover it (outermost = earliest start). */
function renderPiece(
  html: string,
  from: number,
  to: number,
  highlights: readonly HighlightRange[],
  opened: Set<HighlightRange>,
): string {
  const covering = highlights
    .filter((h) => h.start < to && h.end > from)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = html;
  for (let i = covering.length - 1; i >= 0; i--) {
    const h = covering[i]!;
    const first = !opened.has(h);
    opened.add(h);
    const id = first ? ` id="${escapeHtml(h.anchorId)}"` : '';
    const title = h.labelName ? ` title="${escapeHtml(h.labelName)}"` : '';
    out = `<mark class="hl"${id}${title} style="background-color:${h.tint}">${out}</mark>`;
  }
  // Note numbers follow the last piece of each highlight that ends here.
  const ending = covering
    .filter((h) => h.end === to && h.noteNumber !== null && h.noteAnchorId !== null)
    .sort((a, b) => (a.noteNumber ?? 0) - (b.noteNumber ?? 0));
  for (const h of ending) {
    out += `<sup class="fn"><a href="#${escapeHtml(h.noteAnchorId ?? '')}">${h.noteNumber}</a></sup>`;
  }
  return out;
}

function renderLeaf(span: TextSpan | undefined, node: SerializedNode, highlights: readonly HighlightRange[], opened: Set<HighlightRange>): string {
  if (node.type === 'linebreak') return '<br>';
  const text = node.type === 'tab' ? '\t' : node.type === 'text' ? node.text : '';
  const format = node.type === 'text' || node.type === 'tab' ? node.format : 0;
  if (!span || highlights.length === 0 || text === '') {
    return node.type === 'tab' ? '<span class="tab">\t</span>' : formatText(text, format);
  }
  const cuts = new Set<number>([span.start, span.end]);
  for (const h of highlights) {
    if (h.start > span.start && h.start < span.end) cuts.add(h.start);
    if (h.end > span.start && h.end < span.end) cuts.add(h.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const piece = text.slice(from - span.start, to - span.start);
    out += renderPiece(formatText(piece, format), from, to, highlights, opened);
  }
  return out;
}

function headingTag(tag: string, shift: number): string {
  const level = Math.min(6, Math.max(1, Number(tag.slice(1)) + shift));
  return `h${Number.isFinite(level) ? level : 6}`;
}

/** Renders a serialized Lexical document to an HTML fragment. */
export function renderDocumentHtml(doc: ArticleDocument, options: RenderDocumentOptions = {}): string {
  const highlights = (options.highlights ?? []).filter((h) => h.end > h.start);
  const spans = new Map<object, TextSpan>();
  if (highlights.length) for (const span of textSpans(doc)) spans.set(span.node, span);
  const opened = new Set<HighlightRange>();
  const shift = options.headingShift ?? 0;

  const renderChildren = (node: AnyNode): string =>
    isElementNode(node) ? node.children.map((child) => render(child)).join('') : '';

  const render = (node: AnyNode): string => {
    if (!isElementNode(node)) {
      if (node.type === 'text' || node.type === 'linebreak' || node.type === 'tab') {
        return renderLeaf(spans.get(node), node, highlights, opened);
      }
      // A decorator node (no children): only a custom renderer knows what it shows.
      return options.custom?.(node as unknown as Readonly<Record<string, unknown>>, () => '') ?? '';
    }
    const el = node as SerializedElementNode | SerializedRootNode;
    switch (el.type) {
      case 'root':
        return renderChildren(el);
      case 'paragraph': {
        const inner = renderChildren(el);
        return `<p${blockAttributes(el)}>${inner || '<br>'}</p>`;
      }
      case 'heading': {
        const tag = headingTag(el.tag, shift);
        return `<${tag} class="doc-heading"${blockAttributes(el)}>${renderChildren(el)}</${tag}>`;
      }
      case 'quote':
        return `<blockquote${blockAttributes(el)}>${renderChildren(el)}</blockquote>`;
      case 'list': {
        const tag = el.listType === 'number' ? 'ol' : 'ul';
        const start = tag === 'ol' && Number.isInteger(el.start) && el.start !== 1 ? ` start="${el.start}"` : '';
        return `<${tag}${start}${blockAttributes(el)}>${renderChildren(el)}</${tag}>`;
      }
      case 'listitem': {
        // Lexical nests a sub-list inside a list item of its own: don't print a bullet for that wrapper.
        const nested = el.children.length > 0 && el.children.every((c) => c.type === 'list');
        return `<li${nested ? ' class="nested"' : ''}${blockAttributes(el)}>${renderChildren(el)}</li>`;
      }
      case 'link': {
        const href = safeHttpUrl(el.url);
        const inner = renderChildren(el);
        return href ? `<a href="${escapeHtml(href)}">${inner}</a>` : `<span class="link">${inner}</span>`;
      }
      case 'mark':
        return renderChildren(el);
      default: {
        const raw = el as unknown as Readonly<Record<string, unknown>>;
        // Lexical's autolink node has the link's shape.
        if (raw['type'] === 'autolink' && typeof raw['url'] === 'string') {
          const href = safeHttpUrl(raw['url']);
          const inner = renderChildren(el);
          return href ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner;
        }
        const custom = options.custom?.(raw, () => renderChildren(el));
        if (custom !== null && custom !== undefined) return custom;
        return `<div>${renderChildren(el)}</div>`;
      }
    }
  };
  return render(doc.root);
}

/** The same walk, for a plain-text document without highlights (summaries, notes without marks). */
export function renderPlainParagraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p dir="auto">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
