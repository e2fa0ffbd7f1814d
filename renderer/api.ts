/**
 * The renderer's one way to reach Quire: a typed client for the API contract, and the app shell.
 *
 * In the desktop app the preload provides `window.quire` (IPC to the main process). In browser mode
 * (`quire serve`) calls go to `POST /api/<method>` with the per-run token, which this module takes
 * from the page URL once and keeps in sessionStorage. Screens import `api` and `shell` and never
 * know which door they use.
 *
 *   const { articles, facets } = await api['articles.list']({});
 *   try { await api['articles.get']({ id }) } catch (e) { if (e instanceof ApiError) show(e.message) }
 */
import type { Api, ApiMethod } from '../electron/api/contract';
import { ApiError, METHOD_NAME_PATTERN, type ApiResult, type InputOf, type OutputOf } from '../electron/api/define';
import type { ApiContract } from '../electron/api/contract';
import type { MenuEvent, PickPathsInput, QuireBridge } from '../electron/api/bridge';

export { ApiError };
export type { Api, ApiMethod, MenuEvent };

declare global {
  interface Window {
    readonly quire?: QuireBridge;
  }
}

const TOKEN_KEY = 'quire.token';
const TOKEN_HEADER = 'X-Quire-Token';

/** Reads the token from `?token=` (then removes it from the address bar) or from this tab's sessionStorage. */
function browserToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // Storage disabled: the token stays in the URL for this page's lifetime.
      return fromUrl;
    }
    url.searchParams.delete('token');
    // Keep the token out of the address bar, history and screenshots; the server's cookie covers reloads.
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

type Transport = (method: string, input: unknown) => Promise<ApiResult>;

function httpTransport(): Transport {
  const token = browserToken();
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { [TOKEN_HEADER]: token } : {}) },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      return {
        ok: false,
        error: {
          code: 'offline',
          message: 'Quire’s server is not answering. Is `quire serve` still running? Start it again and reload this page.',
        },
      };
    }
    if (response.status === 401 || response.status === 403) {
      return {
        ok: false,
        error: {
          code: 'unauthorized',
          message: 'This page is no longer connected to Quire. Open the address that `quire serve` printed (it includes the access token).',
        },
      };
    }
    try {
      return (await response.json()) as ApiResult;
    } catch {
      return { ok: false, error: { code: 'internal', message: `Quire answered ${response.status} without a result.` } };
    }
  };
}

function ipcTransport(bridge: QuireBridge): Transport {
  return (method, input) => bridge.invoke(method, input ?? {});
}

const transport: Transport = window.quire ? ipcTransport(window.quire) : httpTransport();

/**
 * Announced on `window` when any call is refused because the library's database is damaged: the
 * recovery screen (app/recovery/LibraryGate.tsx) then takes the window's place, wherever the analyst was.
 */
export const LIBRARY_DAMAGED_EVENT = 'quire:library-damaged';

/** Calls one API method; resolves with its output or rejects with an `ApiError` (code + message for the analyst). */
export async function call<K extends ApiMethod>(method: K, input: InputOf<ApiContract, K>): Promise<OutputOf<ApiContract, K>> {
  const result = await transport(method, input);
  if (!result.ok) {
    if (result.error.code === 'library_damaged') window.dispatchEvent(new CustomEvent(LIBRARY_DAMAGED_EVENT));
    throw new ApiError(result.error);
  }
  return result.value as OutputOf<ApiContract, K>;
}

/** The typed client: `api['articles.list']({})`. Built from the contract's types; names outside it are not methods. */
export const api: Api = new Proxy({} as Api, {
  get(_target, name) {
    // Only dotted method names: keeps `then` (await), symbols and React dev tooling from seeing functions.
    if (typeof name !== 'string' || !METHOD_NAME_PATTERN.test(name)) return undefined;
    return (input: unknown) => call(name as ApiMethod, input as never);
  },
});

/** What only the desktop app can do, with browser-mode fallbacks. */
export interface AppShell {
  readonly kind: 'desktop' | 'browser';
  /** Application-menu commands (desktop). In the browser the screens bind their own shortcuts. */
  onMenu(listener: (event: MenuEvent) => void): () => void;
  /** The path of a dropped/picked file on disk (desktop), or null: then read its bytes and upload them. */
  pathForFile(file: File): string | null;
  /** The native open dialog (desktop) or null: then use an `<input type="file">`. */
  pickPaths(kind: PickPathsInput['kind']): Promise<string[] | null>;
  /** Opens an http(s) link outside the app after the analyst confirms. */
  openExternal(url: string): Promise<void>;
}

function desktopShell(bridge: QuireBridge): AppShell {
  return {
    kind: 'desktop',
    onMenu: (listener) => bridge.desktop.onMenu(listener),
    pathForFile: (file) => {
      const path = bridge.desktop.pathForFile(file);
      return path === '' ? null : path;
    },
    pickPaths: (kind) => bridge.desktop.pickPaths({ kind }),
    openExternal: async (url) => {
      await bridge.desktop.openExternal(url);
    },
  };
}

const browserShell: AppShell = {
  kind: 'browser',
  onMenu: () => () => undefined,
  pathForFile: () => null,
  pickPaths: async () => null,
  openExternal: async (url) => {
    if (!/^https?:\/\//i.test(url)) return;
    if (!window.confirm(`Open this link in a new browser tab?\n\n${url}`)) return;
    window.open(url, '_blank', 'noopener,noreferrer');
  },
};

export const shell: AppShell = window.quire ? desktopShell(window.quire) : browserShell;

/**
 * Links inside the app (an article's links, say) must never take the window away from Quire or load a
 * page inside it: a click on a link to anywhere else goes through `shell.openExternal` (which asks the
 * analyst first, and only for http and https). Installed once, in the capture phase, so it runs before
 * any screen's own handlers. Links in text being edited are left alone (browsers do not follow them).
 */
function guardExternalLinks(): void {
  const onClick = (event: MouseEvent): void => {
    if (event.type === 'auxclick' && event.button !== 1) return;
    const target = event.target instanceof Element ? event.target : null;
    const anchor = target?.closest('a[href]');
    if (!(anchor instanceof HTMLAnchorElement) || anchor.isContentEditable) return;
    let url: URL;
    try {
      url = new URL(anchor.getAttribute('href') ?? '', window.location.href);
    } catch {
      event.preventDefault();
      return;
    }
    if (url.origin === window.location.origin && url.protocol === window.location.protocol) return;
    // Downloads the app makes itself (an export saved from a blob: or data: URL) are not navigation.
    if ((url.protocol === 'blob:' || url.protocol === 'data:') && anchor.hasAttribute('download')) return;
    if (url.protocol === 'blob:' && url.origin === window.location.origin) return;
    event.preventDefault();
    event.stopPropagation();
    if (url.protocol === 'http:' || url.protocol === 'https:') void shell.openExternal(url.href);
  };
  window.addEventListener('click', onClick, true);
  window.addEventListener('auxclick', onClick, true);
}

guardExternalLinks();
