/**
 * The desktop door: one `ipcMain.handle` channel per API method (`api:<method>`), derived from the
 * contract, every call validated by `dispatch` and accepted only from the app's own top frame.
 *
 * This module does not import `electron` (the lint rule keeps api/ Electron-free, and it can be unit
 * tested): main.ts passes its `ipcMain`, which fits the small structural types below. The sender check
 * follows VS Code's `validatedIpcMain`: the frame must be a top frame (not an iframe) whose URL is the
 * app's own origin, in one of the app's own windows.
 */
import { apiChannel } from './bridge.js';
import { apiMethodNames } from './contract.js';
import type { ApiResult } from './define.js';
import { dispatch } from './handlers.js';
import type { ApiContext } from './handlers/types.js';
import { createLogger } from '../core/log.js';

const log = createLogger('ipc');

/** The origin the renderer is served from in the desktop app (electron/main.ts registers the protocol). */
export const APP_ORIGIN = 'quire://app';

/** What this module needs of Electron's `WebFrameMain`. */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/** What this module needs of Electron's `IpcMainInvokeEvent`. */
export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
  readonly sender: { readonly id: number };
}

/** What this module needs of Electron's `ipcMain`. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** True when the call comes from the app's own top frame in one of its own windows. */
export function isTrustedSender(event: InvokeEventLike, isAppWindow: (webContentsId: number) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated away or was destroyed meanwhile
  if (frame.parent !== null) return false; // iframes never talk to main
  if (!isAppWindow(event.sender.id)) return false;
  try {
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

const FORBIDDEN: ApiResult = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from Quire’s own window and was refused.' },
};

/**
 * Registers `channel` with the sender check in front of `handler`. main.ts uses it for the app-shell
 * channels (dialogs, external links) too, so no channel skips the check.
 */
export function validatedHandle(
  ipcMain: IpcMainLike,
  channel: string,
  isAppWindow: (webContentsId: number) => boolean,
  handler: (event: InvokeEventLike, arg: unknown) => unknown,
): void {
  ipcMain.handle(channel, (event, arg) => {
    if (!isTrustedSender(event, isAppWindow)) {
      log.warn(`refused ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      return FORBIDDEN;
    }
    return handler(event, arg);
  });
}

/** Registers every API method; returns a function that removes them (window closed, app quitting). */
export function registerApiIpc(
  ipcMain: IpcMainLike,
  context: () => ApiContext,
  isAppWindow: (webContentsId: number) => boolean,
): () => void {
  for (const method of apiMethodNames) {
    validatedHandle(ipcMain, apiChannel(method), isAppWindow, (_event, input) => dispatch(context(), method, input));
  }
  return () => {
    for (const method of apiMethodNames) ipcMain.removeHandler(apiChannel(method));
  };
}
