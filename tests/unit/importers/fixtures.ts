/**
 * Fixtures for the importer tests: the corpus files from tests/fixtures, plus binary and
 * legacy-encoding files generated here with real libraries (pdf-lib, docx, iconv-lite), so nothing
 * binary has to be committed and every fixture documents how it was made.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import iconv from 'iconv-lite';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { documentPlainText, type ArticleDocument, type SerializedNode } from '../../../electron/common/document.js';
import { openLibrary, type Library } from '../../../electron/core/library.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

export function corpus(name: string): Uint8Array {
  return readFileSync(join(FIXTURES, name));
}

export function corpusText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export const ARABIC_TEXT = corpusText('manama-tehran-talks.ar.txt');
export const PERSIAN_TEXT = corpusText('manama-tehran-talks.fa.txt');

/** A Western-European text with characters only windows-1252 has in 0x80–0x9F (curly quotes, dashes, €). */
export const WESTERN_TEXT = [
  'Café culture in Genève',
  '',
  'The “naïve” résumé of the délégation — costing €12 — was déjà vu for the Zürich press.',
  '',
  'Señor Muñoz’s second paragraph follows: façade, crème brûlée, Æsop and œuvre.',
].join('\n');

export function windows1256(text: string): Uint8Array {
  return iconv.encode(text, 'windows-1256');
}

export function windows1252(text: string): Uint8Array {
  return iconv.encode(text, 'windows-1252');
}

export function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const body = iconv.encode(text, endian === 'le' ? 'utf-16le' : 'utf-16be');
  const bom = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return new Uint8Array([...bom, ...body]);
}

export const PDF_PARAGRAPHS = [
  'Bahrain and Iran agreed to continue talks on restoring diplomatic relations, the two foreign ministries said in separate statements on Thursday.',
  'Officials described the meeting in Tehran as constructive and said technical teams would meet again within weeks to prepare the legal framework.',
  'Analysts in the region said the talks followed the pattern of the agreement reached between Tehran and Riyadh in Beijing in March 2023.',
];

/** Wraps text to lines of at most `width` characters (the PDF has no layout engine). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A two-page PDF with a text layer: document info (title, author, date), a heading, wrapped paragraphs, page numbers. */
export async function makePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Gulf diplomacy weekly brief');
  pdf.setAuthor('Research desk');
  pdf.setCreationDate(new Date('2024-05-02T10:30:00Z'));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const pages = [pdf.addPage([595, 842]), pdf.addPage([595, 842])];
  let page = pages[0]!;
  let y = 780;
  page.drawText('Talks on restoring relations continue', { x: 56, y, size: 20, font: bold });
  y -= 44;
  PDF_PARAGRAPHS.forEach((paragraph, i) => {
    if (i === 2) {
      page = pages[1]!;
      y = 780;
    }
    for (const line of wrap(paragraph, 80)) {
      page.drawText(line, { x: 56, y, size: 11, font });
      y -= 15;
    }
    y -= 12;
  });
  pages.forEach((p, i) => p.drawText(String(i + 1), { x: 290, y: 40, size: 9, font }));
  return pdf.save();
}

/** A PDF that only draws a rectangle: pages but no text layer (what a scan without OCR looks like). */
export async function makeImageOnlyPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Scanned page');
  const page = pdf.addPage([595, 842]);
  page.drawRectangle({ x: 50, y: 50, width: 495, height: 742, color: rgb(0.8, 0.8, 0.8) });
  return pdf.save();
}

/** A DOCX with core properties, a heading, paragraphs with formatting, and a bulleted list. */
export async function makeDocx(): Promise<Uint8Array> {
  const doc = new Document({
    title: 'Manama and Tehran resume contacts',
    creator: 'Gulf desk',
    description: 'Test document',
    sections: [
      {
        children: [
          new Paragraph({ text: 'Manama and Tehran resume contacts', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('Bahrain said on Monday that its contacts with Iran would continue, in a statement that stressed '),
              new TextRun({ text: 'good neighbourliness', bold: true }),
              new TextRun(' and '),
              new TextRun({ text: 'non-interference', italics: true }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ text: 'Key points', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Technical teams will meet again within weeks.', bullet: { level: 0 } }),
          new Paragraph({ text: 'Embassies could re-open before the end of the year.', bullet: { level: 0 } }),
          new Paragraph({
            alignment: AlignmentType.LEFT,
            children: [new TextRun('Officials on both sides described the talks as constructive and businesslike.')],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The 8-byte PNG signature and an IHDR chunk: enough to be recognised as a PNG image. */
export function pngBytes(): Uint8Array {
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
    0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, ...randomBytes(64),
  ]);
}

/** Random bytes with no known signature (the first byte is forced away from any magic number). */
export function binaryJunk(size = 4096): Uint8Array {
  const bytes = new Uint8Array(randomBytes(size));
  bytes[0] = 0x42;
  bytes[1] = 0x00;
  return bytes;
}

export interface TempLibrary {
  readonly dir: string;
  readonly library: Library;
  dispose(): void;
}

export function tempLibrary(): TempLibrary {
  const dir = mkdtempSync(join(tmpdir(), 'quire-'));
  const library = openLibrary({ dir: join(dir, 'library') });
  return {
    dir,
    library,
    dispose: () => {
      library.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every node in a document, depth first. */
export function allNodes(doc: ArticleDocument): SerializedNode[] {
  const out: SerializedNode[] = [];
  const visit = (nodes: readonly SerializedNode[]): void => {
    for (const node of nodes) {
      out.push(node);
      if ('children' in node && Array.isArray(node.children)) visit(node.children);
    }
  };
  visit(doc.root.children);
  return out;
}

export { documentPlainText };
