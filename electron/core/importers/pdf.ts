import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument, PDFDateString, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Block } from '../../common/document.js';
import { ImportError } from '../errors.js';
import { normaliseDate } from './dates.js';
import { pagesMarkedContent } from './pdf-actual-text.js';
import { pageLines, type Line } from './pdf-lines.js';
import { deriveTitle } from './text.js';
import type { RawArticle } from './types.js';

/**
 * PDF through pdfjs-dist's text layer (the legacy build, which runs in Node). Hardened: no eval
 * (`isEvalSupported: false`, the CVE-2024-4367 class), no font loading, no fetching; character maps
 * and standard font metrics are read from the package folder on disk.
 *
 * pdfjs returns positioned text runs, not paragraphs. Lines are rebuilt from baselines; a paragraph
 * ends where the vertical gap is clearly larger than the page's usual line spacing, where the font
 * size changes, or after a short line ending a sentence. Clearly larger lines become headings.
 * Page numbers and running headers/footers repeated across pages are dropped; a paragraph cut by a
 * page break is joined again.
 */

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
const asDirUrl = (dir: string): string => `${pathToFileURL(dir).href}/`;

interface Paragraph {
  lines: Line[];
  size: number;
}

const SENTENCE_END = /[.!?:;"”’»)\u061F\u06D4]$/u;
const PAGE_NUMBER = /^(?:page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/** Splits a page's lines into paragraphs by spacing, size and short sentence-final lines. */
function pageParagraphs(lines: readonly Line[]): Paragraph[] {
  // Line spacing as a multiple of the type size (a heading's lines are further apart than the body's),
  // measured between lines of one size; the lower median, as paragraph gaps are the larger ones.
  const ratios: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = (lines[i - 1] as Line).y - (lines[i] as Line).y;
    const size = (lines[i] as Line).size;
    const sameSize = Math.abs((lines[i - 1] as Line).size - size) <= size * 0.15;
    if (gap > 0 && gap < size * 3 && sameSize) ratios.push(gap / size);
  }
  const sortedRatios = [...ratios].sort((a, b) => a - b);
  const spacingRatio = sortedRatios[Math.floor((sortedRatios.length - 1) / 2)] ?? 0;
  const fullWidth = Math.max(0, ...lines.map((l) => l.endX - l.x));
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;
  lines.forEach((line, i) => {
    const previous = i > 0 ? (lines[i - 1] as Line) : null;
    let newParagraph = current === null || previous === null;
    if (previous && current) {
      const gap = previous.y - line.y;
      const sizeChanged = Math.abs(previous.size - line.size) > Math.min(previous.size, line.size) * 0.15;
      const spacing = spacingRatio * line.size;
      const bigGap = spacing > 0 ? gap > spacing * 1.35 : gap > line.size * 1.8;
      const movedUp = gap < -line.size * 0.5;
      const shortSentenceEnd = SENTENCE_END.test(previous.text) && previous.endX - previous.x < fullWidth * 0.7;
      // A sentence end followed by a slightly larger gap: paragraphs set with little space between them (LibreOffice).
      const spacedSentenceEnd = spacing > 0 && SENTENCE_END.test(previous.text) && gap > spacing * 1.15;
      newParagraph = bigGap || movedUp || sizeChanged || shortSentenceEnd || spacedSentenceEnd;
    }
    if (newParagraph || current === null) {
      current = { lines: [line], size: line.size };
      paragraphs.push(current);
    } else {
      current.lines.push(line);
      current.size = Math.max(current.size, line.size);
    }
  });
  return paragraphs;
}

/** Joins lines, undoing end-of-line hyphenation ("diplo-" + "matic"). */
function joinLines(lines: readonly Line[]): string {
  let text = '';
  for (const line of lines) {
    if (text === '') text = line.text;
    else if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line.text)) text = text.slice(0, -1) + line.text;
    else text += ` ${line.text}`;
  }
  return text;
}

/** Lines repeated at the top or bottom of many pages: running headers, footers, page numbers. */
function repeatedEdgeLines(pages: readonly Line[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([lines[0]?.text, lines[lines.length - 1]?.text].filter((t): t is string => !!t));
    for (const text of edges) {
      const key = text.replace(/\d+/g, '#');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const repeated = new Set<string>();
  if (pages.length < 3) return repeated;
  for (const [key, n] of counts) if (n >= Math.max(3, pages.length / 2)) repeated.add(key);
  return repeated;
}

function dropChrome(pages: Line[][]): Line[][] {
  const repeated = repeatedEdgeLines(pages);
  return pages.map((lines) =>
    lines.filter((line, i) => {
      const atEdge = i === 0 || i === lines.length - 1;
      if (!atEdge) return true;
      return !PAGE_NUMBER.test(line.text) && !repeated.has(line.text.replace(/\d+/g, '#'));
    }),
  );
}

/** A document-info title worth using: not empty, not a file name, not a generator's placeholder. */
function usableTitle(title: unknown): string | null {
  if (typeof title !== 'string') return null;
  const cleaned = title
    .replace(/^Microsoft (Word|PowerPoint) - /i, '')
    .replace(/\.(docx?|pdf|txt|odt|rtf|pptx?)$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!cleaned || /^(untitled|document\d*|title|slide \d+)$/i.test(cleaned)) return null;
  return cleaned;
}

function infoString(info: Record<string, unknown>, key: string): string | null {
  const value = info[key];
  return typeof value === 'string' && value.trim() ? value.replace(/\s+/g, ' ').trim() : null;
}

function pdfDate(value: string | null): string | null {
  if (!value) return null;
  const date = PDFDateString.toDateObject(value);
  return date ? normaliseDate(date) : normaliseDate(value);
}

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;

async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const task = getDocument({
    // pdfjs may transfer (detach) the buffer it is given; the caller still needs the original bytes.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
    cMapUrl: asDirUrl(join(PDFJS_DIR, 'cmaps')),
    cMapPacked: true,
    standardFontDataUrl: asDirUrl(join(PDFJS_DIR, 'standard_fonts')),
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy();
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw new ImportError('This PDF is password-protected; open it, save an unprotected copy and import that.');
    throw new ImportError('This PDF is damaged or not a valid PDF file.', { cause: error });
  }
}

const hasUnmappedGlyph = (item: unknown): boolean =>
  typeof item === 'object' && item !== null && typeof (item as { str?: unknown }).str === 'string' && (item as { str: string }).str.includes('\u0000');

/**
 * Every page's lines, in logical order (pdf-lines.ts). The content streams are parsed a second time for
 * ActualText only when some glyph has no Unicode mapping (NUL), the case ActualText repairs; most PDFs
 * never pay for it.
 */
async function readLines(pdf: PdfDocument, bytes: Uint8Array): Promise<Line[][]> {
  const contents: unknown[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    contents.push((await page.getTextContent({ includeMarkedContent: true, disableNormalization: false })).items);
    page.cleanup();
  }
  const marked = contents.some((items) => items.some(hasUnmappedGlyph)) ? await pagesMarkedContent(bytes) : null;
  return contents.map((items, i) => pageLines(items, marked?.[i] ?? null));
}

/** The text of each page as the importer reads it (lines in logical order, one per line). */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await openPdf(bytes);
  try {
    return (await readLines(pdf, bytes)).map((lines) => lines.map((l) => l.text).join('\n'));
  } finally {
    await pdf.destroy();
  }
}

export async function extractPdf(bytes: Uint8Array): Promise<RawArticle> {
  const pdf = await openPdf(bytes);
  try {
    const info = (await pdf.getMetadata()).info as unknown as Record<string, unknown>;
    const pages = await readLines(pdf, bytes);
    const textChars = pages.flat().reduce((sum, line) => sum + line.text.replace(/\s/g, '').length, 0);
    if (textChars === 0) {
      throw new ImportError(
        'This PDF has no text layer (it is probably a scanned image), so there is no text to import. Run it through OCR first and import the result.',
      );
    }

    const paragraphs: Paragraph[] = [];
    for (const lines of dropChrome(pages)) {
      const onPage = pageParagraphs(lines);
      const last = paragraphs[paragraphs.length - 1];
      const first = onPage[0];
      // A paragraph cut by the page break: the previous page ends mid-sentence and this one goes on in lower case.
      // Arabic script has no case: there, two right-to-left paragraphs of one size and no sentence end.
      const continues = /^\p{Ll}/u.test(first?.lines[0]?.text ?? '') || (first?.lines[0]?.rtl === true && last?.lines[last.lines.length - 1]?.rtl === true);
      if (last && first && Math.abs(last.size - first.size) < 0.5 && !SENTENCE_END.test(joinLines(last.lines)) && continues) {
        last.lines.push(...first.lines);
        onPage.shift();
      }
      paragraphs.push(...onPage);
    }

    // Body size: the size most characters are set in. Clearly larger short paragraphs are headings.
    const weight = new Map<number, number>();
    for (const p of paragraphs) {
      const key = Math.round(p.size * 2) / 2;
      weight.set(key, (weight.get(key) ?? 0) + joinLines(p.lines).length);
    }
    const bodySize = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
    const headingSizes = [...new Set(paragraphs.filter((p) => p.size >= bodySize * 1.2 && p.lines.length <= 3).map((p) => Math.round(p.size * 2) / 2))].sort((a, b) => b - a);

    const blocks: Block[] = paragraphs.map((p): Block => {
      const text = joinLines(p.lines);
      const rank = headingSizes.indexOf(Math.round(p.size * 2) / 2);
      if (p.lines.length <= 3 && rank >= 0 && text.length <= 200) {
        return { type: 'heading', level: Math.min(rank + 1, 3) as 1 | 2 | 3, children: [{ text }] };
      }
      return { type: 'paragraph', children: [{ text }] };
    });

    const firstHeading = blocks[0]?.type === 'heading' ? blocks[0].children.map((c) => c.text).join('') : null;
    const title =
      usableTitle(info['Title']) ??
      firstHeading ??
      deriveTitle(blocks.map((b) => (b.type === 'list' ? '' : b.children.map((c) => c.text).join(''))).join('\n\n'));

    return {
      title,
      byline: infoString(info, 'Author'),
      source: null,
      url: null,
      publishedAt: pdfDate(infoString(info, 'CreationDate')),
      tags: (infoString(info, 'Keywords') ?? '')
        .split(/[,;]/)
        .map((k) => k.trim())
        .filter(Boolean)
        .slice(0, 12),
      blocks,
      declaredLanguage: infoString(info, 'Language'),
    };
  } finally {
    await pdf.destroy();
  }
}
