import type { Block, Inline } from '../../common/document.js';
import { ImportError } from '../errors.js';
import { detectType } from './detect.js';
import { declaredHtmlCharset, decodeText } from './encoding.js';
import { detectLanguage } from './language.js';
import { deriveTitle, extractPlainText } from './text.js';
import { dropRepeatedTitle } from './title.js';
import type { ExtractedArticle, ExtractInput, RawArticle } from './types.js';

export type { ExtractedArticle, ExtractInput } from './types.js';
export { SUPPORTED_TYPES } from './detect.js';

/**
 * Any supported file → an article: type detection (bytes first, then name), decoding, the importer
 * for the type, then what every article gets the same way: NFC normalisation, a title when the file
 * had none, language and direction from the text.
 *
 * Throws ImportError (a message for the analyst, without the file name: callers add it).
 */

/** Titles longer than this are cut (a whole paragraph set as a heading is not a title). */
const MAX_TITLE = 300;

const nfc = (text: string): string => text.normalize('NFC');

function cleanLine(text: string | null | undefined): string | null {
  if (!text) return null;
  const cleaned = nfc(text).replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/** Control characters have no place in an article (tab and line feed are kept; a form feed becomes a line break). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

function normaliseInline(inline: Inline): Inline {
  return { ...inline, text: nfc(inline.text.replace(/\r\n?|\f/g, '\n').replace(CONTROL, '')) };
}

function normaliseBlock(block: Block): Block {
  if (block.type === 'list') return { ...block, items: block.items.map((item) => item.map(normaliseInline)) };
  return { ...block, children: block.children.map(normaliseInline) };
}

function blockText(block: Block): string {
  if (block.type === 'list') return block.items.map((item) => item.map((i) => i.text).join('')).join('\n');
  return block.children.map((i) => i.text).join('');
}

function hasText(block: Block): boolean {
  return blockText(block).trim() !== '';
}

function titleFor(raw: RawArticle, blocks: readonly Block[]): string {
  const given = cleanLine(raw.title);
  if (given) return given.length > MAX_TITLE ? `${given.slice(0, MAX_TITLE - 1).replace(/\s+\S*$/, '')}…` : given;
  const heading = blocks.find((b) => b.type === 'heading');
  if (heading && blocks.indexOf(heading) === 0) return cleanLine(blockText(heading)) ?? 'Untitled';
  return cleanLine(deriveTitle(blocks.map(blockText).join('\n\n'))) ?? 'Untitled';
}

/** Common finishing for every importer. */
export function finishArticle(raw: RawArticle, mediaType: string): ExtractedArticle {
  const normalised = raw.blocks.map(normaliseBlock).filter(hasText);
  if (normalised.length === 0) throw new ImportError('This file contains no text to import.');
  const title = titleFor(raw, normalised);
  const blocks = dropRepeatedTitle(normalised, title);
  const body = blocks.length > 0 ? blocks : normalised;
  const sample = `${title}\n\n${body.map(blockText).join('\n\n')}`;
  const { language, direction } = detectLanguage(sample, raw.declaredLanguage ?? null);
  const tags = [...new Set((raw.tags ?? []).map((t) => cleanLine(t)).filter((t): t is string => t !== null))];
  return {
    title,
    byline: cleanLine(raw.byline),
    source: cleanLine(raw.source),
    url: cleanLine(raw.url),
    publishedAt: raw.publishedAt ?? null,
    tags,
    blocks: body,
    language,
    direction,
    mediaType,
  };
}

export async function extractArticle(input: ExtractInput): Promise<ExtractedArticle> {
  const type = detectType(input);
  let raw: RawArticle;
  switch (type.kind) {
    // The heavy parsers (pdfjs, mammoth, jsdom) load on first use: `quire info` and plain text need none of them.
    case 'pdf':
      raw = await (await import('./pdf.js')).extractPdf(input.bytes);
      break;
    case 'docx':
      raw = await (await import('./docx.js')).extractDocx(input.bytes);
      break;
    case 'html':
      raw = (await import('./html.js')).extractHtml(decodeText(input.bytes, declaredHtmlCharset(input.bytes)).text);
      break;
    case 'markdown':
      raw = (await import('./markdown.js')).extractMarkdown(decodeText(input.bytes).text);
      break;
    case 'text':
      raw = extractPlainText(decodeText(input.bytes).text);
      break;
  }
  return finishArticle(raw, type.mediaType);
}
