/** PDF export with Electron's own print engine: a hidden window with JavaScript off prints the view. */
import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../core/export/index.js';
import { newId } from '../core/ids.js';
import { SECURITY_HEADERS } from '../serve.js';
import { SCHEME } from './paths.js';

/** Print views waiting to be loaded by their hidden window, by one-time id (quire://print/<id>). */
const printPages = new Map<string, string>();

/**
 * The print view is self-contained (styles inline, fonts and images as data: URIs) and runs no script:
 * its CSP allows exactly that, and its window has JavaScript turned off.
 */
const PRINT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Answers quire://print/<id> (called by protocol.ts). */
export function servePrintPage(url: URL): Response {
  const html = printPages.get(url.pathname.slice(1));
  if (html === undefined) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
  return new Response(html, {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Security-Policy': PRINT_CSP, 'Content-Type': 'text/html; charset=utf-8' },
  });
}

export const electronPrinter: PdfPrinter = async (html, options) => {
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
