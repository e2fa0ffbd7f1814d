/** The one app window: its secure webPreferences, its remembered bounds, and which window it is. */
import { BrowserWindow, dialog, nativeTheme } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BRIDGE_ARGUMENT, CHANNELS, type BridgeConfig } from '../api/bridge.js';
import { apiMethodNames } from '../api/contract.js';
import { APP_URL, ICON, PRELOAD, RENDERER_DIR } from './paths.js';
import { loadWindowState, rememberWindowState } from './window-state.js';

let mainWindow: BrowserWindow | null = null;

/** The app window, or null before it opens and after it closes. */
export function getMainWindow(): BrowserWindow | null {
  return mainWindow;
}

/** IPC is accepted only from the app window's own web contents (api/ipc.ts checks the frame too). */
export function isAppWindow(webContentsId: number): boolean {
  return mainWindow !== null && !mainWindow.isDestroyed() && mainWindow.webContents.id === webContentsId;
}

/** A second launch focuses the window already open. */
export function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

export function openMainWindow(): BrowserWindow {
  mainWindow = createWindow();
  return mainWindow;
}

function createWindow(): BrowserWindow {
  const state = loadWindowState();
  const bridge: BridgeConfig = { methods: apiMethodNames, channels: CHANNELS };
  const webPreferences: Electron.WebPreferences = {
    preload: PRELOAD,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    additionalArguments: [`${BRIDGE_ARGUMENT}${Buffer.from(JSON.stringify(bridge)).toString('base64')}`],
  };
  // What the window was created with, readable from the main process by the Electron e2e tests
  // (Playwright's electronApp.evaluate): Electron offers no public getter for a window's webPreferences.
  Object.defineProperty(globalThis, '__quireWebPreferences', { value: Object.freeze({ ...webPreferences }), configurable: true });
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Quire',
    ...(process.platform === 'linux' && existsSync(ICON) ? { icon: ICON } : {}),
    // Matches the theme's background so the window does not flash white in dark mode.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1c1f' : '#fbfaf7',
    autoHideMenuBar: false,
    webPreferences,
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  rememberWindowState(window);
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });

  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    void dialog.showMessageBox({
      type: 'error',
      message: 'Quire’s interface is not built.',
      detail: `Run \`npm run build\` in the Quire folder (${RENDERER_DIR} is missing).`,
    });
  }
  void window.loadURL(APP_URL);
  return window;
}
