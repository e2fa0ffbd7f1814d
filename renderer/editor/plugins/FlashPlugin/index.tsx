/**
 * Lands the reader on a place in the text (a search match, a highlight chosen in the side panel):
 * scrolls it to the upper third of the column and flashes it, without touching the document.
 *
 * The flash is a CSS Custom Highlight over a live DOM Range, so it stays on the words however the
 * text reflows (fonts arriving, panes resized) — an overlay measured once would drift.
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

/** The highlight name styled by `::highlight(quire-flash)` in reader.css. */
export const FLASH_HIGHLIGHT = 'quire-flash';

/** On, off, on, off, on: a flash the eye catches, then the text as it was. */
const PULSES: ReadonlyArray<readonly [boolean, number]> = [
  [true, 450],
  [false, 140],
  [true, 450],
  [false, 140],
  [true, 1400],
];

export function FlashPlugin({ target, container, ready }: { target: FlashTarget | null; container: HTMLElement | null; ready: boolean }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!target || !container || !ready) return;
    let cancelled = false;
    let timer = 0;
    const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
    const stop = (): void => {
      registry?.delete(FLASH_HIGHLIGHT);
      delete container.dataset.flash;
    };
    // Measure once the bundled fonts are in, so the scroll lands where the words end up.
    void document.fonts.ready.then(() =>
      requestAnimationFrame(() => {
        if (cancelled) return;
        const range = rangeToDomRange(editor, target.start, target.end);
        if (!range) return;
        const box = container.getBoundingClientRect();
        const rect = range.getBoundingClientRect();
        container.scrollTo({ top: Math.max(0, rect.top - box.top + container.scrollTop - container.clientHeight / 3), behavior: 'auto' });
        container.dataset.flash = `${target.start}-${target.end}`;
        const highlight = new Highlight(range);
        let step = 0;
        const next = (): void => {
          if (cancelled) return;
          const pulse = PULSES[step];
          if (!pulse) {
            stop();
            return;
          }
          if (pulse[0]) registry?.set(FLASH_HIGHLIGHT, highlight);
          else registry?.delete(FLASH_HIGHLIGHT);
          step += 1;
          timer = window.setTimeout(next, pulse[1]);
        };
        next();
      }),
    );
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
      stop();
    };
  }, [editor, target, container, ready]);
  return null;
}
