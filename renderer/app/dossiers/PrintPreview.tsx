/**
 * The live preview: the dossier as it will print, rendered by the export's print view and shown in a
 * shadow root (isolated styles, no iframe). Refreshes shortly after every change.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { api, shell } from '../../api';
import { describeError } from '../context';
import { preparePreview } from './preview-html';

interface PrintPreviewProps {
  readonly dossierId: string;
  /** Changes whenever the dossier changed (a refresh is due). */
  readonly version: number;
  readonly paper: 'a4' | 'letter';
}

const REFRESH_DELAY_MS = 350;

export function PrintPreview({ dossierId, version, paper }: PrintPreviewProps): ReactElement {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    // Links inside the preview: in-document anchors scroll the preview; web links open outside after confirmation.
    const onClick = (event: Event): void => {
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!anchor) return;
      event.preventDefault();
      const href = anchor.getAttribute('href') ?? '';
      if (href.startsWith('#')) {
        root.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      } else if (/^https?:/i.test(href)) {
        void shell.openExternal(href);
      }
    };
    root.addEventListener('click', onClick);
    return () => root.removeEventListener('click', onClick);
  }, []);

  // The page keeps its printed width; a narrow column shows it scaled down rather than cut off.
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const observer = new ResizeObserver(() => fitToWidth(element));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    let live = true;
    setState((s) => (s === 'ready' ? 'ready' : 'loading'));
    const timer = window.setTimeout(() => {
      api['export.preview']({ dossierId, paper })
        .then(({ html }) => {
          const element = host.current;
          if (!live || !element?.shadowRoot) return;
          const prepared = preparePreview(html);
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(prepared.css);
          const root = element.shadowRoot;
          root.adoptedStyleSheets = [sheet];
          const scrollTop = element.scrollTop;
          const wrapper = document.createElement('div');
          wrapper.className = `pv-body ${prepared.bodyAttributes['class'] ?? ''}`.trim();
          if (prepared.bodyAttributes['dir']) wrapper.dir = prepared.bodyAttributes['dir'];
          if (prepared.bodyAttributes['lang']) wrapper.lang = prepared.bodyAttributes['lang'];
          wrapper.append(prepared.body);
          root.replaceChildren(wrapper);
          fitToWidth(element);
          element.scrollTop = scrollTop;
          setState('ready');
          setError(null);
        })
        .catch((failure: unknown) => {
          if (!live) return;
          setState('failed');
          setError(describeError(failure));
        });
    }, REFRESH_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [dossierId, version, paper]);

  return (
    <div className={`print-preview is-${state}`}>
      {state === 'failed' && (
        <p className="preview-error" role="alert">
          The preview could not be drawn. {error}
        </p>
      )}
      <div className="preview-host" ref={host} role="document" aria-label="Print preview" aria-busy={state === 'loading'} tabIndex={0} />
    </div>
  );
}

/** Scales the rendered page (CSS zoom, set through CSSOM) so its full width fits the preview column. */
function fitToWidth(element: HTMLElement): void {
  const page = element.shadowRoot?.querySelector<HTMLElement>('.pv-body');
  if (!page) return;
  page.style.zoom = '1';
  // Lay the sheet out at its printed width (the print view caps it with max-width), then scale it.
  const printedWidth = getComputedStyle(page).maxWidth;
  if (printedWidth && printedWidth !== 'none') page.style.width = printedWidth;
  const needed = page.offsetWidth + 32; // the sheet plus a little grey around it
  const available = element.clientWidth;
  page.style.zoom = needed > available && available > 0 ? String(Math.max(0.4, available / needed)) : '1';
}
