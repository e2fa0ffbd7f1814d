/**
 * Markdown → note document, for `quire note create --file NOTE.md`. Notes support headings, lists,
 * block quotes, bold, italic and links, so that is what survives; everything else becomes its text.
 */
import { marked, type Token, type Tokens } from 'marked';
import { TEXT_FORMAT, documentFromBlocks, type ArticleDocument, type Block, type Inline } from '../common/document.js';

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

function inlines(tokens: readonly Token[] | undefined, format = 0, link?: string): Inline[] {
  const out: Inline[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        out.push(...inlines((token as Tokens.Strong).tokens, format | TEXT_FORMAT.bold, link));
        break;
      case 'em':
        out.push(...inlines((token as Tokens.Em).tokens, format | TEXT_FORMAT.italic, link));
        break;
      case 'del':
        out.push(...inlines((token as Tokens.Del).tokens, format | TEXT_FORMAT.strikethrough, link));
        break;
      case 'codespan':
        out.push({ text: decode((token as Tokens.Codespan).text), format: format | TEXT_FORMAT.code, ...(link ? { link } : {}) });
        break;
      case 'link': {
        const href = (token as Tokens.Link).href;
        // Only web and mail links become links; anything else (javascript:, file:) stays as text.
        const safe = /^(https?:|mailto:)/i.test(href) ? href : undefined;
        out.push(...inlines((token as Tokens.Link).tokens, format, safe ?? link));
        break;
      }
      case 'br':
        out.push({ text: '\n', format });
        break;
      case 'text': {
        const text = token as Tokens.Text;
        if (text.tokens && text.tokens.length > 0) out.push(...inlines(text.tokens, format, link));
        else out.push({ text: decode(text.text), format, ...(link ? { link } : {}) });
        break;
      }
      default:
        if ('text' in token && typeof token.text === 'string') out.push({ text: decode(token.text), format, ...(link ? { link } : {}) });
    }
  }
  return out;
}

function blocks(tokens: readonly Token[]): Block[] {
  const out: Block[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const heading = token as Tokens.Heading;
        const level = Math.min(Math.max(heading.depth, 1), 6) as 1 | 2 | 3 | 4 | 5 | 6;
        out.push({ type: 'heading', level, children: inlines(heading.tokens) });
        break;
      }
      case 'paragraph':
        out.push({ type: 'paragraph', children: inlines((token as Tokens.Paragraph).tokens) });
        break;
      case 'blockquote': {
        // A quote block holds inline text: its paragraphs are joined by line breaks.
        const inner = blocks((token as Tokens.Blockquote).tokens);
        const children: Inline[] = [];
        inner.forEach((block, i) => {
          if (i > 0) children.push({ text: '\n' });
          if (block.type === 'list') block.items.forEach((item) => children.push(...item, { text: '\n' }));
          else children.push(...block.children);
        });
        out.push({ type: 'quote', children });
        break;
      }
      case 'list': {
        const list = token as Tokens.List;
        out.push({
          type: 'list',
          ordered: list.ordered,
          items: list.items.map((item) => blocks(item.tokens).flatMap((b, i) => {
            const content = b.type === 'list' ? b.items.flat() : b.children;
            return i > 0 ? [{ text: '\n' }, ...content] : content;
          })),
        });
        break;
      }
      case 'code':
        out.push({ type: 'paragraph', children: [{ text: (token as Tokens.Code).text, format: TEXT_FORMAT.code }] });
        break;
      case 'text': {
        // Tight list items hold their text as a 'text' token whose own tokens carry the emphasis and links.
        const text = token as Tokens.Text;
        out.push({ type: 'paragraph', children: text.tokens?.length ? inlines(text.tokens) : [{ text: decode(text.text) }] });
        break;
      }
      case 'space':
      case 'hr':
        break;
      default:
        if ('text' in token && typeof token.text === 'string') out.push({ type: 'paragraph', children: [{ text: decode(token.text) }] });
    }
  }
  return out;
}

export function noteDocumentFromMarkdown(markdown: string): ArticleDocument {
  return documentFromBlocks(blocks(marked.lexer(markdown.replace(/\r\n?/g, '\n'))));
}
