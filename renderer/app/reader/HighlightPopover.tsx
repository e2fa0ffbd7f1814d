/**
 * The popover of one highlight, opened by clicking it (or Enter on it in the list): change its
 * label, write its note (a small Lexical editor; saved as you type), tag it, or delete it (undo in
 * the toast). Escape closes it and returns to the text.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactElement } from 'react';
import { createPortal } from 'react-dom';
import { NoteEditor } from '../../editor/NoteEditor';
import type { Annotation, Label } from '../data/types';
import { useApp } from '../context';
import { formatDate, formatDateTime } from '../format';
import { Icon } from '../shell/Icon';
import { isTypingTarget, moveInRadioGroup } from '../shell/keys';
import type { HighlightOps } from './useHighlights';

interface HighlightPopoverProps {
  readonly annotation: Annotation;
  readonly labels: readonly Label[];
  readonly anchor: HTMLElement | null;
  readonly container: HTMLElement;
  readonly focusNote: boolean;
  /** "Source, “Title”, 3 Dec 2024": what a copied quote is attributed to. */
  readonly citation: string;
  readonly ops: HighlightOps;
  readonly onClose: () => void;
  /** Opens "Add to timeline" for this highlight (absent: no timeline in this build). */
  readonly onAddToTimeline?: () => void;
}

export function HighlightPopover({ annotation, labels, anchor, container, focusNote, citation, ops, onClose, onAddToTimeline }: HighlightPopoverProps): ReactElement {
  const { toast } = useApp();
  const copyQuote = (): void => {
    const text = `“${annotation.quote}” — ${citation}`;
    void navigator.clipboard
      ?.writeText(text)
      .then(() => toast({ message: 'Quote copied with its source.' }))
      .catch(() => toast({ kind: 'error', message: 'The clipboard is not available here; select the text and copy it instead.' }));
  };
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number; above: boolean }>({ top: 0, left: 0, above: false });
  const [tagDraft, setTagDraft] = useState('');
  const pendingNote = useRef<{ text: string; json: string } | null>(null);
  const timer = useRef(0);

  const flushNote = (): void => {
    window.clearTimeout(timer.current);
    const note = pendingNote.current;
    pendingNote.current = null;
    if (note) void ops.update(annotation.id, { note: note.text.trim() ? { text: note.text, json: note.json } : null });
  };
  const close = (): void => {
    flushNote();
    onClose();
  };

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const place = (): void => {
      const box = container.getBoundingClientRect();
      const rect = anchor?.getBoundingClientRect() ?? new DOMRect(box.left + box.width / 2, box.top + 80, 0, 0);
      const width = element.offsetWidth;
      const height = element.offsetHeight;
      // Below the highlight when it fits in the visible column, else above it, else wherever there is more room.
      const spaceBelow = box.bottom - rect.bottom;
      const spaceAbove = rect.top - box.top;
      const above = spaceBelow < height + 16 && spaceAbove > spaceBelow;
      const top = (above ? Math.max(rect.top - height - 10, box.top + 8) : rect.bottom + 10) - box.top + container.scrollTop;
      const centre = rect.left + rect.width / 2 - box.left;
      const left = Math.max(12, Math.min(container.clientWidth - width - 12, centre - width / 2));
      setPosition((p) => (p.top === top && p.left === left && p.above === above ? p : { top, left, above }));
    };
    place();
    // The note editor fills in after the first layout: place again when the popover's size settles.
    const observer = new ResizeObserver(place);
    observer.observe(element);
    return () => observer.disconnect();
  }, [anchor, container, annotation.id]);

  useEffect(() => {
    if (focusNote) return;
    const radios = ref.current?.querySelectorAll<HTMLElement>('[role="radio"]');
    const checked = Array.from(radios ?? []).find((r) => r.getAttribute('aria-checked') === 'true');
    (checked ?? radios?.[0])?.focus();
  }, [focusNote, annotation.id]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close();
        return;
      }
      if (!ref.current?.contains(event.target as Node) || isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (/^[1-9]$/.test(event.key)) {
        const label = labels.find((l) => l.shortcut === Number(event.key));
        if (label) {
          event.preventDefault();
          void ops.update(annotation.id, { labelId: label.id });
        }
      }
    };
    const onPointerDown = (event: PointerEvent): void => {
      const target = event.target as Element;
      if (ref.current?.contains(target) || target.closest?.('mark')) return;
      close();
    };
    window.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  });

  useEffect(() => () => flushNote(), []);

  const addTag = (): void => {
    const tag = tagDraft.trim();
    setTagDraft('');
    if (tag && !annotation.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) void ops.update(annotation.id, { tags: [...annotation.tags, tag] });
  };

  return createPortal(
    <div
      ref={ref}
      className={position.above ? 'popover highlight-popover is-above' : 'popover highlight-popover'}
      role="dialog"
      aria-label="Highlight"
      style={{ top: position.top, left: position.left }}
    >
      <div className="popover-section">
        <div className="popover-row-head">
          <span className="popover-title">Label</span>
          <button type="button" className="icon-button" aria-label="Close" onClick={close}>
            <Icon name="close" size={14} />
          </button>
        </div>
        <div className="label-choices" role="radiogroup" aria-label="Label" onKeyDown={moveInRadioGroup}>
          {labels.map((label) => {
            const checked = annotation.labelId === label.id;
            return (
              <button
                key={label.id}
                type="button"
                role="radio"
                aria-checked={checked}
                aria-label={label.name}
                className={checked ? 'label-choice is-checked' : 'label-choice'}
                style={{ ['--chip' as string]: label.color }}
                onClick={() => void ops.update(annotation.id, { labelId: label.id })}
              >
                <span className="label-dot" aria-hidden="true" />
                {label.name}
                {label.shortcut && <kbd aria-hidden="true">{label.shortcut}</kbd>}
              </button>
            );
          })}
          <button
            type="button"
            role="radio"
            aria-checked={annotation.labelId === null}
            aria-label="No label"
            className={annotation.labelId === null ? 'label-choice is-checked' : 'label-choice'}
            style={{ ['--chip' as string]: 'var(--hl-no-label)' }}
            onClick={() => void ops.update(annotation.id, { labelId: null })}
          >
            <span className="label-dot" aria-hidden="true" />
            None
          </button>
        </div>
      </div>
      <div className="popover-section">
        <span className="popover-title">Note</span>
        <NoteEditor
          key={annotation.id}
          initialJson={annotation.noteJson}
          initialText={annotation.note}
          autoFocus={focusNote}
          label="Note"
          onChange={(json, text) => {
            if (text === annotation.note && (annotation.noteJson === null || json === annotation.noteJson)) return;
            pendingNote.current = { json, text };
            window.clearTimeout(timer.current);
            timer.current = window.setTimeout(flushNote, 600);
          }}
        />
      </div>
      <div className="popover-section">
        <span className="popover-title">Tags</span>
        <div className="tag-editor">
          {annotation.tags.map((tag) => (
            <span key={tag} className="tag-chip">
              #{tag}
              <button
                type="button"
                className="chip-clear"
                aria-label={`Remove tag ${tag}`}
                onClick={() => void ops.update(annotation.id, { tags: annotation.tags.filter((t) => t !== tag) })}
              >
                <Icon name="close" size={11} />
              </button>
            </span>
          ))}
          <input
            className="tag-input"
            aria-label="Add a tag to this highlight"
            placeholder="Add a tag…"
            value={tagDraft}
            onChange={(e) => setTagDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ',') {
                e.preventDefault();
                addTag();
              }
            }}
            onBlur={addTag}
          />
        </div>
      </div>
      <div className="popover-footer">
        <span className="popover-quote" title={`Highlighted ${formatDateTime(annotation.createdAt)}; last changed ${formatDateTime(annotation.updatedAt)}`}>
          {formatDate(annotation.createdAt)}
        </span>
        <button type="button" className="button button-small button-quiet" onClick={copyQuote}>
          Copy quote
        </button>
        {onAddToTimeline && (
          <button
            type="button"
            className="button button-small button-quiet"
            onClick={() => {
              flushNote();
              onAddToTimeline();
            }}
          >
            <Icon name="timeline" size={14} /> Add to timeline…
          </button>
        )}
        <button
          type="button"
          className="button button-small button-danger-quiet"
          onClick={() => {
            window.clearTimeout(timer.current);
            pendingNote.current = null;
            onClose();
            void ops.remove(annotation.id);
          }}
        >
          <Icon name="trash" size={14} /> Delete highlight
        </button>
      </div>
    </div>,
    container,
  );
}
