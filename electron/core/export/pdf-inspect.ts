/**
 * Reading a printed PDF back: where each named destination landed (for page numbers) and a check that the file contains nothing active (no JavaScript, no open action, no launch).
 */
import { QuireError } from '../errors.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

async function openPdf(bytes: Uint8Array) {
  const { getDocument } = await loadPdfJs();
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  return getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 })
    .promise;
}

/**
 * Named destination → the 1-based page it points to. Chromium writes one for every element an
 * internal link targets (`href="#id"` → destination "id"); reading them needs no text extraction.
 */
export async function destinationPages(bytes: Uint8Array): Promise<Map<string, number>> {
  const doc = await openPdf(bytes);
  try {
    const dests = (await doc.getDestinations()) as Record<string, unknown[] | null>;
    const pages = new Map<string, number>();
    for (const [name, dest] of Object.entries(dests)) {
      const ref = dest?.[0];
      if (typeof ref === 'object' && ref !== null && 'num' in ref) {
        pages.set(name, (await doc.getPageIndex(ref as { num: number; gen: number })) + 1);
      } else if (typeof ref === 'number') {
        pages.set(name, ref + 1);
      }
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

const ACTIVE_NAMES = new Set(['JS', 'JavaScript', 'OpenAction', 'AA', 'Launch', 'SubmitForm', 'ImportData', 'RichMedia']);
const DELIMITERS = new Set([...'()<>[]{}/%']);
const WHITESPACE = new Set(['\0', '\t', '\n', '\f', '\r', ' ']);

/**
 * The active-content names that occur as PDF name tokens outside strings and streams. A tokenizer,
 * not a substring search: a URL containing "/JS/" in a link is a string, not an action.
 */
export function activeContentNames(bytes: Uint8Array): string[] {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const found = new Set<string>();
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '%') {
      while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
    } else if (c === '(') {
      let depth = 1;
      i++;
      while (i < s.length && depth > 0) {
        if (s[i] === '\\') i += 2;
        else {
          if (s[i] === '(') depth++;
          else if (s[i] === ')') depth--;
          i++;
        }
      }
    } else if (c === '<' && s[i + 1] === '<') {
      i += 2; // a dictionary, not a hex string
    } else if (c === '<') {
      const end = s.indexOf('>', i);
      i = end < 0 ? s.length : end + 1;
    } else if (c === '/') {
      let j = i + 1;
      while (j < s.length && !WHITESPACE.has(s[j]!) && !DELIMITERS.has(s[j]!)) j++;
      const name = s.slice(i + 1, j).replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      if (ACTIVE_NAMES.has(name)) found.add(name);
      i = j;
    } else if (c === 's' && s.startsWith('stream', i) && (s[i + 6] === '\r' || s[i + 6] === '\n') && (i === 0 || WHITESPACE.has(s[i - 1]!))) {
      const end = s.indexOf('endstream', i + 6);
      i = end < 0 ? s.length : end + 9;
    } else {
      i++;
    }
  }
  return [...found];
}

/** Throws if the PDF could run anything when opened; pdf.js double-checks the document-level actions. */
export async function assertInertPdf(bytes: Uint8Array): Promise<void> {
  const names = activeContentNames(bytes);
  const doc = await openPdf(bytes);
  try {
    const [js, openAction] = await Promise.all([doc.getJSActions(), doc.getOpenAction()]);
    if (js && Object.keys(js).length) names.push('document JavaScript actions');
    if (openAction && (openAction as { action?: unknown }).action) names.push('an open action');
  } finally {
    await doc.destroy();
  }
  if (names.length) {
    throw new QuireError('export_unsafe_pdf', `The PDF came out with active content (${names.join(', ')}); it was not saved.`);
  }
}
