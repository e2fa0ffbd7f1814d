/**
 * The session and web-contents lock-down of ARCHITECTURE.md: no permissions, no network, no navigation
 * away from quire://app/, no new windows, no <webview>; http(s) links go to the system browser after asking.
 */
import { session, type WebContents } from 'electron';
import { APP_ORIGIN } from '../api/ipc.js';
import { createLogger } from '../core/log.js';
import { confirmOpenExternal } from './dialogs.js';

const log = createLogger('main');

export function lockDownSession(): void {
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

/** Applied to every web contents as it is created (app window, print windows, anything else). */
export function hardenWebContents(contents: WebContents): void {
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
