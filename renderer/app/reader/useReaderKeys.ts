/**
 * The reader's keys: J/K walk the highlights, Enter opens the focused one, Delete removes it (with
 * undo), Escape lets go; Ctrl/Cmd+E edits the text, Ctrl/Cmd+S saves, Escape cancels the edit.
 * Digits 1–9 and N on a selection belong to the selection toolbar.
 */
import { useEffect } from 'react';
import type { Annotation } from '../data/types';
import { isMod, isTypingTarget } from '../shell/keys';

interface ReaderKeys {
  readonly editing: boolean;
  readonly popoverOpen: boolean;
  /** Anchored highlights in reading order. */
  readonly anchored: readonly Annotation[];
  readonly focusedId: string | null;
  readonly landOn: (id: string) => void;
  readonly openPopover: (id: string) => void;
  readonly remove: (id: string) => Promise<void>;
  readonly setFocusedId: (id: string | null) => void;
  readonly startEdit: () => void;
  readonly cancelEdit: () => void;
  readonly saveEdit: () => Promise<void>;
}

export function useReaderKeys(keys: ReaderKeys): void {
  const { editing, popoverOpen, anchored, focusedId, landOn, openPopover, remove, setFocusedId, startEdit, cancelEdit, saveEdit } = keys;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (isMod(event) && event.key.toLowerCase() === 'e' && !event.shiftKey) {
        event.preventDefault();
        if (editing) cancelEdit();
        else startEdit();
        return;
      }
      if (isMod(event) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (editing) void saveEdit();
        return;
      }
      if (editing && event.key === 'Escape' && !document.querySelector('dialog[open]')) {
        event.preventDefault();
        cancelEdit();
        return;
      }
      if (editing || popoverOpen || isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (document.querySelector('dialog[open], .search-overlay')) return;
      if (window.getSelection()?.isCollapsed === false) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const index = anchored.findIndex((a) => a.id === focusedId);
      if (event.key === 'j' || event.key === 'k') {
        if (anchored.length === 0) return;
        event.preventDefault();
        const next = event.key === 'j' ? (index + 1) % anchored.length : index < 0 ? anchored.length - 1 : (index - 1 + anchored.length) % anchored.length;
        landOn(anchored[next]!.id);
      } else if (event.key === 'Enter' && focusedId && (target === document.body || target?.closest('.reader-content'))) {
        event.preventDefault();
        openPopover(focusedId);
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && focusedId && !target?.closest('.pane-right')) {
        event.preventDefault();
        setFocusedId(null);
        void remove(focusedId);
      } else if (event.key === 'Escape' && focusedId) {
        setFocusedId(null);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [editing, popoverOpen, anchored, focusedId, landOn, openPopover, remove, setFocusedId, startEdit, cancelEdit, saveEdit]);
}
