/**
 * Marks in a document the reader sends back. The reader wraps highlights in Lexical MarkNodes while
 * editing; the stored document never keeps them (highlights are overlays from annotation offsets),
 * so they are unwrapped before saving and their ranges read off as the annotations' new places.
 * Pure.
 */
import {
  isElementNode,
  textSpans,
  type ArticleDocument,
  type SerializedElementNode,
  type SerializedNode,
  type SerializedRootNode,
} from '../../common/document.js';

export interface MarkRange {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The range each mark id covers in the document's plain text. A mark split in pieces (a paragraph
 * break typed inside it) covers from its first piece's start to its last piece's end.
 */
export function markRangesInDocument(doc: ArticleDocument): MarkRange[] {
  const ranges = new Map<string, { start: number; end: number }>();
  for (const span of textSpans(doc)) {
    for (const ancestor of span.ancestors) {
      if (ancestor.type !== 'mark') continue;
      for (const id of ancestor.ids) {
        const range = ranges.get(id);
        if (!range) ranges.set(id, { start: span.start, end: span.end });
        else ranges.set(id, { start: Math.min(range.start, span.start), end: Math.max(range.end, span.end) });
      }
    }
  }
  return [...ranges].map(([id, r]) => ({ id, ...r }));
}

/** Merges ranges given for the same id (pieces of one split mark) into one covering range. */
export function mergeMarkRanges(marks: readonly MarkRange[]): MarkRange[] {
  const merged = new Map<string, { start: number; end: number }>();
  for (const m of marks) {
    const range = merged.get(m.id);
    merged.set(m.id, range ? { start: Math.min(range.start, m.start), end: Math.max(range.end, m.end) } : { start: m.start, end: m.end });
  }
  return [...merged].map(([id, r]) => ({ id, ...r }));
}

function unwrapChildren(children: readonly SerializedNode[]): SerializedNode[] {
  const out: SerializedNode[] = [];
  for (const child of children) {
    if (child.type === 'mark') {
      out.push(...unwrapChildren(child.children));
    } else if (isElementNode(child)) {
      out.push({ ...child, children: unwrapChildren(child.children) } as SerializedElementNode);
    } else {
      out.push(child);
    }
  }
  return out;
}

/** The document without its MarkNodes (their content stays in place): what is stored. */
export function stripMarks(doc: ArticleDocument): ArticleDocument {
  const root: SerializedRootNode = { ...doc.root, children: unwrapChildren(doc.root.children) };
  return { ...doc, root };
}
