/**
 * The preload: the only bridge between the sandboxed page and the main process.
 *
 * It exposes `window.quire` (see api/bridge.ts, QuireBridge): `invoke(method, input)` for the
 * contract's methods only, menu events, and a few desktop abilities. It never exposes `ipcRenderer`
 * or anything that could send to an arbitrary channel.
 *
 * Why this file lives in its own folder with `"type": "commonjs"`: a sandboxed preload is run as a
 * classic script that may only `require('electron')` (no ES modules, no relative imports). The folder's
 * package.json makes tsc emit CommonJS here while the rest of electron/ stays ESM, and only type
 * imports reach outside it. The method names and channel names come from main at startup through
 * `additionalArguments` (BRIDGE_ARGUMENT), so they are written once, in the contract and bridge.ts.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { BridgeConfig, DesktopBridge, MenuEvent, PickPathsInput, QuireBridge } from '../api/bridge.js';
import type { ApiResult } from '../api/define.js';

const ARGUMENT = '--quire-bridge=';

function readConfig(): BridgeConfig {
  const arg = process.argv.find((a) => a.startsWith(ARGUMENT));
  if (!arg) throw new Error('Quire preload: the main process passed no bridge configuration.');
  return JSON.parse(atob(arg.slice(ARGUMENT.length))) as BridgeConfig;
}

const config = readConfig();
const methods = new Set(config.methods);
const { channels } = config;

const refused = (message: string): ApiResult => ({ ok: false, error: { code: 'unknown_method', message } });

const desktop: DesktopBridge = {
  platform: process.platform,
  onMenu(listener: (event: MenuEvent) => void): () => void {
    // The listener never sees the IPC event object (it carries `sender`, i.e. ipcRenderer).
    const wrapped = (_event: IpcRendererEvent, payload: MenuEvent): void => listener(payload);
    ipcRenderer.on(channels.menu, wrapped);
    return () => {
      ipcRenderer.removeListener(channels.menu, wrapped);
    };
  },
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
  pickPaths(input: PickPathsInput): Promise<string[]> {
    return ipcRenderer.invoke(channels.pickPaths, input) as Promise<string[]>;
  },
  openExternal(url: string): Promise<boolean> {
    return ipcRenderer.invoke(channels.openExternal, String(url)) as Promise<boolean>;
  },
};

const bridge: QuireBridge = {
  methods: [...methods],
  invoke(method: string, input: unknown): Promise<ApiResult> {
    if (typeof method !== 'string' || !methods.has(method)) {
      return Promise.resolve(refused(`Quire has no operation called “${String(method).slice(0, 100)}”.`));
    }
    return ipcRenderer.invoke(`${channels.apiPrefix}${method}`, input) as Promise<ApiResult>;
  },
  desktop,
};

contextBridge.exposeInMainWorld('quire', bridge);
