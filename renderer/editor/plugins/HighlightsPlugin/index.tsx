/**
 * Highlights in the reader: wraps each anchored annotation's [start, end) in MarkNodes, paints the
 * marks in their labels' colours (overlaps layered, the focused one outlined, label names on hover),
 * and reports clicks on a highlight.
 *
 * While the analyst edits, marks are left alone (they move with the text) and only repainted.
 */
import { $isMarkNode } from '@lexical/mark';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNearestNodeFromDOMNode, $setSelection, HISTORY_MERGE_TAG, type LexicalEditor } from 'lexical';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { $allMarks, $applyMarks, type MarkRange } from '../../marks';

export interface HighlightStyle {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** `#RRGGBB`, or null for a highlight without a label. */
  readonly color: string | null;
  readonly label: string | null;
}

interface HighlightsPluginProps {
  readonly highlights: readonly HighlightStyle[];
  readonly focusedId: string | null;
  readonly editing: boolean;
  /** Bumped when the document is reloaded, so marks are applied to the new content. */
  readonly documentVersion: number;
  readonly onHighlightClick: (id: string, element: HTMLElement) => void;
}

const NO_LABEL = 'var(--hl-no-label)';

function paint(editor: LexicalEditor, byId: ReadonlyMap<string, HighlightStyle>, focusedId: string | null): void {
  editor.getEditorState().read(() => {
    for (const mark of $allMarks()) {
      const element = editor.getElementByKey(mark.getKey());
      if (!element) continue;
      const ids = mark.getIDs().filter((id) => byId.has(id) || id.startsWith('pending-'));
      const styles = ids.map((id) => byId.get(id)).filter((s): s is HighlightStyle => s !== undefined);
      const colors = styles.map((s) => s.color ?? NO_LABEL);
      if (colors.length === 0) colors.push(NO_LABEL);
      // One translucent band per highlight: where two overlap the ink is visibly doubled, and each
      // further highlight adds an underline stroke in its own colour so every label stays visible.
      const layers = colors.map((color) => `linear-gradient(color-mix(in srgb, ${color} var(--hl-strength), transparent), color-mix(in srgb, ${color} var(--hl-strength), transparent))`);
      const strokes = colors.slice(1).map((color, i) => `linear-gradient(to top, ${color} 0, ${color} 2px, transparent 2px) 0 ${-(i * 3)}px / 100% 100% no-repeat`);
      element.style.background = [...strokes, ...layers].join(', ');
      element.style.setProperty('--hl-color', colors[0]!);
      element.dataset.ids = ids.join(' ');
      element.dataset.count = String(colors.length);
      const names = styles.map((s) => s.label ?? 'No label');
      element.title = names.join(' + ');
      if (focusedId !== null && ids.includes(focusedId)) element.dataset.focused = 'true';
      else delete element.dataset.focused;
    }
  });
}

export function HighlightsPlugin({ highlights, focusedId, editing, documentVersion, onHighlightClick }: HighlightsPluginProps): null {
  const [editor] = useLexicalComposerContext();
  const byId = useRef(new Map<string, HighlightStyle>());
  const focused = useRef(focusedId);
  focused.current = focusedId;
  byId.current = new Map(highlights.map((h) => [h.id, h]));

  // Re-apply marks from offsets whenever the highlights or the document change (never mid-edit).
  const rangesKey = highlights.map((h) => `${h.id}:${h.start}-${h.end}`).join(',');
  useLayoutEffect(() => {
    if (editing) return;
    const ranges: MarkRange[] = highlights.map(({ id, start, end }) => ({ id, start, end }));
    editor.update(
      () => {
        $applyMarks(ranges);
        // Reading mode keeps no editor selection: re-wrapping must never re-select text in the page.
        $setSelection(null);
      },
      { tag: HISTORY_MERGE_TAG, discrete: true },
    );
    // rangesKey stands for the highlights' ranges: colour or note changes do not re-wrap the text.
  }, [editor, rangesKey, documentVersion, editing]);

  // Paint after every update (Lexical may recreate mark elements) and when colours or focus change.
  useEffect(() => editor.registerUpdateListener(() => paint(editor, byId.current, focused.current)), [editor]);
  const paintKey = highlights.map((h) => `${h.id}:${h.color}:${h.label}`).join(',');
  useEffect(() => paint(editor, byId.current, focusedId), [editor, paintKey, focusedId]);

  // Click on a highlight (not the end of a drag-selection) → the caller opens its popover.
  const clickRef = useRef(onHighlightClick);
  clickRef.current = onHighlightClick;
  useEffect(() => {
    const onClick = (event: MouseEvent): void => {
      if (editor.isEditable()) return;
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed) return;
      const target = event.target instanceof Element ? event.target.closest('mark') : null;
      if (!(target instanceof HTMLElement)) return;
      const ids = editor.read(() => {
        const node = $getNearestNodeFromDOMNode(target);
        let current = node;
        while (current && !$isMarkNode(current)) current = current.getParent();
        return current && $isMarkNode(current) ? current.getIDs() : [];
      });
      const known = ids.map((id) => byId.current.get(id)).filter((s): s is HighlightStyle => s !== undefined);
      if (known.length === 0) return;
      // Several highlights here: the shortest is the one the analyst most likely aimed at.
      known.sort((a, b) => a.end - a.start - (b.end - b.start));
      // Clicking again where highlights overlap cycles through them.
      const at = known.findIndex((k) => k.id === focused.current);
      const choice = at >= 0 ? known[(at + 1) % known.length]! : known[0]!;
      clickRef.current(choice.id, target);
    };
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('click', onClick);
      root?.addEventListener('click', onClick);
    });
  }, [editor]);

  return null;
}
