import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, MAX_BODY_BYTES, startServer, type RunningServer } from '../../../electron/serve.js';
import { apiPost, rawRequest } from '../../e2e/http.js';
import { apiFixture, type ApiFixture } from './helpers.js';

let f: ApiFixture;
let rendererDir: string;
let server: RunningServer;

beforeEach(async () => {
  f = apiFixture();
  rendererDir = mkdtempSync(join(tmpdir(), 'quire-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Quire</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(rendererDir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(f.dir, 'secret.txt'), 'outside the renderer');
  server = await startServer(f.ctx, { rendererDir });
});

afterEach(async () => {
  await server.close();
  f.cleanup();
  rmSync(rendererDir, { recursive: true, force: true });
});

const auth = (): Record<string, string> => ({ 'X-Quire-Token': server.token });

describe('the token', () => {
  it('is random per run, long, and part of the printed URL on 127.0.0.1', async () => {
    const other = await startServer(f.ctx, { rendererDir });
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
      expect(server.token.length).toBeGreaterThanOrEqual(40);
      expect(other.token).not.toBe(server.token);
      expect(other.port).not.toBe(server.port);
    } finally {
      await other.close();
    }
  });

  it('is required for the page, static files and the API', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/assets/font.woff2', '/missing']) {
      expect((await rawRequest(server.origin, path)).status, path).toBe(401);
    }
    expect((await apiPost(server.origin, 'library.info', {})).status).toBe(401);
    expect((await apiPost(server.origin, 'library.info', {}, { 'X-Quire-Token': 'guess' })).status).toBe(401);
  });

  it('opens the page from ?token= and sets a cookie that covers its files', async () => {
    const page = await rawRequest(server.origin, `/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<title>Quire</title>');
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    const script = await rawRequest(server.origin, '/assets/app.js', { headers: { Cookie: cookie } });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toContain('text/javascript');
    const font = await rawRequest(server.origin, '/assets/font.woff2', { headers: { Cookie: `other=1; ${cookie}` } });
    expect(font.headers['content-type']).toBe('font/woff2');
  });
});

describe('Host and Origin', () => {
  it('refuses other Host names, accepts localhost', async () => {
    expect((await apiPost(server.origin, 'library.info', {}, { ...auth(), Host: 'attacker.example' })).status).toBe(403);
    expect((await apiPost(server.origin, 'library.info', {}, { ...auth(), Host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses other origins and cross-site fetches, accepts its own', async () => {
    expect((await apiPost(server.origin, 'library.info', {}, { ...auth(), Origin: 'http://attacker.example' })).status).toBe(403);
    expect((await apiPost(server.origin, 'library.info', {}, { ...auth(), Origin: 'null' })).status).toBe(403);
    expect((await apiPost(server.origin, 'library.info', {}, { ...auth(), 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await apiPost(server.origin, 'library.info', {}, { ...auth(), Origin: server.origin, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });
});

describe('the API over HTTP', () => {
  it('answers with the dispatch result and status codes', async () => {
    const ok = await apiPost(server.origin, 'library.info', {}, auth());
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { path: f.dir } });
    const invalid = await apiPost(server.origin, 'articles.get', { id: 3 }, auth());
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const missing = await apiPost(server.origin, 'articles.get', { id: 'nope' }, auth());
    expect(missing.status).toBe(404);
    const unknown = await apiPost(server.origin, 'articles.nope', {}, auth());
    expect(unknown.status).toBe(400);
  });

  it('refuses bodies that are not JSON, not POST, or too large', async () => {
    const notJson = await rawRequest(server.origin, '/api/library.info', {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ error: { code: 'invalid_input' } });
    const text = await rawRequest(server.origin, '/api/library.info', { method: 'POST', headers: { ...auth(), 'Content-Type': 'text/plain' }, body: '{}' });
    expect(text.status).toBe(415);
    const get = await rawRequest(server.origin, '/api/library.info', { headers: auth() });
    expect(get.status).toBe(405);
    const big = await rawRequest(server.origin, '/api/library.info', {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json', 'Content-Length': String(MAX_BODY_BYTES + 1) },
      body: '{}',
    }).catch(() => ({ status: 413, body: '', headers: {} }));
    expect(big.status).toBe(413);
  });
});

describe('static files', () => {
  it('never serve anything outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/.env', '/%00']) {
      const response = await rawRequest(server.origin, path, { headers: auth() });
      expect([400, 404], path).toContain(response.status);
      expect(response.body).not.toContain('outside the renderer');
    }
  });

  it('serve the page for client-side routes and 404 for missing files', async () => {
    expect((await rawRequest(server.origin, '/reader/art_1', { headers: auth() })).body).toContain('<title>Quire</title>');
    expect((await rawRequest(server.origin, '/assets/missing.js', { headers: auth() })).status).toBe(404);
  });

  it('say plainly when the interface is not built', async () => {
    const bare = await startServer(f.ctx, { rendererDir: join(f.dir, 'no-renderer') });
    try {
      const response = await rawRequest(bare.origin, '/', { headers: { 'X-Quire-Token': bare.token } });
      expect(response.status).toBe(503);
      expect(response.body).toContain('npm run build:renderer');
    } finally {
      await bare.close();
    }
  });
});

it('every response carries the CSP and the hardening headers', async () => {
  const responses = [
    await rawRequest(server.origin, `/?token=${server.token}`),
    await rawRequest(server.origin, '/'),
    await rawRequest(server.origin, '/assets/app.js', { headers: auth() }),
    await apiPost(server.origin, 'library.info', {}, auth()),
    await apiPost(server.origin, 'library.info', {}, { ...auth(), Host: 'evil.example' }),
  ];
  for (const response of responses) {
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  }
  expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
  expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
});
