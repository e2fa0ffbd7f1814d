/**
 * PDF from Chromium's print engine. The print view is rendered twice: once, quickly, to learn where
 * each section and quote lands (from the PDF's named destinations), once with those page numbers in
 * the table of contents and the appendix (Chromium has no `target-counter`). The engine is a parameter: headless Chromium through
 * playwright-core here (CLI, browser mode, tests), Electron's `webContents.printToPDF` in the app.
 */
import type { Browser } from 'playwright-core';
import { QuireError, errorMessage } from '../errors.js';
import { createLogger } from '../log.js';
import { CHROMIUM_ARGS, SINGLE_PROCESS_ARGS, requireChromium } from './chromium.js';
import { assertInertPdf, destinationPages } from './pdf-inspect.js';
import { renderPrintHtml } from './print-html.js';
import { measureOptions, printOptions, type PrintOptions } from './print-plan.js';
import type { DossierForExport, Paper } from './types.js';

const log = createLogger('export');

/** Prints one complete HTML document to PDF bytes with the given options. */
export type PdfPrinter = (html: string, options: PrintOptions) => Promise<Uint8Array>;

export interface ExportProgress {
  /** 0…1 */
  readonly fraction: number;
  readonly message: string;
}

export interface RenderPdfOptions {
  readonly paper: Paper;
  readonly printer: PdfPrinter;
  readonly onProgress?: (progress: ExportProgress) => void;
}

/** Renders a dossier to PDF in two passes and checks that the result is inert. */
export async function renderDossierPdf(dossier: Readonly<DossierForExport>, options: RenderPdfOptions): Promise<Uint8Array> {
  const progress = options.onProgress ?? (() => undefined);
  const print = printOptions(dossier, options.paper);
  progress({ fraction: 0.1, message: 'Laying out pages' });
  let t = performance.now();
  const lap = (what: string): void => {
    const now = performance.now();
    log.debug(`${what}: ${Math.round(now - t)} ms`);
    t = now;
  };
  const measure = renderPrintHtml(dossier, { paper: options.paper, pages: { kind: 'measure' }, marginBoxes: false });
  lap(`print view (${Math.round(measure.html.length / 1024)} KB)`);
  const first = await options.printer(measure.html, measureOptions(print));
  lap(`first pass (${Math.round(first.byteLength / 1024)} KB)`);
  progress({ fraction: 0.45, message: 'Numbering pages' });
  const pages = await destinationPages(first);
  lap('reading page numbers');
  const lost = measure.anchors.filter((a) => !pages.has(a));
  if (lost.length) log.warn(`${lost.length} anchor(s) without a page after the first pass: ${lost.slice(0, 5).join(', ')}`);
  progress({ fraction: 0.55, message: 'Printing' });
  const final = renderPrintHtml(dossier, { paper: options.paper, pages: { kind: 'final', pages }, marginBoxes: false });
  const pdf = await options.printer(final.html, print);
  lap('second pass');
  progress({ fraction: 0.9, message: 'Checking the PDF' });
  await assertInertPdf(pdf);
  lap('inert check');
  return pdf;
}

type ChromiumPath = { readonly path: string };

async function launchBrowser(found: ChromiumPath, args: readonly string[]): Promise<Browser> {
  try {
    // Loaded on first use: every other CLI command starts without it (~100 ms).
    const { chromium } = await import('playwright-core');
    return await chromium.launch({ executablePath: found.path, args: [...args], headless: true, timeout: 60_000 });
  } catch (error) {
    throw new QuireError(
      'chromium_failed',
      `Chromium (${found.path}) could not start, so the PDF could not be printed: ${errorMessage(error).split('\n')[0]}. ` +
        'Set QUIRE_CHROMIUM to another Chromium or Chrome, or export to HTML and print it from a browser.',
      { cause: error },
    );
  }
}

/** One print in a fresh browser that runs no JavaScript and loads nothing. */
async function printOnce(found: ChromiumPath, args: readonly string[], html: string, options: PrintOptions): Promise<Uint8Array> {
  const browser = await launchBrowser(found, args);
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: 'block' });
    await context.route('**/*', (route) => {
      log.warn(`blocked a request from the print view: ${route.request().url().slice(0, 120)}`);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load', timeout: 300_000 });
    const pdf = await page.pdf({
      format: options.pageSize,
      displayHeaderFooter: options.displayHeaderFooter,
      headerTemplate: options.headerTemplate,
      footerTemplate: options.footerTemplate,
      printBackground: options.printBackground,
      preferCSSPageSize: options.preferCSSPageSize,
      outline: options.outline,
      tagged: options.tagged,
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    await browser.close().catch(() => undefined);
  }
}

/**
 * Runs `fn` with a printer backed by headless Chromium: scripts disabled in the page, the context
 * offline, every request aborted (the print view inlines everything, so a request would be a bug; it
 * is logged). Each print gets a fresh single-process browser (half the memory of the usual process
 * model; a single-process browser is not reliable for a second print); if that fails, the print is
 * redone with the usual process model.
 */
export async function withChromiumPrinter<T>(fn: (printer: PdfPrinter) => Promise<T>): Promise<T> {
  const found = requireChromium();
  let singleProcess = true;
  const printer: PdfPrinter = async (html, options) => {
    if (singleProcess) {
      try {
        return await printOnce(found, [...CHROMIUM_ARGS, ...SINGLE_PROCESS_ARGS], html, options);
      } catch (error) {
        if (error instanceof QuireError) throw error;
        log.debug(`single-process print failed (${errorMessage(error).split('\n')[0]}); using the usual process model`);
        singleProcess = false;
      }
    }
    return printOnce(found, CHROMIUM_ARGS, html, options);
  };
  return fn(printer);
}

let appPrinter: PdfPrinter | null = null;

/**
 * The desktop app registers Electron's `webContents.printToPDF` here at startup, so every PDF export
 * (File menu, API) prints with the app's own engine; without it, headless Chromium is used.
 */
export function setDefaultPdfPrinter(printer: PdfPrinter | null): void {
  appPrinter = printer;
}

/** The whole PDF export with the app's printer if registered, else headless Chromium (CLI, browser mode). */
export async function printDossierPdf(
  dossier: Readonly<DossierForExport>,
  paper: Paper,
  onProgress?: (progress: ExportProgress) => void,
): Promise<Uint8Array> {
  const progress = onProgress ? { onProgress } : {};
  if (appPrinter) return renderDossierPdf(dossier, { paper, printer: appPrinter, ...progress });
  onProgress?.({ fraction: 0.02, message: 'Starting Chromium' });
  return withChromiumPrinter((printer) => renderDossierPdf(dossier, { paper, printer, ...progress }));
}
