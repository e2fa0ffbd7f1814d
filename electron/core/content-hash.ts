import { createHash } from 'node:crypto';

/**
 * The identity of an article's content: how a duplicate is recognised (articles.content_sha256 is unique).
 * SHA-256 of the NFC title (as is), a newline, and the NFC plain text with every run of white space collapsed to
 * one space and the ends trimmed, so re-saving a file with other line endings or spacing is still a duplicate.
 * Shared by import and by text updates (`quire update`, edits in the reader).
 */
export function contentHash(title: string, plainText: string): string {
  const text = plainText.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${title.normalize('NFC')}\n${text}`, 'utf8').digest('hex');
}
