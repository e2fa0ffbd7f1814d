/**
 * The desktop app's main process: one window, the menu, native dialogs, and the security settings
 * of ARCHITECTURE.md. Everything else is the API (api/ipc.ts → api/handlers.ts → core).
 *
 * Security, in one place:
 * - the page runs sandboxed with context isolation, no Node, web security on, no <webview>;
 * - it is served from `quire://app/` (protocol.handle), never file://, with the same strict CSP as
 *   browser mode (serve.ts SECURITY_HEADERS);
 * - navigation away from the app and new windows are denied; http(s) links open in the system
 *   browser only after the analyst confirms; every permission request is denied;
 * - every http(s)/ws(s) request of the session is cancelled: Quire makes no network request;
 * - IPC accepts calls only from the app's own top frame (api/ipc.ts).
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { BRIDGE_ARGUMENT, CHANNELS, pickPathsInputSchema, type BridgeConfig, type MenuEvent } from './api/bridge.js';
import { apiMethodNames } from './api/contract.js';
import { APP_ORIGIN, registerApiIpc, validatedHandle } from './api/ipc.js';
import type { ApiContext } from './api/handlers/types.js';
import { startSearchService } from './api/search-service.js';
import { setDefaultPdfPrinter, type PdfPrinter } from './core/export/index.js';
import { newId } from './core/ids.js';
import { openLibrary } from './core/library.js';
import { createLogger } from './core/log.js';
import { CONTENT_TYPES, SECURITY_HEADERS } from './serve.js';

const log = createLogger('main');

// The packaged app never loads a native module named by the environment (see core/db/open.ts).
if (app.isPackaged) delete process.env['QUIRE_SQLITE_NATIVE_BINDING'];

// userData is ~/.config/Quire, ~/Library/Application Support/Quire or %APPDATA%\Quire: the folder the
// CLI uses by default (core/paths.ts), so both see one library. Set explicitly: the default would follow
// package.json's lower-case name.
app.setName('Quire');
app.setPath('userData', join(app.getPath('appData'), 'Quire'));
app.enableSandbox();

const SCHEME = 'quire';
const APP_URL = `${APP_ORIGIN}/index.html`;
const RENDERER_DIR = resolve(import.meta.dirname, '..', 'renderer');
const PRELOAD = join(import.meta.dirname, 'preload', 'index.js');
// The window icon matters on Linux (macOS and Windows take the packaged app's icon).
const ICON = resolve(import.meta.dirname, '..', '..', 'resources', 'icons', 'icon-256.png');
const DOCUMENT_EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml', 'pdf', 'docx'];

protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

let mainWindow: BrowserWindow | null = null;
let context: ApiContext | null = null;

if (!app.requestSingleInstanceLock()) {
  // One window onto one library: a second launch focuses the first.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fatal(error));
}

async function start(): Promise<void> {
  const libraryDir = process.env['QUIRE_LIBRARY'] || app.getPath('userData');
  const library = openLibrary({ dir: libraryDir });
  // The index loads in a worker thread: the window is interactive before search is ready.
  const search = startSearchService(library);
  context = { library, search };

  lockDownSession();
  registerAppProtocol();
  setDefaultPdfPrinter(electronPrinter);
  registerApiIpc(ipcMain, () => requireContext(), isAppWindow);
  registerShellIpc();
  Menu.setApplicationMenu(buildMenu());
  mainWindow = createWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

function requireContext(): ApiContext {
  if (!context) throw new Error('Quire is still starting.');
  return context;
}

function isAppWindow(webContentsId: number): boolean {
  return mainWindow !== null && !mainWindow.isDestroyed() && mainWindow.webContents.id === webContentsId;
}

// ── The page's origin: quire://app/ serving dist/renderer with the CSP ───────────────────────────────

function registerAppProtocol(): void {
  protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host === 'print') return servePrintPage(url);
    if (url.host !== 'app') return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return new Response('Bad path', { status: 400, headers: SECURITY_HEADERS });
    }
    if (path === '/' || path === '') path = '/index.html';
    let file = normalize(join(RENDERER_DIR, path));
    if (!file.startsWith(RENDERER_DIR + sep)) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    let info = await stat(file).catch(() => null);
    if ((!info || !info.isFile()) && extname(path) === '') {
      file = join(RENDERER_DIR, 'index.html'); // a client-side route
      info = await stat(file).catch(() => null);
    }
    if (!info || !info.isFile()) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' },
    });
  });
}

// ── PDF export with Electron's own print engine ───────────────────────────────────────────────────────

/** Print views waiting to be loaded by their hidden window, by one-time id (quire://print/<id>). */
const printPages = new Map<string, string>();

/**
 * The print view is self-contained (styles inline, fonts and images as data: URIs) and runs no script:
 * its CSP allows exactly that, and its window has JavaScript turned off.
 */
const PRINT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; object-src 'none'; base-uri 'none'; form-action 'none'";

function servePrintPage(url: URL): Response {
  const html = printPages.get(url.pathname.slice(1));
  if (html === undefined) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
  return new Response(html, {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Security-Policy': PRINT_CSP, 'Content-Type': 'text/html; charset=utf-8' },
  });
}

const electronPrinter: PdfPrinter = async (html, options) => {
  const id = newId('print');
  printPages.set(id, html);
  const window = new BrowserWindow({
    show: false,
    width: 1024,
    height: 1400,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, spellcheck: false },
  });
  try {
    await window.loadURL(`${SCHEME}://print/${id}`);
    const pdf = await window.webContents.printToPDF({
      pageSize: options.pageSize,
      displayHeaderFooter: options.displayHeaderFooter,
      headerTemplate: options.headerTemplate,
      footerTemplate: options.footerTemplate,
      printBackground: options.printBackground,
      preferCSSPageSize: options.preferCSSPageSize,
      generateDocumentOutline: options.outline,
      generateTaggedPDF: options.tagged,
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    printPages.delete(id);
    if (!window.isDestroyed()) window.destroy();
  }
};

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Nothing in Quire uses the network: refuse it at the session, whatever a page might try.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (details, callback) => {
    log.warn(`blocked a network request to ${details.url}`);
    callback({ cancel: true });
  });
}

function hardenWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event, url) => {
    if (url.startsWith(`${APP_ORIGIN}/`)) return;
    event.preventDefault();
    if (/^https?:\/\//i.test(url)) void confirmOpenExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) void confirmOpenExternal(url);
    return { action: 'deny' };
  });
}

async function confirmOpenExternal(url: string): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const options = {
    type: 'question' as const,
    buttons: ['Open in Browser', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: `${parsed.href}\n\nQuire itself never goes online; your browser will.`,
  };
  const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
  if (response !== 0) return false;
  await shell.openExternal(parsed.href);
  return true;
}

// ── Desktop abilities the page asks for (validated like every API call) ───────────────────────────────

function registerShellIpc(): void {
  validatedHandle(ipcMain, CHANNELS.pickPaths, isAppWindow, async (_event, raw) => {
    const parsed = pickPathsInputSchema.safeParse(raw);
    if (!parsed.success) return [];
    return pickPaths(parsed.data.kind);
  });
  validatedHandle(ipcMain, CHANNELS.openExternal, isAppWindow, (_event, raw) =>
    typeof raw === 'string' ? confirmOpenExternal(raw) : false,
  );
}

async function pickPaths(kind: 'files' | 'folder'): Promise<string[]> {
  const options: Electron.OpenDialogOptions =
    kind === 'folder'
      ? { title: 'Import a folder', buttonLabel: 'Import', properties: ['openDirectory', 'multiSelections'] }
      : {
          title: 'Import files',
          buttonLabel: 'Import',
          properties: ['openFile', 'multiSelections'],
          filters: [
            { name: 'Documents', extensions: DOCUMENT_EXTENSIONS },
            { name: 'All files', extensions: ['*'] },
          ],
        };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

function sendMenu(event: MenuEvent): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  mainWindow.webContents.send(CHANNELS.menu, event);
}

async function importFromMenu(kind: 'files' | 'folder'): Promise<void> {
  const paths = await pickPaths(kind);
  if (paths.length > 0) sendMenu({ type: 'import-paths', paths });
}

// ── Menu ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Item ids (`file.import`, …) let tests click menu items (Menu.getApplicationMenu().getMenuItemById).
 * Shortcuts the page binds itself (Ctrl/Cmd+K, Ctrl/Cmd+O) are shown in the menu but not registered
 * (`registerAccelerator: false`) on Windows and Linux, so one key press does not act twice.
 */
function buildMenu(): Menu {
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

// ── The window, with its size and position remembered ────────────────────────────────────────────────

interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const DEFAULT_STATE: WindowState = { width: 1280, height: 820, maximized: false };

function windowStateFile(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

function loadWindowState(): WindowState {
  try {
    const raw = JSON.parse(readFileSync(windowStateFile(), 'utf8')) as Partial<WindowState>;
    const state: WindowState = {
      width: Math.max(640, Number(raw.width) || DEFAULT_STATE.width),
      height: Math.max(480, Number(raw.height) || DEFAULT_STATE.height),
      maximized: raw.maximized === true,
      ...(Number.isFinite(raw.x) && Number.isFinite(raw.y) ? { x: Number(raw.x), y: Number(raw.y) } : {}),
    };
    // A window saved on a monitor that is gone would open off screen: keep only positions still visible.
    if (state.x !== undefined && state.y !== undefined) {
      const { x, y } = state;
      const visible = screen
        .getAllDisplays()
        .some(({ workArea: a }) => x + 100 > a.x && y + 50 > a.y && x < a.x + a.width - 100 && y < a.y + a.height - 50);
      if (!visible) {
        delete state.x;
        delete state.y;
      }
    }
    return state;
  } catch {
    return { ...DEFAULT_STATE };
  }
}

function saveWindowState(window: BrowserWindow): void {
  try {
    const bounds = window.getNormalBounds();
    const state: WindowState = { ...bounds, maximized: window.isMaximized() };
    mkdirSync(app.getPath('userData'), { recursive: true });
    writeFileSync(windowStateFile(), JSON.stringify(state));
  } catch (error) {
    log.warn('could not save the window position', error);
  }
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

  let saveTimer: NodeJS.Timeout | undefined;
  const scheduleSave = (): void => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => saveWindowState(window), 500);
  };
  window.on('resize', scheduleSave);
  window.on('move', scheduleSave);
  window.on('close', () => {
    clearTimeout(saveTimer);
    saveWindowState(window);
  });
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

// ── Shutdown ──────────────────────────────────────────────────────────────────────────────────────────

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let closing = false;
app.on('before-quit', (event) => {
  if (closing || !context) return;
  closing = true;
  event.preventDefault();
  const { library, search } = context;
  context = null;
  void search
    .close()
    .catch((error: unknown) => log.warn('search did not close cleanly', error))
    .finally(() => {
      library.close();
      app.quit();
    });
});

function fatal(error: unknown): void {
  log.warn('Quire could not start', error);
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Quire could not start', message);
  app.exit(1);
}
