import { extname } from 'node:path';
import { ImportError } from '../errors.js';
import type { DocumentKind, ExtractInput } from './types.js';

/**
 * Decides what kind of document a file is. The bytes win over the name: a PDF saved as `.txt` is
 * read as a PDF, and a PNG renamed `.md` is refused as an image instead of being stored as mojibake.
 */

export interface DetectedType {
  readonly kind: DocumentKind;
  readonly mediaType: string;
}

interface Signature {
  /** Byte values; null matches any byte. */
  readonly bytes: readonly (number | null)[];
  readonly offset?: number;
  /** "a PNG image", used in "This file is a PNG image, not a document". */
  readonly what: string;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Binary formats we recognise only to name them in the refusal. */
const BINARY_SIGNATURES: readonly Signature[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: ascii('GIF87a'), what: 'a GIF image' },
  { bytes: ascii('GIF89a'), what: 'a GIF image' },
  { bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')], what: 'a WebP image' },
  { bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WAVE')], what: 'a WAV audio file' },
  { bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('AVI ')], what: 'an AVI video' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { bytes: [0x00, 0x00, 0x01, 0x00], what: 'an icon image' },
  { bytes: [...ascii('8BPS'), 0x00, 0x01], what: 'a Photoshop image' },
  { bytes: [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20], what: 'a JPEG 2000 image' },
  { bytes: ascii('ftyp'), offset: 4, what: 'a video or HEIC image' },
  { bytes: [...ascii('ID3'), 0x03], what: 'an MP3 audio file' },
  { bytes: [...ascii('ID3'), 0x04], what: 'an MP3 audio file' },
  { bytes: [...ascii('ID3'), 0x02], what: 'an MP3 audio file' },
  { bytes: [...ascii('OggS'), 0x00], what: 'an Ogg audio or video file' },
  { bytes: [...ascii('fLaC'), null, 0x00, 0x00, 0x22], what: 'a FLAC audio file' },
  { bytes: [0x1a, 0x45, 0xdf, 0xa3], what: 'a Matroska or WebM video' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [...ascii('BZh'), null, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59], what: 'a bzip2 archive' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an xz archive' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: 'a Zstandard archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { bytes: [...ascii('Rar!'), 0x1a, 0x07], what: 'a RAR archive' },
  { bytes: ascii('ustar'), offset: 257, what: 'a tar archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF executable)' },
  // "MZ" alone could begin a text; real executables have NUL bytes right after the header.
  { bytes: [...ascii('MZ'), null, 0x00], what: 'a Windows program' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], what: 'a macOS program' },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], what: 'a compiled program' },
  { bytes: [0x00, 0x61, 0x73, 0x6d], what: 'a WebAssembly program' },
  { bytes: ascii('SQLite format 3\u0000'), what: 'an SQLite database' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old-style Microsoft Office file (.doc/.xls/.ppt)' },
  { bytes: ascii('{\\rtf'), what: 'an RTF document' },
  { bytes: [...ascii('wOFF'), 0x00], what: 'a web font' },
  { bytes: [...ascii('wOF2'), 0x00], what: 'a web font' },
  { bytes: [0x00, 0x01, 0x00, 0x00, 0x00], what: 'a font file' },
  { bytes: [...ascii('OTTO'), 0x00], what: 'a font file' },
  { bytes: ascii('%!PS'), what: 'a PostScript file' },
  { bytes: ascii('AT&TFORM'), what: 'a DjVu document' },
];

const PDF_MAGIC = ascii('%PDF-');
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function matchesAt(bytes: Uint8Array, signature: readonly (number | null)[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => b === null || bytes[offset + i] === b);
}

/** Which known binary format the bytes start with, if any. */
export function binaryFormat(bytes: Uint8Array): string | null {
  for (const signature of BINARY_SIGNATURES) {
    if (matchesAt(bytes, signature.bytes, signature.offset)) return signature.what;
  }
  return null;
}

function isPdf(bytes: Uint8Array): boolean {
  // The header may follow a little junk (some generators prepend a BOM or whitespace); the spec allows 1024 bytes.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/** Names of the entries in a ZIP archive's local headers near the start: enough to tell OOXML/ODF/EPUB apart. */
function zipKind(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).toString('latin1');
  // Entry names are in the local headers and, reliably, in the central directory at the end.
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 256 * 1024))).toString('latin1');
  const text = head + tail;
  if (text.includes('word/document.xml')) return 'docx';
  if (text.includes('xl/workbook.xml')) return 'a spreadsheet (.xlsx)';
  if (text.includes('ppt/presentation.xml')) return 'a presentation (.pptx)';
  if (text.includes('application/epub+zip')) return 'an EPUB e-book';
  if (text.includes('application/vnd.oasis.opendocument.text')) return 'an OpenDocument text (.odt)';
  if (text.includes('application/vnd.oasis.opendocument')) return 'an OpenDocument file';
  return 'a ZIP archive';
}

const TEXT_EXTENSIONS: Readonly<Record<string, DetectedType>> = {
  '.txt': { kind: 'text', mediaType: 'text/plain' },
  '.text': { kind: 'text', mediaType: 'text/plain' },
  '.md': { kind: 'markdown', mediaType: 'text/markdown' },
  '.markdown': { kind: 'markdown', mediaType: 'text/markdown' },
  '.mdown': { kind: 'markdown', mediaType: 'text/markdown' },
  '.mkd': { kind: 'markdown', mediaType: 'text/markdown' },
  '.html': { kind: 'html', mediaType: 'text/html' },
  '.htm': { kind: 'html', mediaType: 'text/html' },
  '.xhtml': { kind: 'html', mediaType: 'application/xhtml+xml' },
};

const HINTS: Readonly<Record<string, DetectedType>> = {
  'text/plain': { kind: 'text', mediaType: 'text/plain' },
  'text/markdown': { kind: 'markdown', mediaType: 'text/markdown' },
  'text/x-markdown': { kind: 'markdown', mediaType: 'text/markdown' },
  'text/html': { kind: 'html', mediaType: 'text/html' },
  'application/xhtml+xml': { kind: 'html', mediaType: 'application/xhtml+xml' },
  'application/pdf': { kind: 'pdf', mediaType: 'application/pdf' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    kind: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
};

const PDF: DetectedType = { kind: 'pdf', mediaType: 'application/pdf' };
const DOCX: DetectedType = HINTS['application/vnd.openxmlformats-officedocument.wordprocessingml.document'] as DetectedType;

/** The file types Quire imports, for messages. */
export const SUPPORTED_TYPES = 'text (.txt), Markdown (.md), web pages (.html), PDF (.pdf) and Word (.docx)';

/** A few extensions worth naming precisely when refused. */
const KNOWN_UNSUPPORTED: Readonly<Record<string, string>> = {
  '.json': 'JSON data',
  '.csv': 'a CSV table',
  '.tsv': 'a TSV table',
  '.xml': 'XML data',
  '.js': 'a script',
  '.mjs': 'a script',
  '.ts': 'source code',
  '.py': 'a script',
  '.sh': 'a script',
  '.css': 'a style sheet',
  '.svg': 'an SVG image',
  '.doc': 'an old-style Word document (.doc)',
  '.rtf': 'an RTF document',
  '.odt': 'an OpenDocument text (.odt)',
  '.epub': 'an EPUB e-book',
  '.eml': 'an e-mail message',
  '.yaml': 'YAML data',
  '.yml': 'YAML data',
};

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /^<\?xml[^>]*>\s*<(!doctype )?html/.test(head);
}

/**
 * The kind of document; throws an ImportError naming what the file is when Quire cannot import it.
 * Text formats are only trusted this far: encoding.ts still refuses text that does not decode.
 */
export function detectType(input: ExtractInput): DetectedType {
  const { bytes } = input;
  if (bytes.length === 0) throw new ImportError('This file is empty.');
  if (matchesAt(bytes, PDF_MAGIC) || isPdf(bytes)) return PDF;
  if (matchesAt(bytes, ZIP_MAGIC)) {
    const kind = zipKind(bytes);
    if (kind === 'docx') return DOCX;
    throw new ImportError(`This file is ${kind}, not a document Quire can import (${SUPPORTED_TYPES}).`);
  }
  const binary = binaryFormat(bytes);
  if (binary) throw new ImportError(`This file is ${binary}, not a document.`);

  const extension = extname(input.name).toLowerCase();
  const byExtension = TEXT_EXTENSIONS[extension];
  if (byExtension) return byExtension;
  if (extension === '.pdf') throw new ImportError('This file is named .pdf but is not a PDF (it has no PDF header).');
  if (extension === '.docx') throw new ImportError('This file is named .docx but is not a Word document (it is not a ZIP package).');

  const hint = input.mediaTypeHint?.split(';')[0]?.trim().toLowerCase();
  const byHint = hint ? HINTS[hint] : undefined;
  if (byHint && byHint.kind !== 'pdf' && byHint.kind !== 'docx') return byHint;
  if (looksLikeHtml(bytes)) return TEXT_EXTENSIONS['.html'] as DetectedType;

  const named = KNOWN_UNSUPPORTED[extension];
  if (named) throw new ImportError(`This file is ${named}, not an article (Quire imports ${SUPPORTED_TYPES}).`);
  // No extension at all (a README, a pasted note saved without one): read it as plain text if it decodes.
  if (extension === '') return TEXT_EXTENSIONS['.txt'] as DetectedType;
  throw new ImportError(`Files of type ${extension} are not supported (Quire imports ${SUPPORTED_TYPES}).`);
}
