/** Desktop abilities the page asks for over IPC (validated, and from the app window only, like every API call). */
import type { IpcMain } from 'electron';
import { CHANNELS, pickPathsInputSchema } from '../api/bridge.js';
import { validatedHandle } from '../api/ipc.js';
import { confirmOpenExternal, pickPaths } from './dialogs.js';
import { isAppWindow } from './window.js';

export function registerShellIpc(ipcMain: IpcMain): void {
  validatedHandle(ipcMain, CHANNELS.pickPaths, isAppWindow, async (_event, raw) => {
    const parsed = pickPathsInputSchema.safeParse(raw);
    if (!parsed.success) return [];
    return pickPaths(parsed.data.kind);
  });
  validatedHandle(ipcMain, CHANNELS.openExternal, isAppWindow, (_event, raw) =>
    typeof raw === 'string' ? confirmOpenExternal(raw) : false,
  );
}
