/**
 * Lands the reader on a place in the text (a search match, a highlight chosen in the side panel):
 * scrolls it to the upper third of the column and flashes it, without touching the document.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { rangeToDomRange } from '../../offsets';

export interface FlashTarget {
  readonly start: number;
  readonly end: number;
  /** Changes every time the same place is asked for again. */
  readonly nonce: number;
}

export function FlashPlugin({ target, container, ready }: { target: FlashTarget | null; container: HTMLElement | null; ready: boolean }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!target || !container || !ready) return;
    // After the marks of this render are in the DOM.
    const frame = requestAnimationFrame(() => {
      const range = rangeToDomRange(editor, target.start, target.end);
      if (!range) return;
      const box = container.getBoundingClientRect();
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
      if (rects.length === 0) return;
      const top = rects[0]!.top - box.top + container.scrollTop;
      container.scrollTo({ top: Math.max(0, top - container.clientHeight / 3), behavior: 'auto' });
      container.querySelectorAll('.flash-layer').forEach((el) => el.remove());
      const layer = document.createElement('div');
      layer.className = 'flash-layer';
      layer.dataset.testid = 'flash';
      layer.setAttribute('aria-hidden', 'true');
      for (const rect of rects) {
        const spot = document.createElement('div');
        spot.className = 'flash-rect';
        spot.style.top = `${rect.top - box.top + container.scrollTop - 2}px`;
        spot.style.left = `${rect.left - box.left + container.scrollLeft - 2}px`;
        spot.style.width = `${rect.width + 4}px`;
        spot.style.height = `${rect.height + 4}px`;
        layer.appendChild(spot);
      }
      container.appendChild(layer);
      window.setTimeout(() => layer.remove(), 3000);
    });
    return () => cancelAnimationFrame(frame);
  }, [editor, target, container, ready]);
  return null;
}
