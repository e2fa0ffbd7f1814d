/**
 * The /ActualText of a page's marked-content sequences, which pdf.js does not report.
 *
 * When one character is drawn with several glyphs, or several characters with one glyph whose
 * mapping is not one-to-one (an Arabic letter with a shadda placed by the font, a lam–kaf ligature),
 * Chromium (Skia) writes the glyphs inside `/Span <</ActualText (…)>> BDC … EMC` and maps the
 * glyphs themselves to nothing. Poppler reads the ActualText; pdf.js drops it and gives NULs, which
 * would cut Quire's own Arabic exports into pieces. pdf.js does report where each marked-content
 * sequence begins and ends (`includeMarkedContent`), in content-stream order; this module reads the
 * same operators from the page's content stream (pdf-lib decodes it), so the two line up by index.
 */
import { PDFArray, PDFDocument, PDFRawStream, PDFRef, decodePDFRawStream, type PDFObject } from 'pdf-lib';

/** One BMC/BDC operator: its tag and, when its property list has one, the ActualText. */
export interface MarkedContent {
  readonly tag: string;
  readonly actualText: string | null;
}

const WHITESPACE = new Set([0, 9, 10, 12, 13, 32]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

function decodePdfString(bytes: readonly number[]): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode(((bytes[i] as number) << 8) | (bytes[i + 1] as number));
    return out;
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return Buffer.from(bytes.slice(3)).toString('utf8');
  return String.fromCharCode(...bytes);
}

const ESCAPES: Readonly<Record<string, number>> = { n: 10, r: 13, t: 9, b: 8, f: 12 };

/** Reads a literal string starting at `(`; returns its bytes and the index after `)`. */
function literalString(s: string, start: number): [number[], number] {
  const out: number[] = [];
  let depth = 1;
  let i = start + 1;
  while (i < s.length && depth > 0) {
    const c = s[i] as string;
    if (c === '\\') {
      const next = s[i + 1] ?? '';
      if (/[0-7]/.test(next)) {
        const octal = /^[0-7]{1,3}/.exec(s.slice(i + 1, i + 4))?.[0] ?? '0';
        out.push(parseInt(octal, 8) & 0xff);
        i += 1 + octal.length;
      } else if (next === '\r' || next === '\n') {
        i += next === '\r' && s[i + 2] === '\n' ? 3 : 2;
      } else {
        out.push(ESCAPES[next] ?? next.charCodeAt(0));
        i += 2;
      }
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) break;
    out.push(c.charCodeAt(0));
    i++;
  }
  return [out, i + 1];
}

function hexString(s: string, start: number): [number[], number] {
  const end = s.indexOf('>', start);
  const hex = s.slice(start + 1, end < 0 ? s.length : end).replace(/[^0-9a-fA-F]/g, '');
  const padded = hex.length % 2 ? `${hex}0` : hex;
  const out: number[] = [];
  for (let i = 0; i < padded.length; i += 2) out.push(parseInt(padded.slice(i, i + 2), 16));
  return [out, end < 0 ? s.length : end + 1];
}

/** The marked-content operators of one decoded content stream, in order. */
export function markedContentOperators(content: string): MarkedContent[] {
  const found: MarkedContent[] = [];
  let lastName: string | null = null;
  let actualText: string | null = null;
  let dictDepth = 0;
  let expectActualText = false;
  let i = 0;
  const s = content;
  while (i < s.length) {
    const code = s.charCodeAt(i);
    const c = s[i] as string;
    if (WHITESPACE.has(code)) {
      i++;
    } else if (c === '%') {
      while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
    } else if (c === '(' || (c === '<' && s[i + 1] !== '<')) {
      const [bytes, next] = c === '(' ? literalString(s, i) : hexString(s, i);
      if (expectActualText) actualText = decodePdfString(bytes);
      expectActualText = false;
      i = next;
    } else if (c === '<' || c === '>') {
      dictDepth += c === '<' ? 1 : -1;
      i += 2;
    } else if (c === '[' || c === ']' || c === '{' || c === '}') {
      i++;
    } else if (c === '/') {
      let j = i + 1;
      while (j < s.length && !WHITESPACE.has(s.charCodeAt(j)) && !DELIMITERS.has(s.charCodeAt(j))) j++;
      const name = s.slice(i + 1, j);
      if (dictDepth > 0) expectActualText = name === 'ActualText';
      else lastName ??= name;
      i = j;
    } else {
      let j = i;
      while (j < s.length && !WHITESPACE.has(s.charCodeAt(j)) && !DELIMITERS.has(s.charCodeAt(j))) j++;
      const word = s.slice(i, j || i + 1);
      i = Math.max(j, i + 1);
      if (/^[-+.\d]/.test(word) || dictDepth > 0) continue;
      if (word === 'BDC' || word === 'BMC') found.push({ tag: lastName ?? '', actualText: word === 'BDC' ? actualText : null });
      if (word === 'ID') {
        // Inline image data is binary: skip to its EI.
        const end = s.slice(i).search(/\sEI(?=\s|$)/);
        i = end < 0 ? s.length : i + end + 3;
      }
      lastName = null;
      actualText = null;
      expectActualText = false;
    }
  }
  return found;
}

function streamText(doc: PDFDocument, object: PDFObject | undefined): string {
  const resolved = object instanceof PDFRef ? doc.context.lookup(object) : object;
  if (resolved instanceof PDFArray) return resolved.asArray().map((o) => streamText(doc, o)).join('\n');
  if (resolved instanceof PDFRawStream) return Buffer.from(decodePDFRawStream(resolved).decode()).toString('latin1');
  return '';
}

/**
 * The marked-content operators of every page (index 0 = page 1), or null when the file cannot be read
 * this way (encrypted, unusual filters): the caller then does without ActualText.
 */
export async function pagesMarkedContent(bytes: Uint8Array): Promise<MarkedContent[][] | null> {
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: false, updateMetadata: false, throwOnInvalidObject: false });
    return doc.getPages().map((page) => markedContentOperators(streamText(doc, page.node.Contents())));
  } catch {
    return null;
  }
}
