/** The page's origin: quire://app/ serving dist/renderer with the same CSP as browser mode (serve.ts). */
import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_TYPES, SECURITY_HEADERS } from '../serve.js';
import { RENDERER_DIR, SCHEME } from './paths.js';
import { servePrintPage } from './printer.js';

/** Must run before the app is ready (Electron reads privileged schemes at start-up). */
export function registerPrivilegedScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function registerAppProtocol(): void {
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
