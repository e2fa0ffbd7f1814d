/**
 * What the Electron preload puts on `window.quire`, and the app-shell events main sends the renderer.
 * Pure (zod only), shared by main, preload and renderer, so the names below exist exactly once.
 *
 * The preload exposes no `ipcRenderer`: only `invoke(method, input)` restricted to the contract's
 * method names, menu events, and the few desktop abilities the browser cannot offer.
 */
import { z } from 'zod';
import type { ApiResult } from './define.js';

/** IPC channel names. API calls use one channel per method: `api:<method>`. */
export const CHANNELS = {
  apiPrefix: 'api:',
  menu: 'app:menu',
  pickPaths: 'app:pick-paths',
  openExternal: 'app:open-external',
} as const;

export function apiChannel(method: string): string {
  return `${CHANNELS.apiPrefix}${method}`;
}

/**
 * The sandboxed preload cannot import this module (it may only `require('electron')`), so main hands it
 * the method names and channels as one command-line switch (webPreferences.additionalArguments):
 * `--quire-bridge=<base64 of JSON BridgeConfig>`. Names are thereby written once, here and in the contract.
 */
export const BRIDGE_ARGUMENT = '--quire-bridge=';

export interface BridgeConfig {
  readonly methods: readonly string[];
  readonly channels: typeof CHANNELS;
}

/** What the application menu asks the renderer to do. */
export const menuEventSchema = z.discriminatedUnion('type', [
  /** Files or folders the analyst picked in the native Import… / Import folder… dialogs. */
  z.object({ type: z.literal('import-paths'), paths: z.array(z.string()).min(1) }),
  z.object({ type: z.literal('import-text') }),
  z.object({ type: z.literal('new-dossier') }),
  z.object({ type: z.literal('export') }),
  z.object({ type: z.literal('search') }),
  z.object({ type: z.literal('library') }),
  /** View ▸ Backups: Library ▸ Backups (back up now, restore, check). */
  z.object({ type: z.literal('backups') }),
  z.object({ type: z.literal('shortcuts') }),
]);
export type MenuEvent = z.output<typeof menuEventSchema>;

export const pickPathsInputSchema = z.object({ kind: z.enum(['files', 'folder']) }).strict();
export type PickPathsInput = z.output<typeof pickPathsInputSchema>;

export interface DesktopBridge {
  readonly platform: string;
  onMenu(listener: (event: MenuEvent) => void): () => void;
  /** The file-system path of a dropped or picked File (Electron's webUtils.getPathForFile). */
  pathForFile(file: File): string;
  /** The native open dialog; an empty list when cancelled. */
  pickPaths(input: PickPathsInput): Promise<string[]>;
  /** Opens an http(s) link in the system browser after the analyst confirms; false if refused. */
  openExternal(url: string): Promise<boolean>;
}

export interface QuireBridge {
  readonly methods: readonly string[];
  invoke(method: string, input: unknown): Promise<ApiResult>;
  readonly desktop: DesktopBridge;
}
