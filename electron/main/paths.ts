/**
 * Where the main process finds the app's own files, and the URLs it serves them at.
 * Paths are relative to this compiled file, dist/electron/main/paths.js.
 */
import { join, resolve } from 'node:path';
import { APP_ORIGIN } from '../api/ipc.js';

const ELECTRON_DIR = resolve(import.meta.dirname, '..');

/** The custom scheme the page and the print views are served from (never file://). */
export const SCHEME = 'quire';
export const APP_URL = `${APP_ORIGIN}/index.html`;
export const RENDERER_DIR = resolve(ELECTRON_DIR, '..', 'renderer');
export const PRELOAD = join(ELECTRON_DIR, 'preload', 'index.js');
// The window icon matters on Linux (macOS and Windows take the packaged app's icon).
export const ICON = resolve(ELECTRON_DIR, '..', '..', 'resources', 'icons', 'icon-256.png');
