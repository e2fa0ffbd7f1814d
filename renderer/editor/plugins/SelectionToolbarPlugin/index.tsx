/**
 * The selection toolbar: select text in the reader and a small bar appears just above it, one chip
 * per label (colour, name, number key) and a note button. Click a chip or press 1–9 to highlight;
 * N highlights without a label and opens the note. Buttons never take focus from the selection.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactElement } from 'react';
import { createPortal } from 'react-dom';
import { selectionToRange, type NodeRange } from '../../offsets';

export interface ToolbarLabel {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  readonly shortcut: number | null;
}

interface SelectionToolbarProps {
  readonly labels: readonly ToolbarLabel[];
  readonly disabled: boolean;
  /** The positioned element the toolbar is placed in (the reader's scrolling column). */
  readonly container: HTMLElement | null;
  readonly onHighlight: (range: NodeRange, labelId: string | null, withNote: boolean) => void;
  /** Shown instead of the label chips while re-attaching an orphaned highlight. */
  readonly attachMode?: { readonly label: string; readonly onAttach: (range: NodeRange) => void; readonly onCancel: () => void } | null;
}

interface Shown {
  readonly range: NodeRange;
  readonly top: number;
  readonly left: number;
  readonly below: boolean;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function SelectionToolbarPlugin({ labels, disabled, container, onHighlight, attachMode }: SelectionToolbarProps): ReactElement | null {
  const [editor] = useLexicalComposerContext();
  const [shown, setShown] = useState<Shown | null>(null);
  const toolbar = useRef<HTMLDivElement>(null);

  const update = useCallback(() => {
    if (disabled || !container) {
      setShown(null);
      return;
    }
    const selection = window.getSelection();
    const range = selectionToRange(editor, selection);
    if (!range || !selection) {
      setShown(null);
      return;
    }
    const rects = Array.from(selection.getRangeAt(0).getClientRects()).filter((r) => r.width > 0);
    const first = rects[0] ?? selection.getRangeAt(0).getBoundingClientRect();
    const box = container.getBoundingClientRect();
    const below = first.top - box.top < 56;
    const anchor = below ? (rects[rects.length - 1] ?? first) : first;
    setShown({
      range,
      top: (below ? anchor.bottom + 8 : anchor.top - 8) - box.top + container.scrollTop,
      left: anchor.left + anchor.width / 2 - box.left + container.scrollLeft,
      below,
    });
  }, [editor, disabled, container]);

  useEffect(() => {
    let frame = 0;
    const schedule = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    document.addEventListener('selectionchange', schedule);
    window.addEventListener('mouseup', schedule);
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', schedule);
      window.removeEventListener('mouseup', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [update]);

  // Centre the bar over the selection, kept inside the column. Measured at its natural width (placed at
  // the column's left edge first, so an absolutely positioned box is not squeezed by where it starts).
  useLayoutEffect(() => {
    const element = toolbar.current;
    if (!element || !container || !shown) return;
    element.style.left = '0px';
    const width = element.offsetWidth;
    const left = Math.max(8, Math.min(container.clientWidth - width - 8, shown.left - width / 2));
    element.style.left = `${left}px`;
    element.style.visibility = 'visible';
  }, [shown, container]);

  // The range acted on is read from the selection at the moment of the click or key press, so a
  // quick "select, press 2" never races the toolbar's appearance.
  const currentRange = useCallback((): NodeRange | null => selectionToRange(editor, window.getSelection()), [editor]);
  const latest = useRef({ labels, onHighlight, attachMode, disabled });
  latest.current = { labels, onHighlight, attachMode, disabled };

  const act = useCallback(
    (labelId: string | null, withNote: boolean) => {
      const range = currentRange();
      if (!range) return;
      setShown(null);
      window.getSelection()?.removeAllRanges();
      const { attachMode: attach, onHighlight: highlight } = latest.current;
      if (attach) attach.onAttach(range);
      else highlight(range, labelId, withNote);
    },
    [currentRange],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const { labels: list, attachMode: attach, disabled: off } = latest.current;
      if (off || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const isDigit = /^[1-9]$/.test(event.key);
      const isNote = event.key === 'n' || event.key === 'N';
      if (!isDigit && !isNote && event.key !== 'Enter' && event.key !== 'Escape') return;
      if (!currentRange()) return;
      if (attach) {
        if (event.key === 'Enter') {
          event.preventDefault();
          act(null, false);
        }
        return;
      }
      if (isDigit) {
        const label = list.find((l) => l.shortcut === Number(event.key));
        if (label) {
          event.preventDefault();
          act(label.id, false);
        }
      } else if (isNote) {
        event.preventDefault();
        act(null, true);
      } else if (event.key === 'Escape') {
        window.getSelection()?.removeAllRanges();
        setShown(null);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [act, currentRange]);

  if (!shown || !container) return null;
  return createPortal(
    <div
      ref={toolbar}
      className={shown.below ? 'selection-toolbar is-below' : 'selection-toolbar'}
      role="toolbar"
      aria-label={attachMode ? 'Re-attach highlight' : 'Highlight selection'}
      style={{ top: shown.top }}
      // Keep the text selection: toolbar buttons must not take it away on press.
      onMouseDown={(event) => event.preventDefault()}
    >
      {attachMode ? (
        <>
          <span className="toolbar-hint">Attach “{attachMode.label}” here?</span>
          <button type="button" className="toolbar-chip" onClick={() => act(null, false)}>
            Attach <kbd>↵</kbd>
          </button>
          <button type="button" className="toolbar-chip" onClick={attachMode.onCancel}>
            Cancel
          </button>
        </>
      ) : (
        <>
          {labels.map((label) => (
            <button
              key={label.id}
              type="button"
              className="toolbar-chip"
              aria-label={label.name}
              aria-keyshortcuts={label.shortcut ? String(label.shortcut) : undefined}
              title={label.shortcut ? `${label.name} (${label.shortcut})` : label.name}
              onClick={() => act(label.id, false)}
            >
              <span className="chip-swatch" style={{ background: label.color }} aria-hidden="true" />
              <span className="chip-name">{label.name}</span>
              {label.shortcut && <kbd aria-hidden="true">{label.shortcut}</kbd>}
            </button>
          ))}
          <span className="toolbar-divider" aria-hidden="true" />
          <button type="button" className="toolbar-chip" aria-label="Highlight with a note" aria-keyshortcuts="N" title="Highlight with a note (N)" onClick={() => act(null, true)}>
            <svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.3" aria-hidden="true">
              <path d="M3.5 2.5h6l3 3v8h-9z" />
              <path d="M9.5 2.5v3h3M5.5 8.5h5M5.5 11h3.5" />
            </svg>
            <kbd aria-hidden="true">N</kbd>
          </button>
        </>
      )}
    </div>,
    container,
  );
}
