/** The main window's size and position, remembered in userData/window-state.json between runs. */
import { app, screen, type BrowserWindow } from 'electron';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../core/log.js';

const log = createLogger('main');

export interface WindowState {
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

export function loadWindowState(): WindowState {
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

/** Saves the window's bounds half a second after it stops moving or resizing, and when it closes. */
export function rememberWindowState(window: BrowserWindow): void {
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
}
