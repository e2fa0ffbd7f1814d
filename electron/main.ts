/**
 * The desktop app's main process, as a composition root: it opens the library, starts search, sets up
 * the security settings, the quire:// protocol, IPC and the menu, and opens the one window. Each piece
 * lives in electron/main/; everything else is the API (api/ipc.ts → api/handlers.ts → core).
 *
 * Security, in one place (details in main/security.ts, main/protocol.ts, main/window.ts):
 * - the page runs sandboxed with context isolation, no Node, web security on, no <webview>;
 * - it is served from `quire://app/` (protocol.handle), never file://, with the same strict CSP as
 *   browser mode (serve.ts SECURITY_HEADERS);
 * - navigation away from the app and new windows are denied; http(s) links open in the system
 *   browser only after the analyst confirms; every permission request is denied;
 * - every http(s)/ws(s) request of the session is cancelled: Quire makes no network request;
 * - IPC accepts calls only from the app's own top frame (api/ipc.ts).
 */
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import { join } from 'node:path';
import { registerApiIpc } from './api/ipc.js';
import type { ApiContext } from './api/handlers/types.js';
import { startSearchService } from './api/search-service.js';
import { LibrarySession } from './api/session.js';
import { setDefaultPdfPrinter } from './core/export/index.js';
import { createLogger } from './core/log.js';
import { buildMenu } from './main/menu.js';
import { electronPrinter } from './main/printer.js';
import { registerAppProtocol, registerPrivilegedScheme } from './main/protocol.js';
import { hardenWebContents, lockDownSession } from './main/security.js';
import { registerShellIpc } from './main/shell-ipc.js';
import { focusMainWindow, isAppWindow, openMainWindow } from './main/window.js';

const log = createLogger('main');

// The packaged app never loads a native module named by the environment (see core/db/open.ts).
if (app.isPackaged) delete process.env['QUIRE_SQLITE_NATIVE_BINDING'];

// userData is ~/.config/Quire, ~/Library/Application Support/Quire or %APPDATA%\Quire: the folder the
// CLI uses by default (core/paths.ts), so both see one library. Set explicitly: the default would follow
// package.json's lower-case name.
app.setName('Quire');
app.setPath('userData', join(app.getPath('appData'), 'Quire'));
app.enableSandbox();

registerPrivilegedScheme();

let session: LibrarySession | null = null;

if (!app.requestSingleInstanceLock()) {
  // One window onto one library: a second launch focuses the first.
  app.quit();
} else {
  app.on('second-instance', () => focusMainWindow());
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fatal(error));
}

async function start(): Promise<void> {
  const libraryDir = process.env['QUIRE_LIBRARY'] || app.getPath('userData');
  // The index loads in a worker thread: the window is interactive before search is ready. A damaged
  // database opens the app in recovery mode (the renderer asks library.health and offers Restore).
  session = new LibrarySession({ dir: libraryDir, by: 'app', startSearch: startSearchService });
  session.open();

  lockDownSession();
  registerAppProtocol();
  setDefaultPdfPrinter(electronPrinter);
  registerApiIpc(ipcMain, () => requireContext(), isAppWindow);
  registerShellIpc(ipcMain);
  Menu.setApplicationMenu(buildMenu());
  openMainWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

function requireContext(): ApiContext {
  if (!session) throw new Error('Quire is still starting.');
  return session.context;
}

// ── Shutdown ──────────────────────────────────────────────────────────────────────────────────────────

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let closing = false;
app.on('before-quit', (event) => {
  if (closing || !session) return;
  closing = true;
  event.preventDefault();
  const closingSession = session;
  session = null;
  // Closing backs up when one is due, then releases the library's lock.
  void closingSession
    .close()
    .catch((error: unknown) => log.warn('the library did not close cleanly', error))
    .finally(() => app.quit());
});

function fatal(error: unknown): void {
  log.warn('Quire could not start', error);
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Quire could not start', message);
  app.exit(1);
}
