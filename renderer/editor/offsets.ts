/**
 * Plain-text offsets in the live editor, by the same rule as `documentPlainText` in
 * `electron/common/document.ts` (and Lexical's `getTextContent`): a block's children are joined
 * with "\n\n" after every non-inline element except the last; a line break is "\n".
 *
 * Every `$` function here must run inside `editor.read` or `editor.update`.
 */
import {
  $createRangeSelectionFromDom,
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type PointType,
  type TextNode,
} from 'lexical';

export interface NodeRange {
  readonly start: number;
  readonly end: number;
}

/** A text-bearing leaf (text, tab or line break) with its range in the plain text. */
export interface LeafRange extends NodeRange {
  readonly node: LexicalNode;
}

export interface OffsetIndex {
  /** Every node (elements included) by key. */
  readonly ranges: ReadonlyMap<NodeKey, NodeRange>;
  /** Leaves in document order. */
  readonly leaves: readonly LeafRange[];
  readonly length: number;
}

export function $buildOffsetIndex(): OffsetIndex {
  const ranges = new Map<NodeKey, NodeRange>();
  const leaves: LeafRange[] = [];
  let offset = 0;
  const visit = (element: ElementNode): void => {
    const children = element.getChildren();
    children.forEach((child, index) => {
      const start = offset;
      if ($isElementNode(child)) {
        visit(child);
        ranges.set(child.getKey(), { start, end: offset });
        if (!child.isInline() && index < children.length - 1) offset += 2;
      } else {
        offset += child.getTextContentSize();
        ranges.set(child.getKey(), { start, end: offset });
        if ($isTextNode(child) || $isLineBreakNode(child)) leaves.push({ node: child, start, end: offset });
      }
    });
  };
  const root = $getRoot();
  visit(root);
  ranges.set(root.getKey(), { start: 0, end: offset });
  return { ranges, leaves, length: offset };
}

/** Where a selection point falls in the plain text. */
export function $pointToOffset(point: PointType, index: OffsetIndex): number {
  const node = point.getNode();
  const range = index.ranges.get(node.getKey());
  if (!range) return 0;
  if (point.type === 'text') return range.start + point.offset;
  if ($isElementNode(node)) {
    const children = node.getChildren();
    if (point.offset < children.length) {
      const child = index.ranges.get(children[point.offset]!.getKey());
      return child ? child.start : range.start;
    }
    return range.end;
  }
  return point.offset > 0 ? range.end : range.start;
}

/** The plain-text range the browser's current selection covers inside this editor, or null. */
export function selectionToRange(editor: LexicalEditor, domSelection: Selection | null): NodeRange | null {
  if (!domSelection || domSelection.rangeCount === 0 || domSelection.isCollapsed) return null;
  const root = editor.getRootElement();
  if (!root) return null;
  const domRange = domSelection.getRangeAt(0);
  if (!root.contains(domRange.startContainer) || !root.contains(domRange.endContainer)) return null;
  return editor.read(() => {
    const selection = $createRangeSelectionFromDom(domSelection, editor);
    if (!selection) return null;
    const index = $buildOffsetIndex();
    const a = $pointToOffset(selection.anchor, index);
    const b = $pointToOffset(selection.focus, index);
    const start = Math.min(a, b);
    const end = Math.max(a, b);
    return end > start ? { start, end } : null;
  });
}

/** The leaf holding a plain-text offset: `preferNext` picks the leaf starting there over the one ending there. */
function leafAt(index: OffsetIndex, offset: number, preferNext: boolean): { leaf: LeafRange; inner: number } | null {
  let candidate: LeafRange | null = null;
  for (const leaf of index.leaves) {
    if (offset >= leaf.start && offset <= leaf.end) {
      candidate = leaf;
      if (!preferNext || offset < leaf.end) break;
    } else if (offset < leaf.start) {
      if (preferNext) return { leaf, inner: 0 };
      break;
    }
  }
  if (!candidate) return null;
  return { leaf: candidate, inner: offset - candidate.start };
}

function domPoint(editor: LexicalEditor, leaf: LeafRange, inner: number): { node: Node; offset: number } | null {
  const element = editor.getElementByKey(leaf.node.getKey());
  if (!element) return null;
  if ($isTextNode(leaf.node)) {
    // Lexical renders a text node as <span>text</span> (sometimes wrapped in <strong>/<em>).
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const textNode = walker.nextNode();
    if (textNode) return { node: textNode, offset: Math.min(inner, (textNode.textContent ?? '').length) };
    return { node: element, offset: 0 };
  }
  // A line break: before or after the <br>.
  const parent = element.parentNode;
  if (!parent) return null;
  const position = Array.prototype.indexOf.call(parent.childNodes, element) as number;
  return { node: parent, offset: inner > 0 ? position + 1 : position };
}

/** A DOM Range over [start, end) of the plain text, for scrolling to and flashing a match. */
export function rangeToDomRange(editor: LexicalEditor, start: number, end: number): Range | null {
  return editor.read(() => {
    const index = $buildOffsetIndex();
    const from = leafAt(index, Math.max(0, start), true);
    const to = leafAt(index, Math.min(end, index.length), false);
    if (!from || !to) return null;
    const a = domPoint(editor, from.leaf, from.inner);
    const b = domPoint(editor, to.leaf, to.inner);
    if (!a || !b) return null;
    const range = document.createRange();
    try {
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
    } catch {
      return null;
    }
    return range;
  });
}

export function isTextLeaf(node: LexicalNode): node is TextNode {
  return $isTextNode(node);
}
