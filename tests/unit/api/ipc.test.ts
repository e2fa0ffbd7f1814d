import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiChannel } from '../../../electron/api/bridge.js';
import { apiMethodNames } from '../../../electron/api/contract.js';
import { isTrustedSender, registerApiIpc, type InvokeEventLike, type IpcMainLike } from '../../../electron/api/ipc.js';
import { apiFixture, type ApiFixture } from './helpers.js';

/** A stand-in for Electron's ipcMain: records handlers and lets the test invoke them like a renderer would. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: InvokeEventLike, arg: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return Promise.resolve(handler(event, arg));
  }
}

const APP_WINDOW = 7;
const fromApp: InvokeEventLike = { sender: { id: APP_WINDOW }, senderFrame: { url: 'quire://app/index.html', parent: null } };

let f: ApiFixture;
let ipc: FakeIpcMain;
let unregister: () => void;
beforeEach(() => {
  f = apiFixture();
  ipc = new FakeIpcMain();
  unregister = registerApiIpc(ipc, () => f.ctx, (id) => id === APP_WINDOW);
});
afterEach(() => f.cleanup());

describe('IPC registration', () => {
  it('registers exactly one channel per contract method, and removes them', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(apiMethodNames.map(apiChannel).sort());
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers the app window with the dispatch result', async () => {
    expect(await ipc.invoke(apiChannel('library.info'), fromApp, {})).toMatchObject({ ok: true, value: { articles: 0 } });
    expect(await ipc.invoke(apiChannel('articles.get'), fromApp, { id: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('the sender check', () => {
  const cases: [string, InvokeEventLike][] = [
    ['an iframe inside the app', { sender: { id: APP_WINDOW }, senderFrame: { url: 'quire://app/frame.html', parent: {} } }],
    ['another origin in the app window', { sender: { id: APP_WINDOW }, senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a file:// page', { sender: { id: APP_WINDOW }, senderFrame: { url: 'file:///tmp/x.html', parent: null } }],
    ['a look-alike host', { sender: { id: APP_WINDOW }, senderFrame: { url: 'quire://app.evil/index.html', parent: null } }],
    ['another window', { sender: { id: 99 }, senderFrame: { url: 'quire://app/index.html', parent: null } }],
    ['a destroyed frame', { sender: { id: APP_WINDOW }, senderFrame: null }],
  ];
  for (const [what, event] of cases) {
    it(`refuses ${what}`, async () => {
      expect(isTrustedSender(event, (id) => id === APP_WINDOW)).toBe(false);
      const result = await ipc.invoke(apiChannel('library.info'), event, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });
  }

  it('accepts the app top frame', () => {
    expect(isTrustedSender(fromApp, (id) => id === APP_WINDOW)).toBe(true);
  });
});
