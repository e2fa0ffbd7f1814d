/**
 * Highlights as overlays: annotation ranges (plain-text offsets) become `MarkNode`s in the live
 * editor, and back. Overlapping highlights become flat marks carrying several ids (the segment
 * covered by two highlights is one mark with both ids), which is how `@lexical/mark` models
 * overlaps and what lets CSS layer their colours.
 *
 * Run inside `editor.update`.
 */
import { $createMarkNode, $isMarkNode, $unwrapMarkNode, type MarkNode } from '@lexical/mark';
import { $dfs } from '@lexical/utils';
import { $isTextNode, type LexicalNode } from 'lexical';
import { $buildOffsetIndex, type LeafRange } from './offsets.js';

export interface MarkRange {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

export function $allMarks(): MarkNode[] {
  return $dfs()
    .map((entry) => entry.node)
    .filter($isMarkNode);
}

export function $removeAllMarks(): void {
  // Innermost first, so unwrapping never touches an already-removed node.
  for (const mark of $allMarks().reverse()) $unwrapMarkNode(mark);
}

/** Splits text leaves so that every range boundary falls between two leaves. */
function $splitAtBoundaries(cuts: ReadonlySet<number>): void {
  for (const leaf of $buildOffsetIndex().leaves) {
    if (!$isTextNode(leaf.node) || leaf.end - leaf.start < 2) continue;
    const inner = [...cuts].filter((cut) => cut > leaf.start && cut < leaf.end).sort((a, b) => a - b);
    if (inner.length > 0) leaf.node.splitText(...inner.map((cut) => cut - leaf.start));
  }
}

function idsCovering(ranges: readonly MarkRange[], leaf: LeafRange): string[] {
  if (leaf.end <= leaf.start) return [];
  return ranges.filter((range) => range.start <= leaf.start && range.end >= leaf.end).map((range) => range.id);
}

/** Replaces every mark in the document with marks for `ranges` (empty or inverted ranges are ignored). */
export function $applyMarks(ranges: readonly MarkRange[]): void {
  $removeAllMarks();
  const valid = ranges.filter((range) => range.end > range.start);
  if (valid.length === 0) return;
  const cuts = new Set<number>();
  for (const range of valid) {
    cuts.add(range.start);
    cuts.add(range.end);
  }
  $splitAtBoundaries(cuts);

  // Group consecutive sibling leaves with the same id set into one mark.
  let group: LexicalNode[] = [];
  let groupKey = '';
  let groupIds: string[] = [];
  const flush = (): void => {
    if (group.length > 0 && groupIds.length > 0) {
      const mark = $createMarkNode(groupIds);
      group[0]!.insertBefore(mark);
      for (const node of group) mark.append(node);
    }
    group = [];
    groupKey = '';
    groupIds = [];
  };
  for (const leaf of $buildOffsetIndex().leaves) {
    const ids = idsCovering(valid, leaf);
    const key = ids.join('\u0000');
    const last = group[group.length - 1];
    const adjacent = last !== undefined && last.getNextSibling()?.is(leaf.node) === true;
    if (ids.length > 0 && key === groupKey && adjacent) {
      group.push(leaf.node);
      continue;
    }
    flush();
    if (ids.length > 0) {
      group = [leaf.node];
      groupKey = key;
      groupIds = ids;
    }
  }
  flush();
}

/** Where each highlight id is now: from its first marked character to its last. */
export function $collectMarkRanges(): MarkRange[] {
  const index = $buildOffsetIndex();
  const byId = new Map<string, { start: number; end: number }>();
  for (const mark of $allMarks()) {
    const range = index.ranges.get(mark.getKey());
    if (!range || range.end <= range.start) continue;
    for (const id of mark.getIDs()) {
      const seen = byId.get(id);
      byId.set(id, seen ? { start: Math.min(seen.start, range.start), end: Math.max(seen.end, range.end) } : { ...range });
    }
  }
  return [...byId].map(([id, range]) => ({ id, ...range })).sort((a, b) => a.start - b.start || a.end - b.end);
}
