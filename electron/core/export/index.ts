/**
 * Exporting a dossier: one entry point for the CLI, the API handlers and the app.
 * PDF and HTML come from the one print view; Markdown from the same resolved model; JSON is the
 * dossiers module's lossless format. An empty dossier exports as a small, correct document saying it
 * has no items yet (so the preview and the File menu never fail on a new dossier).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { loadDossierForExport } from '../dossiers/model.js';
import { dossierJsonText, exportDossierJson } from '../dossiers/json.js';
import { QuireError, UsageError } from '../errors.js';
import type { Library } from '../library.js';
import { renderMarkdown } from './markdown.js';
import { printDossierPdf, renderDossierPdf, type ExportProgress, type PdfPrinter } from './pdf.js';
import { renderPrintHtml } from './print-html.js';
import { EXPORT_FORMATS, PAPERS, type ExportFormat, type Paper } from './types.js';

export type { ExportFormat, Paper } from './types.js';
export type { ExportProgress, PdfPrinter } from './pdf.js';
export { setDefaultPdfPrinter } from './pdf.js';
export { printOptions, type PrintOptions } from './print-plan.js';
export { renderPrintHtml } from './print-html.js';
export { EXPORT_FORMATS, PAPERS } from './types.js';

export interface RenderExportOptions {
  readonly format: ExportFormat;
  /** Paper for PDF and for the HTML file's print styles (default A4). */
  readonly paper?: Paper;
  readonly onProgress?: (progress: ExportProgress) => void;
  /** The PDF engine; default headless Chromium. The desktop app passes Electron's printToPDF. */
  readonly printer?: PdfPrinter;
  /** JSON only: embed the original files (default true); without them the file is smaller but re-imports need the library to have them. */
  readonly includeOriginals?: boolean;
}

export interface ExportOptions extends RenderExportOptions {
  /** Where to write the file. */
  readonly out: string;
}

export interface RenderedExport {
  readonly format: ExportFormat;
  readonly bytes: Uint8Array;
  /** A file name made from the dossier's title, with the right extension. */
  readonly filename: string;
  readonly mediaType: string;
}

export interface ExportResult extends RenderedExport {
  readonly path: string;
}

const EXTENSION: Readonly<Record<ExportFormat, string>> = { pdf: 'pdf', html: 'html', md: 'md', json: 'quire.json' };
const MEDIA_TYPE: Readonly<Record<ExportFormat, string>> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json',
};

export function checkFormat(value: string): ExportFormat {
  const format = value.toLowerCase() === 'markdown' ? 'md' : value.toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unknown export format "${value}": use pdf, html, md or json.`);
  }
  return format as ExportFormat;
}

export function checkPaper(value: string): Paper {
  const paper = value.toLowerCase() === 'us-letter' ? 'letter' : value.toLowerCase();
  if (!(PAPERS as readonly string[]).includes(paper)) throw new UsageError(`Unknown paper size "${value}": use a4 or letter.`);
  return paper as Paper;
}

/** "Bahrain–Iran rapprochement" → "bahrain-iran-rapprochement.pdf" (letters of any script kept). */
export function exportFilename(title: string, format: ExportFormat): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu)
    ?.join('-')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${slug || 'dossier'}.${EXTENSION[format]}`;
}

/** Renders the export in memory (the API returns these bytes to the browser for download). */
export async function renderDossierExport(library: Library, dossierId: string, options: RenderExportOptions): Promise<RenderedExport> {
  const paper = options.paper ?? 'a4';
  const progress = options.onProgress ?? (() => undefined);
  const encoder = new TextEncoder();
  progress({ fraction: 0, message: 'Reading the dossier' });
  if (options.format === 'json') {
    const file = exportDossierJson(library, dossierId, { includeOriginals: options.includeOriginals ?? true });
    const title = file.dossier.title;
    progress({ fraction: 1, message: 'Done' });
    return { format: 'json', bytes: encoder.encode(dossierJsonText(file)), filename: exportFilename(title, 'json'), mediaType: MEDIA_TYPE.json };
  }
  const dossier = loadDossierForExport(library, dossierId);
  const filename = exportFilename(dossier.title, options.format);
  let bytes: Uint8Array;
  switch (options.format) {
    case 'html':
      bytes = encoder.encode(renderPrintHtml(dossier, { paper, pages: { kind: 'none' }, marginBoxes: true }).html);
      break;
    case 'md':
      bytes = encoder.encode(renderMarkdown(dossier));
      break;
    case 'pdf':
      bytes = options.printer
        ? await renderDossierPdf(dossier, { paper, printer: options.printer, onProgress: progress })
        : await printDossierPdf(dossier, paper, progress);
      break;
  }
  progress({ fraction: 1, message: 'Done' });
  return { format: options.format, bytes, filename, mediaType: MEDIA_TYPE[options.format] };
}

/** Writes bytes to `path` through a temporary file, so a failed export never leaves half a file. */
export function writeFileAtomic(path: string, bytes: Uint8Array): string {
  const target = resolve(path);
  const dir = dirname(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new QuireError('export_no_folder', `Cannot write ${basename(target)}: the folder ${dir} does not exist.`);
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new UsageError(`${target} is a folder; give a file name to export to (for example ${target}/dossier.pdf).`);
  }
  const temp = `${target}.${randomBytes(4).toString('hex')}.part`;
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new QuireError('export_write_failed', `Could not write ${target}: ${(error as Error).message}`, { cause: error });
  }
  return target;
}

/** Exports a dossier to a file: `quire export`, File → Export in the app. */
export async function exportDossier(library: Library, dossierId: string, options: ExportOptions): Promise<ExportResult> {
  const rendered = await renderDossierExport(library, dossierId, options);
  const path = writeFileAtomic(options.out, rendered.bytes);
  return { ...rendered, path };
}

/** The live preview in the dossier screen: the print view as HTML, no page numbers. */
export function previewDossierHtml(library: Library, dossierId: string, paper: Paper = 'a4'): string {
  return renderPrintHtml(loadDossierForExport(library, dossierId), { paper, pages: { kind: 'none' }, marginBoxes: false }).html;
}
