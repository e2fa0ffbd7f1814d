/**
 * Quire's window: three panes (navigation · the current thing · its context), the search palette,
 * toasts and the shortcut sheet.
 *
 * ── Adding a screen (notes, dossiers, …) ──────────────────────────────────────────────────────────
 * Do not edit the shell. In your feature folder write `register.tsx` that calls, from `./views`:
 *   registerView({ id, label, icon, order, count?, renderNav?, render })       → a navigation entry + a centre view
 *   registerReaderSection({ id, title, order, render })                         → a block in the reader's right pane
 *                                                                                 (e.g. "Add to dossier")
 * then add ONE import line to the "Feature registrations" block just below. Navigate with
 * `useApp().navigate({ view: 'notes', param: noteId })`; open an article with
 * `navigate({ view: 'reader', articleId, target: { annotationId } })`. A view may fill the right pane
 * with `<RightPane>…</RightPane>` (./shell/RightPane). See ./views.ts for the types.
 */

// ── Feature registrations (one line each) ──
import './notes/register';
import './dossiers/register';
import './timeline/register';
import './backups/register';

import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { api, shell } from '../api';
import { AppContext, describeError, useApp, type AppState, type ToastInput } from './context';
import type { Label } from './data/types';
import { ImportProvider } from './library/ImportProvider';
import { LibraryView } from './library/LibraryView';
import { ReaderView } from './reader/ReaderView';
import { SearchPalette } from './search/SearchPalette';
import { Icon, QuireMark } from './shell/Icon';
import { isMod, isTypingTarget, modLabel } from './shell/keys';
import { RightPaneTarget } from './shell/RightPane';
import { ShortcutSheet } from './shell/ShortcutSheet';
import { Sidebar } from './shell/Sidebar';
import { Splitter } from './shell/Splitter';
import { applyTheme, storedTheme, type ThemeChoice } from './shell/theme';
import { Toasts, type ToastItem } from './shell/Toasts';
import { registeredViews, type Route } from './views';
import { routeFromHash, routeToHash } from './routing';

interface PaneLayout {
  left: number;
  right: number;
  leftOpen: boolean;
  rightOpen: boolean;
}

const LAYOUT_KEY = 'quire.layout';
const defaultLayout: PaneLayout = { left: 232, right: 320, leftOpen: true, rightOpen: true };

function loadLayout(): PaneLayout {
  try {
    const raw = localStorage.getItem(LAYOUT_KEY);
    if (raw) return { ...defaultLayout, ...(JSON.parse(raw) as Partial<PaneLayout>) };
  } catch {
    // A damaged preference is not worth an error: fall back to the default layout.
  }
  return defaultLayout;
}

function CentreView({ route }: { route: Route }): ReactElement {
  const { navigate } = useApp();
  if (route.view === 'library') return <LibraryView />;
  if (route.view === 'reader' && 'articleId' in route) return <ReaderView key={route.articleId} route={route} />;
  const view = registeredViews().find((v) => v.id === route.view);
  if (!view) return <LibraryView />;
  return <>{view.render({ param: 'param' in route ? route.param : undefined, navigate })}</>;
}

const themeCycle: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const themeNames: Record<ThemeChoice, string> = { system: 'Theme: follow the system', light: 'Theme: light', dark: 'Theme: dark' };

/** `notice`: a toast to show once the app is up (what a restore from the recovery screen brought back). */
export function App({ notice }: { readonly notice?: ToastInput }): ReactElement {
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash));
  const history = useRef<Route[]>([]);
  const [libraryVersion, setLibraryVersion] = useState(0);
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const [searchOpen, setSearchOpen] = useState<{ query: string } | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [labels, setLabels] = useState<readonly Label[]>([]);
  const [labelsVersion, setLabelsVersion] = useState(0);
  const [layout, setLayout] = useState<PaneLayout>(loadLayout);
  const [theme, setTheme] = useState<ThemeChoice>(storedTheme);
  const [rightPaneEl, setRightPaneEl] = useState<HTMLElement | null>(null);
  const toastId = useRef(0);

  useEffect(() => {
    localStorage.setItem(LAYOUT_KEY, JSON.stringify(layout));
  }, [layout]);

  // Keep the address in step with the route (replaceState: Quire's own history is Alt+←).
  useEffect(() => {
    const hash = routeToHash(route);
    if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
  }, [route]);

  const toast = useCallback((input: ToastInput) => {
    const id = ++toastId.current;
    // At most three at once: the newest matter.
    setToasts((list) => [...list.slice(-2), { ...input, id }]);
  }, []);
  const reportError = useCallback((error: unknown, doing?: string) => toast({ kind: 'error', message: describeError(error, doing) }), [toast]);
  const noticeShown = useRef<ToastInput | null>(null);
  useEffect(() => {
    if (!notice || noticeShown.current === notice) return;
    noticeShown.current = notice;
    toast(notice);
  }, [notice, toast]);

  useEffect(() => {
    let live = true;
    api['labels.list']({})
      .then((result) => live && setLabels(result))
      .catch((error: unknown) => live && reportError(error, 'load the labels'));
    return () => {
      live = false;
    };
    // Counts per label change with every highlight: refresh with the library.
  }, [labelsVersion, libraryVersion, reportError]);

  const navigate = useCallback((next: Route) => {
    setRoute((current) => {
      history.current = [...history.current.slice(-49), current];
      return next;
    });
  }, []);
  const back = useCallback(() => {
    const previous = history.current.pop();
    setRoute(previous ?? { view: 'library' });
  }, []);

  const state: AppState = useMemo(
    () => ({
      route,
      navigate,
      back,
      libraryVersion,
      libraryChanged: () => setLibraryVersion((v) => v + 1),
      toast,
      reportError,
      openSearch: (query = '') => setSearchOpen({ query }),
      openShortcuts: () => setShortcutsOpen(true),
      labels,
      reloadLabels: () => setLabelsVersion((v) => v + 1),
    }),
    [route, navigate, back, libraryVersion, toast, reportError, labels],
  );

  // Global shortcuts. Screen-specific keys (1–9 in the reader, arrows in the library) live in the screens.
  const chord = useRef<number>(0);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (isMod(event) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setSearchOpen((open) => (open ? null : { query: '' }));
        return;
      }
      if (isMod(event) && !event.shiftKey && event.key.toLowerCase() === 'b') {
        event.preventDefault();
        setLayout((l) => ({ ...l, leftOpen: !l.leftOpen }));
        return;
      }
      if (isMod(event) && !event.shiftKey && event.key.toLowerCase() === 'j') {
        event.preventDefault();
        setLayout((l) => ({ ...l, rightOpen: !l.rightOpen }));
        return;
      }
      // Not while the reader holds an unsaved edit: that is saved or cancelled first.
      if (event.altKey && event.key === 'ArrowLeft' && !isTypingTarget(event.target) && !document.querySelector('.reader.is-editing')) {
        event.preventDefault();
        back();
        return;
      }
      if (isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (document.querySelector('dialog[open]')) return;
      if (event.key === '?') {
        event.preventDefault();
        setShortcutsOpen(true);
      } else if (event.key === 'g') {
        chord.current = Date.now();
      } else if (event.key === 'l' && Date.now() - chord.current < 1200) {
        chord.current = 0;
        navigate({ view: 'library' });
      } else {
        const view = registeredViews().find((v) => v.id[0] === event.key);
        if (view && Date.now() - chord.current < 1200) {
          chord.current = 0;
          navigate({ view: view.id });
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [back, navigate]);

  // The desktop application menu (View ▸ Search, Library; Help ▸ Keyboard shortcuts).
  useEffect(
    () =>
      shell.onMenu((event) => {
        if (event.type === 'search') setSearchOpen({ query: '' });
        else if (event.type === 'library') navigate({ view: 'library' });
        else if (event.type === 'backups') navigate({ view: 'backups' });
        else if (event.type === 'shortcuts') setShortcutsOpen(true);
        else if (event.type === 'new-dossier') navigate({ view: 'dossiers', param: 'new' });
      }),
    [navigate],
  );

  const cycleTheme = (): void => {
    const next = themeCycle[theme];
    applyTheme(next);
    setTheme(next);
  };

  const gridColumns = [
    layout.leftOpen ? `${layout.left}px` : '0px',
    layout.leftOpen ? 'auto' : '0px',
    'minmax(360px, 1fr)',
    layout.rightOpen ? 'auto' : '0px',
    layout.rightOpen ? `${layout.right}px` : '0px',
  ].join(' ');

  return (
    <AppContext.Provider value={state}>
      <ImportProvider>
        <div className="app">
          <header className="titlebar">
            <div className="titlebar-start">
              <button
                type="button"
                className="icon-button"
                aria-label={layout.leftOpen ? 'Hide navigation' : 'Show navigation'}
                aria-pressed={layout.leftOpen}
                title={`Navigation (${modLabel} B)`}
                onClick={() => setLayout((l) => ({ ...l, leftOpen: !l.leftOpen }))}
              >
                <Icon name="panel-left" />
              </button>
              <span className="brand">
                <QuireMark size={18} />
                <span className="brand-name">Quire</span>
              </span>
            </div>
            <button type="button" className="search-trigger" onClick={() => setSearchOpen({ query: '' })} aria-label="Open search" aria-keyshortcuts="Control+K">
              <Icon name="search" />
              <span>Search articles, highlights, notes…</span>
              <kbd>{modLabel} K</kbd>
            </button>
            <div className="titlebar-end">
              <button type="button" className="icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setShortcutsOpen(true)}>
                <Icon name="keyboard" />
              </button>
              <button type="button" className="icon-button" aria-label={themeNames[theme]} title={themeNames[theme]} onClick={cycleTheme}>
                <Icon name={theme === 'system' ? 'monitor' : theme === 'light' ? 'sun' : 'moon'} />
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={layout.rightOpen ? 'Hide details' : 'Show details'}
                aria-pressed={layout.rightOpen}
                title={`Details (${modLabel} J)`}
                onClick={() => setLayout((l) => ({ ...l, rightOpen: !l.rightOpen }))}
              >
                <Icon name="panel-right" />
              </button>
            </div>
          </header>
          <div className="panes" style={{ gridTemplateColumns: gridColumns }}>
            <nav className="pane pane-left" aria-label="Navigation" hidden={!layout.leftOpen}>
              {layout.leftOpen && <Sidebar />}
            </nav>
            {layout.leftOpen ? (
              <Splitter
                label="Resize navigation"
                side="left"
                value={layout.left}
                min={200}
                max={420}
                onChange={(left) => setLayout((l) => ({ ...l, left }))}
                onToggle={() => setLayout((l) => ({ ...l, leftOpen: false }))}
              />
            ) : (
              <span />
            )}
            <main className="pane pane-centre" id="main">
              <RightPaneTarget.Provider value={rightPaneEl}>
                <CentreView route={route} />
              </RightPaneTarget.Provider>
            </main>
            {layout.rightOpen ? (
              <Splitter
                label="Resize details"
                side="right"
                value={layout.right}
                min={260}
                max={560}
                onChange={(right) => setLayout((l) => ({ ...l, right }))}
                onToggle={() => setLayout((l) => ({ ...l, rightOpen: false }))}
              />
            ) : (
              <span />
            )}
            <aside className="pane pane-right" aria-label="Details" hidden={!layout.rightOpen} ref={setRightPaneEl} />
          </div>
          <Toasts toasts={toasts} onClose={(id) => setToasts((list) => list.filter((t) => t.id !== id))} />
          {searchOpen && <SearchPalette initialQuery={searchOpen.query} onClose={() => setSearchOpen(null)} />}
          <ShortcutSheet open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
        </div>
      </ImportProvider>
    </AppContext.Provider>
  );
}
