import type { Block } from '../../common/document.js';
import type { RawArticle } from './types.js';

/**
 * Plain text: paragraphs are separated by blank lines; single line breaks inside a paragraph are kept
 * (poems, addresses, lists typed by hand). The title is the first line when it reads like one,
 * else it is derived from the first sentence.
 */

/** Longest first line that still reads like a title. */
const MAX_TITLE_LINE = 160;
const MAX_TITLE_WORDS = 25;
/** Derived titles are cut to about this length. */
const DERIVED_TITLE_CHARS = 110;
const MIN_CLAUSE_CHARS = 40;

export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .split(/\n[ \t\u00A0]*\n+/)
    .map((p) => p.replace(/^\s*\n|\n\s*$/g, '').replace(/[ \t]+$/gm, ''))
    .filter((p) => p.trim() !== '');
}

/** Sentence-final punctuation in the scripts Quire cares about (Latin, Arabic ؟ and Urdu ۔). */
const SENTENCE_END = /[.!?\u061F\u06D4\u3002]["'”’»)\]]*$/u;

/** True when `line` (the whole first paragraph) reads like a title: one short line, no sentence-final period. */
export function readsLikeTitle(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.includes('\n')) return false;
  if (trimmed.length > MAX_TITLE_LINE) return false;
  if (trimmed.split(/\s+/).length > MAX_TITLE_WORDS) return false;
  // A question or an exclamation can be a headline; a full stop, comma or colon ends a sentence or leads on.
  if (/[.,;:\u060C\u061B]$/u.test(trimmed) && !/\.\.\.$|…$/.test(trimmed)) return false;
  return true;
}

/** The first sentence of a text (up to sentence-final punctuation followed by a space, or the whole first paragraph). */
export function firstSentence(text: string): string {
  const paragraph = (text.trim().split(/\n\s*\n/)[0] ?? '').replace(/\s+/g, ' ').trim();
  const match = /^.+?[.!?\u061F\u06D4\u3002]["'”’»)\]]*(?=\s|$)/u.exec(paragraph);
  // A dot inside an abbreviation ("U.S.", "Mr.") would cut too early; require a few words before it.
  if (match && match[0].split(' ').length >= 4) return match[0];
  return paragraph;
}

/** A title derived from running text: the first sentence, shortened at a clause or word boundary. */
export function deriveTitle(text: string): string {
  const sentence = firstSentence(text).replace(SENTENCE_END, (m) => m.replace(/^[.]/, ''));
  if (sentence.length <= DERIVED_TITLE_CHARS + 10) return sentence.replace(/[.,;:\s]+$/u, '');
  // Prefer ending at a clause (comma, semicolon, colon, dash) when one falls in a sensible place.
  const window = sentence.slice(0, DERIVED_TITLE_CHARS + 10);
  const clause = /^(.*)[,;:\u060C\u061B]\s|^(.*)\s[–—]\s/su.exec(window);
  const clauseText = (clause?.[1] ?? clause?.[2] ?? '').trim();
  if (clauseText.length >= MIN_CLAUSE_CHARS) return `${clauseText.replace(/[,;:\s]+$/u, '')}…`;
  const cut = sentence.slice(0, DERIVED_TITLE_CHARS + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const words = lastSpace > MIN_CLAUSE_CHARS ? cut.slice(0, lastSpace) : sentence.slice(0, DERIVED_TITLE_CHARS);
  return `${words.replace(/[,;:.\s]+$/u, '')}…`;
}

function paragraphBlock(text: string): Block {
  return { type: 'paragraph', children: [{ text }] };
}

/** Splits decoded plain text into a title and paragraphs. */
export function extractPlainText(text: string): RawArticle {
  const paragraphs = splitParagraphs(text);
  const first = paragraphs[0];
  if (first !== undefined && paragraphs.length > 1 && readsLikeTitle(first)) {
    return { title: first.trim(), blocks: paragraphs.slice(1).map(paragraphBlock) };
  }
  return { title: paragraphs.length > 0 ? deriveTitle(paragraphs.join('\n\n')) : null, blocks: paragraphs.map(paragraphBlock) };
}
