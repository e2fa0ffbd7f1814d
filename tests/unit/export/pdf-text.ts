/** Reading exported PDFs back with poppler (pdftotext/pdfinfo), as a reader's tools would. */
import { execFileSync } from 'node:child_process';

/** The text of each page (`pdftotext -layout`), in order. */
export function pdfPages(path: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = text.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!.trim()]),
  );
}

/** Whitespace and bidi controls removed: for URLs and hashes, which may wrap anywhere. */
export function squeeze(text: string): string {
  return text.replace(/[\s\u202a-\u202e\u2066-\u2069\u200e\u200f]+/g, '');
}

/** Whitespace collapsed: lines wrap differently in print. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Arabic as extracted from a PDF: bidi controls dropped, presentation forms folded (NFKC), harakat and
 * tatweel removed (their order relative to letters varies between tools), whitespace removed (glyph
 * gaps become spurious spaces). What is left is the letters in logical order: a reversed or shuffled
 * extraction does not match.
 */
export function arabicLetters(text: string): string {
  return text
    .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, '')
    .normalize('NFKC')
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/\s+/g, '');
}
