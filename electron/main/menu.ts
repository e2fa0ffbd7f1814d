/** The application menu; its items send menu events to the page (api/bridge.ts MenuEvent). */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { CHANNELS, type MenuEvent } from '../api/bridge.js';
import { pickPaths } from './dialogs.js';
import { getMainWindow } from './window.js';

function sendMenu(event: MenuEvent): void {
  const mainWindow = getMainWindow();
  if (!mainWindow || mainWindow.isDestroyed()) return;
  mainWindow.webContents.send(CHANNELS.menu, event);
}

async function importFromMenu(kind: 'files' | 'folder'): Promise<void> {
  const paths = await pickPaths(kind);
  if (paths.length > 0) sendMenu({ type: 'import-paths', paths });
}

/**
 * Item ids (`file.import`, …) let tests click menu items (Menu.getApplicationMenu().getMenuItemById).
 * Shortcuts the page binds itself (Ctrl/Cmd+K, Ctrl/Cmd+O) are shown in the menu but not registered
 * (`registerAccelerator: false`) on Windows and Linux, so one key press does not act twice.
 */
export function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { id: 'file.import', label: 'Import…', accelerator: 'CmdOrCtrl+O', registerAccelerator: isMac, click: () => void importFromMenu('files') },
        { id: 'file.importFolder', label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: () => void importFromMenu('folder') },
        { id: 'file.pasteArticle', label: 'Paste as New Article…', accelerator: 'CmdOrCtrl+Shift+V', click: () => sendMenu({ type: 'import-text' }) },
        { type: 'separator' },
        { id: 'file.newDossier', label: 'New Dossier', accelerator: 'CmdOrCtrl+Shift+N', click: () => sendMenu({ type: 'new-dossier' }) },
        { id: 'file.export', label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => sendMenu({ type: 'export' }) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { id: 'view.library', label: 'Library', accelerator: 'CmdOrCtrl+Shift+L', click: () => sendMenu({ type: 'library' }) },
        { id: 'view.backups', label: 'Backups', click: () => sendMenu({ type: 'backups' }) },
        { id: 'view.search', label: 'Search…', accelerator: 'CmdOrCtrl+K', registerAccelerator: isMac, click: () => sendMenu({ type: 'search' }) },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { id: 'help.shortcuts', label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', click: () => sendMenu({ type: 'shortcuts' }) },
        ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'about' as const }]),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
