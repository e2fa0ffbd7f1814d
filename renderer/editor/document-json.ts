/**
 * The stored document never carries highlight marks: before saving an edit, marks are taken out of
 * the serialized editor state (their children move up into the parent), leaving the canonical
 * article document of `electron/common/document.ts`.
 */
import type { ArticleDocument, SerializedNode, SerializedRootNode } from '../../electron/common/document.js';

type WithChildren = { children: SerializedNode[] };

function hasChildren(node: unknown): node is WithChildren {
  return typeof node === 'object' && node !== null && Array.isArray((node as { children?: unknown }).children);
}

function stripChildren(children: readonly SerializedNode[]): SerializedNode[] {
  const out: SerializedNode[] = [];
  for (const child of children) {
    if (child.type === 'mark') {
      out.push(...stripChildren(child.children));
    } else if (hasChildren(child)) {
      out.push({ ...child, children: stripChildren((child as WithChildren).children) } as SerializedNode);
    } else {
      out.push(child);
    }
  }
  return out;
}

export function stripMarks(doc: ArticleDocument): ArticleDocument {
  const root: SerializedRootNode = { ...doc.root, children: stripChildren(doc.root.children) };
  return { root };
}
