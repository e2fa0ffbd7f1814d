/**
 * How to print the print view: the running header and footer (Chromium's header/footer templates,
 * which Playwright's `page.pdf` and Electron's `webContents.printToPDF` both accept) and the options
 * both engines need. Kept as plain data so `electron/main.ts` can print the very same document.
 */
import { escapeHtml } from './format.js';
import { PAPER } from './print-css.js';
import type { Paper } from './types.js';

export interface PrintOptions {
  readonly paper: Paper;
  /** Chromium's paper name: `format` in Playwright, `pageSize` in Electron. */
  readonly pageSize: 'A4' | 'Letter';
  readonly displayHeaderFooter: boolean;
  readonly headerTemplate: string;
  readonly footerTemplate: string;
  readonly printBackground: true;
  /** The CSS `@page` size and margins win over the engine's defaults. */
  readonly preferCSSPageSize: true;
  /** Bookmarks from the headings (Electron: `generateDocumentOutline`). */
  readonly outline: boolean;
  /** Tagged (accessible) PDF (Electron: `generateTaggedPDF`). */
  readonly tagged: boolean;
}

// Template text is inline-styled (templates cannot see the page's stylesheet) and always escaped:
// the marking and title are the analyst's text and must never become markup.
const BOX = "font-family:Inter,'Liberation Sans','DejaVu Sans',Arial,sans-serif;" + 'font-size:7.5pt;color:#5b5b5b;' +
  'width:100%;box-sizing:border-box;display:flex;align-items:center;-webkit-print-color-adjust:exact;';

function cell(content: string, align: 'left' | 'center' | 'right', extra = ''): string {
  return `<div style="flex:1 1 0;min-width:0;text-align:${align};overflow:hidden;white-space:nowrap;text-overflow:ellipsis;${extra}">${content}</div>`;
}

function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

export function pageTemplates(
  dossier: { readonly title: string; readonly marking: string | null },
  paper: Paper,
): { headerTemplate: string; footerTemplate: string } {
  const side = PAPER[paper].sideMargin;
  const marking = dossier.marking ? escapeHtml(shorten(dossier.marking, 90)) : '';
  const markingCell = marking
    ? `<div style="flex:0 1 auto;max-width:60%;text-align:center;font-weight:600;color:#1c1c1c;letter-spacing:.04em;padding:0 1.2em;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;">${marking}</div>`
    : '';
  const title = escapeHtml(shorten(dossier.title || 'Dossier', 70));
  const headerTemplate =
    `<div style="${BOX}padding:0 ${side};margin-top:9mm;">` +
    cell(title, 'left') + markingCell + cell('', 'right') +
    `</div>`;
  const footerTemplate =
    `<div style="${BOX}padding:0 ${side};margin-bottom:8mm;">` +
    cell('', 'left') + markingCell +
    cell('page <span class="pageNumber"></span> of <span class="totalPages"></span>', 'right', 'font-variant-numeric:tabular-nums;') +
    `</div>`;
  return { headerTemplate, footerTemplate };
}

export function printOptions(dossier: { readonly title: string; readonly marking: string | null }, paper: Paper): PrintOptions {
  return {
    paper,
    pageSize: paper === 'a4' ? 'A4' : 'Letter',
    displayHeaderFooter: true,
    ...pageTemplates(dossier, paper),
    printBackground: true,
    preferCSSPageSize: true,
    outline: true,
    tagged: true,
  };
}

/**
 * The first (page-finding) pass prints the same layout without what costs time and memory and does
 * not move anything: no header/footer (they sit in the @page margins), no outline, no tags.
 */
export function measureOptions(options: PrintOptions): PrintOptions {
  return { ...options, displayHeaderFooter: false, outline: false, tagged: false };
}
