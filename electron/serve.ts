/**
 * Browser mode: the built renderer and the API over HTTP, for headless machines and the e2e tests.
 *
 * Same handlers as the desktop app (api/handlers.ts), so the only things this file decides are who
 * may talk to it:
 * - it listens on 127.0.0.1 only;
 * - every request (the page, its scripts and fonts, and each API call) must carry the random per-run
 *   token: in the `?token=` of the printed URL, then in an HttpOnly SameSite=Strict cookie (static
 *   files) or the `X-Quire-Token` header (API calls);
 * - `Host` must name this server (DNS rebinding) and `Origin`, when a browser sends one, must be this
 *   server (cross-site requests from other pages);
 * - every response carries the same strict CSP as the desktop app.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch, httpStatusFor } from './api/handlers.js';
import type { ApiContext } from './api/handlers/types.js';
import type { ApiResult } from './api/define.js';
import { createLogger } from './core/log.js';

const log = createLogger('serve');

/** The CSP of the app, shared with the desktop app's `quire://` protocol (electron/main.ts). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every response (static and API). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
  'Cache-Control': 'no-store',
};

export const TOKEN_HEADER = 'x-quire-token';
/**
 * Uploads travel as base64 in JSON (4/3 of the file): 72 MB of body carries a file up to the default
 * 50 MB import limit. Bigger files are better imported from disk (`quire import PATH`).
 */
export const MAX_BODY_BYTES = 72 * 1024 * 1024;

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

export interface ServeOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** The built renderer; default `dist/renderer` beside the compiled server. */
  readonly rendererDir?: string;
  /** For tests only; by default a fresh random token per run. */
  readonly token?: string;
}

export interface RunningServer {
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export function defaultRendererDir(): string {
  // dist/electron/serve.js → dist/renderer
  return fileURLToPath(new URL('../renderer/', import.meta.url));
}

export async function startServer(ctx: ApiContext, options: ServeOptions = {}): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const rendererDir = resolve(options.rendererDir ?? defaultRendererDir());
  const state = { port: 0 };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.warn('request failed', error);
      if (!res.headersSent) sendText(res, 500, 'Quire could not answer this request.');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const port = state.port;
    const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host.toLowerCase())) {
      return sendText(res, 403, 'Refused: this Quire server only answers requests addressed to 127.0.0.1.');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !originAllowed(origin, allowedHosts)) {
      return sendText(res, 403, 'Refused: requests from other sites are not allowed.');
    }
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      return sendText(res, 403, 'Refused: requests from other sites are not allowed.');
    }

    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const cookieName = `quire_token_${port}`;
    const presented = url.searchParams.get('token') ?? headerValue(req.headers[TOKEN_HEADER]) ?? cookieValue(req, cookieName);
    if (presented === null || !sameSecret(presented, token)) {
      return sendText(
        res,
        401,
        'This Quire server needs the full address it printed when it started (the part after ?token= is the key).',
      );
    }
    if (url.searchParams.has('token')) {
      // The page's own scripts, styles and fonts cannot carry the query: a cookie for this port covers them.
      res.setHeader('Set-Cookie', `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict`);
    }

    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, 'Only GET and HEAD are allowed here.');
    }
    return serveStatic(req, res, url.pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendJson(res, 405, { ok: false, error: { code: 'usage', message: 'API calls are POST requests.' } });
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      // Also keeps other sites' simple (non-preflighted) form posts out.
      return sendJson(res, 415, { ok: false, error: { code: 'usage', message: 'API calls send JSON (Content-Type: application/json).' } });
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'too-large') {
      return sendJson(res, 413, {
        ok: false,
        error: {
          code: 'too_large',
          message: `That is too much data for one request (about ${Math.floor((MAX_BODY_BYTES * 3) / 4 / 1024 / 1024)} MB of files at a time). Import large files with \`quire import PATH\`.`,
        },
      });
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } });
    }
    let decodedMethod: string;
    try {
      decodedMethod = decodeURIComponent(method);
    } catch {
      decodedMethod = method;
    }
    const result = await dispatch(ctx, decodedMethod, input);
    return sendJson(res, result.ok ? 200 : httpStatusFor(result.error.code), result);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    let relative: string;
    try {
      relative = decodeURIComponent(pathname);
    } catch {
      return sendText(res, 400, 'Bad path.');
    }
    if (relative.includes('\0')) return sendText(res, 400, 'Bad path.');
    if (relative === '/' || relative === '') relative = '/index.html';
    const file = normalize(join(rendererDir, relative));
    if (!file.startsWith(rendererDir + sep) || relative.split('/').some((part) => part.startsWith('.') && part !== '')) {
      return sendText(res, 404, 'Not found.');
    }
    let target = file;
    let info = await stat(target).catch(() => null);
    if ((!info || !info.isFile()) && extname(relative) === '') {
      // A client-side route (no file extension): the app's page handles it.
      target = join(rendererDir, 'index.html');
      info = await stat(target).catch(() => null);
    }
    if (!info || !info.isFile()) {
      if (target.endsWith('index.html')) {
        return sendText(
          res,
          503,
          `Quire's interface is not built (${rendererDir} is missing). Run \`npm run build:renderer\` and reload.`,
        );
      }
      return sendText(res, 404, 'Not found.');
    }
    const bytes = await readFile(target);
    res.statusCode = 200;
    applySecurityHeaders(res);
    res.setHeader('Content-Type', CONTENT_TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream');
    res.setHeader('Content-Length', bytes.length);
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  state.port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${state.port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port: state.port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

/** Only this server's own pages: `null` (sandboxed frames, file://) and other schemes are refused. */
function originAllowed(origin: string, allowedHosts: ReadonlySet<string>): boolean {
  try {
    const parsed = new URL(origin);
    return parsed.protocol === 'http:' && allowedHosts.has(parsed.host.toLowerCase());
  } catch {
    return false;
  }
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

function cookieValue(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function sameSecret(presented: string, token: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return 'too-large';
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) {
      req.resume();
      return 'too-large';
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  applySecurityHeaders(res);
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(`${text}\n`);
}

function sendJson(res: ServerResponse, status: number, body: ApiResult): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.statusCode = status;
  applySecurityHeaders(res);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', bytes.length);
  res.end(bytes);
}
