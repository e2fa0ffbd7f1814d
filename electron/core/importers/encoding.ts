import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ImportError } from '../errors.js';
import { binaryFormat } from './detect.js';

/**
 * Turns the bytes of a text file (plain text, Markdown, HTML) into a string, or refuses them.
 *
 * Order: a byte-order mark decides; else strict UTF-8 (most files today); else UTF-16 without BOM
 * (recognisable by its NUL pattern); else the encoding chardet proposes, checked by decoding.
 * Content that no candidate decodes cleanly is refused: storing mojibake would poison search and
 * highlights for good, while a clear refusal lets the analyst fix the file.
 */

export interface DecodedText {
  readonly text: string;
  /** The encoding used, as iconv-lite names it ('utf-8', 'utf-16le', 'windows-1256', …). */
  readonly encoding: string;
}

const BOMS: readonly { bytes: readonly number[]; encoding: string }[] = [
  // UTF-32 first: its LE BOM starts with the UTF-16 LE one.
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  for (const bom of BOMS) {
    if (bytes.length >= bom.bytes.length && bom.bytes.every((b, i) => bytes[i] === b)) {
      return { encoding: bom.encoding, length: bom.bytes.length };
    }
  }
  return null;
}

/**
 * Characters that never occur in a real document: C0 controls other than tab, newlines and form
 * feed, C1 controls, the replacement character (a byte the encoding does not define), noncharacters.
 */
// eslint-disable-next-line no-control-regex
const SUSPICIOUS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF]/g;

function suspiciousCount(text: string): number {
  return text.match(SUSPICIOUS)?.length ?? 0;
}

/** Refuses decoded text that is not a document: any NUL, or more than a trace of control characters. */
function checkDecoded(text: string, what: string): void {
  if (text.includes('\u0000')) throw binaryError();
  const bad = suspiciousCount(text);
  // A few stray control characters (a form feed from a printer driver, junk in an HTML attribute) are
  // tolerated and stripped later; binary data or a wrong code page produces them by the hundred.
  if (bad > Math.max(16, text.length * 0.02)) {
    throw new ImportError(`This file does not decode as ${what}: it contains ${bad} characters that are not text (binary data or a broken encoding).`);
  }
}

function binaryError(): ImportError {
  return new ImportError('This file contains binary data (NUL bytes), not text.');
}

/** UTF-16 without a BOM: ASCII-range text then has a NUL in every other byte, all on the same side. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.02) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.02) return 'utf-16be';
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** When detection has nothing better to say, the legacy encoding most Western files use. */
const FALLBACK_ENCODING = 'windows-1252';

/** Legacy encodings chardet proposes, best first, that iconv-lite can decode (never UTF-8/ASCII: those failed already). */
function candidates(bytes: Uint8Array): string[] {
  const names = chardet
    .analyse(bytes)
    .filter((match) => match.confidence > 0)
    .map((match) => match.name.toLowerCase())
    .filter((name) => !/^(utf-8|ascii)$/.test(name) && iconv.encodingExists(name));
  if (!names.includes(FALLBACK_ENCODING)) names.push(FALLBACK_ENCODING);
  return [...new Set(names)].slice(0, 6);
}

/** The charset an HTML page declares in its first kilobytes (`<meta charset>` or http-equiv), if iconv knows it. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  const name = match?.[1]?.toLowerCase();
  return name && iconv.encodingExists(name) ? name : null;
}

/**
 * @param declared an encoding the file itself declares (an HTML `<meta charset>`): trusted over
 *   detection when the bytes are not UTF-8, as long as it decodes cleanly.
 */
export function decodeText(bytes: Uint8Array, declared: string | null = null): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    const text = bom.encoding === 'utf-8' ? decodeUtf8(body) : iconv.decode(Buffer.from(body), bom.encoding);
    if (text === null) throw new ImportError('This file starts with a UTF-8 marker but is not valid UTF-8.');
    checkDecoded(text, bom.encoding.toUpperCase());
    return { text, encoding: bom.encoding };
  }

  const format = binaryFormat(bytes);
  if (format) throw new ImportError(`This file is ${format}, not a document.`);

  const asUtf8 = decodeUtf8(bytes);
  if (asUtf8 !== null) {
    checkDecoded(asUtf8, 'UTF-8 text');
    return { text: asUtf8, encoding: 'utf-8' };
  }

  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    const text = iconv.decode(Buffer.from(bytes), utf16);
    checkDecoded(text, utf16.toUpperCase());
    return { text, encoding: utf16 };
  }

  // Bytes that are not UTF-8 and contain NULs are binary: no legacy text encoding uses NUL.
  if (bytes.includes(0)) throw binaryError();

  if (declared && !/^(utf-?8|us-ascii|ascii)$/i.test(declared)) {
    const text = iconv.decode(Buffer.from(bytes), declared);
    if (suspiciousCount(text) === 0) return { text, encoding: declared };
  }

  // Try each proposed encoding and keep the one that decodes most cleanly; chardet's order breaks ties.
  let best: { text: string; encoding: string; bad: number } | null = null;
  for (const encoding of candidates(bytes)) {
    const text = iconv.decode(Buffer.from(bytes), encoding);
    const bad = suspiciousCount(text);
    if (best === null || bad < best.bad) best = { text, encoding, bad };
    if (bad === 0) break;
  }
  if (best === null) throw new ImportError('The text encoding of this file could not be recognised.');
  checkDecoded(best.text, `text in any known encoding (best guess ${best.encoding})`);
  return { text: best.text, encoding: best.encoding };
}
