import { Lexer, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import { TEXT_FORMAT, type Block, type Inline } from '../../common/document.js';
import { createLogger } from '../log.js';
import { blocksFromHtml, splitAtBlankLines, tidyInlines } from './blocks-from-dom.js';
import { normaliseDate } from './dates.js';
import { dropRepeatedTitle } from './title.js';
import { safeUrl } from './sanitize.js';
import { deriveTitle } from './text.js';
import type { RawArticle } from './types.js';

const log = createLogger('import.markdown');

/**
 * Markdown through marked's lexer (CommonMark + GFM): headings, paragraphs, lists, quotes, code and
 * tables become blocks; emphasis, strong, strikethrough, inline code and links become formats.
 * Raw HTML inside Markdown goes through the same sanitiser as web pages. Images are dropped
 * (Quire stores no remote resources); their alt text is kept.
 */

export interface FrontMatter {
  readonly title?: string;
  readonly source?: string;
  readonly url?: string;
  readonly author?: string;
  readonly published?: string | Date;
  readonly tags?: readonly string[];
  readonly language?: string;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

type YamlValue = unknown;

function stringOf(value: YamlValue): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(stringOf).filter((v): v is string => v !== undefined);
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  if (value && typeof value === 'object' && 'name' in value) return stringOf((value as { name: unknown }).name);
  return undefined;
}

function listOf(value: YamlValue): string[] {
  if (typeof value === 'string') return value.split(',').map((t) => t.trim()).filter(Boolean);
  if (Array.isArray(value)) return value.map(stringOf).filter((v): v is string => v !== undefined);
  return [];
}

/** Splits YAML front matter (`---` … `---`) from the Markdown body; a block that is not YAML is left as text. */
export function splitFrontMatter(source: string): { frontMatter: FrontMatter; body: string } {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { frontMatter: {}, body: source.replace(/^\uFEFF/, '') };
  let data: YamlValue;
  try {
    data = parseYaml(match[1] ?? '');
  } catch (error) {
    log.debug('front matter is not valid YAML; reading it as text', error);
    return { frontMatter: {}, body: source };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { frontMatter: {}, body: source };
  const record = data as Record<string, YamlValue>;
  const pick = (...keys: string[]): YamlValue => {
    for (const key of keys) {
      const found = Object.keys(record).find((k) => k.toLowerCase() === key);
      if (found !== undefined && record[found] !== null && record[found] !== undefined) return record[found];
    }
    return undefined;
  };
  const published = pick('published', 'date', 'published_at', 'publishedat', 'pubdate');
  const frontMatter: FrontMatter = {
    title: stringOf(pick('title')),
    source: stringOf(pick('source', 'site', 'publisher', 'publication')),
    url: stringOf(pick('url', 'link', 'canonical', 'canonical_url')),
    author: stringOf(pick('author', 'authors', 'byline', 'creator')),
    published: published instanceof Date ? published : stringOf(published),
    tags: listOf(pick('tags', 'keywords', 'categories')),
    language: stringOf(pick('language', 'lang')),
  };
  return { frontMatter, body: source.slice(match[0].length) };
}

/** Inline tokens → inlines with formats. */
function inlines(tokens: readonly Token[] | undefined, format: number, link: string | null, out: Inline[]): void {
  for (const token of tokens ?? []) {
    const push = (text: string, extra = 0): void => {
      const f = format | extra;
      out.push({ text, ...(f ? { format: f } : {}), ...(link ? { link } : {}) });
    };
    switch (token.type) {
      case 'text': {
        const t = token as Tokens.Text;
        if (t.tokens && t.tokens.length > 0) inlines(t.tokens, format, link, out);
        else push(decodeEntities(t.text));
        break;
      }
      case 'escape':
        push((token as Tokens.Escape).text);
        break;
      case 'strong':
        inlines((token as Tokens.Strong).tokens, format | TEXT_FORMAT.bold, link, out);
        break;
      case 'em':
        inlines((token as Tokens.Em).tokens, format | TEXT_FORMAT.italic, link, out);
        break;
      case 'del':
        inlines((token as Tokens.Del).tokens, format | TEXT_FORMAT.strikethrough, link, out);
        break;
      case 'codespan':
        push(decodeEntities((token as Tokens.Codespan).text), TEXT_FORMAT.code);
        break;
      case 'br':
        push('\n');
        break;
      case 'link': {
        const l = token as Tokens.Link;
        inlines(l.tokens, format, link ?? safeUrl(l.href), out);
        break;
      }
      case 'image':
        // No images in the library; the description stays readable.
        if ((token as Tokens.Image).text) push((token as Tokens.Image).text);
        break;
      case 'html': {
        // Inline HTML (<sup>, <kbd>, stray tags): only its text survives, through the sanitiser.
        const text = blocksFromHtml((token as Tokens.HTML).text)
          .flatMap((b) => (b.type === 'list' ? b.items.flat() : b.children))
          .map((i) => i.text)
          .join(' ');
        if (text) push(text);
        break;
      }
      default:
        if ('tokens' in token && Array.isArray(token.tokens)) inlines(token.tokens as Token[], format, link, out);
        else if ('text' in token && typeof token.text === 'string') push(token.text);
    }
  }
}

/** marked leaves entities in text tokens (`&amp;`, `&quot;`); the editor stores characters. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|#39|apos|nbsp);/gi, (_, entity: string) => {
    const e = entity.toLowerCase();
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' } as Record<string, string>)[e] ?? _;
  });
}

function inlineContent(tokens: readonly Token[] | undefined): Inline[] {
  const out: Inline[] = [];
  inlines(tokens, 0, null, out);
  return tidyInlines(out.map((i) => ({ ...i, text: i.text.replace(/[ \t]*\n[ \t]*/g, i.text === '\n' ? '\n' : ' ') })));
}

/** A list item's inline content; nested lists are returned separately so they can be flattened after it. */
function listItem(item: Tokens.ListItem): { own: Inline[]; nested: Inline[][] } {
  const own: Inline[] = [];
  const nested: Inline[][] = [];
  for (const token of item.tokens) {
    if (token.type === 'list') {
      for (const sub of (token as Tokens.List).items) {
        const child = listItem(sub);
        nested.push(child.own, ...child.nested);
      }
    } else if (token.type === 'text' || token.type === 'paragraph') {
      if (own.length > 0) own.push({ text: '\n' });
      own.push(...inlineContent((token as Tokens.Paragraph).tokens ?? [{ type: 'text', raw: token.raw, text: (token as Tokens.Text).text } as Tokens.Text]));
    } else if (token.type !== 'space' && token.type !== 'checkbox') {
      const text = 'text' in token && typeof token.text === 'string' ? token.text : '';
      if (text.trim()) own.push({ text });
    }
  }
  return { own: tidyInlines(own), nested: nested.filter((n) => n.length > 0) };
}

function blocksOf(tokens: readonly Token[]): Block[] {
  const blocks: Block[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const h = token as Tokens.Heading;
        blocks.push({ type: 'heading', level: Math.min(Math.max(h.depth, 1), 6) as 1 | 2 | 3 | 4 | 5 | 6, children: inlineContent(h.tokens) });
        break;
      }
      case 'paragraph':
        blocks.push({ type: 'paragraph', children: inlineContent((token as Tokens.Paragraph).tokens) });
        break;
      case 'text':
        blocks.push({ type: 'paragraph', children: inlineContent((token as Tokens.Text).tokens ?? [token]) });
        break;
      case 'blockquote':
        for (const inner of blocksOf((token as Tokens.Blockquote).tokens)) {
          blocks.push(inner.type === 'list' ? inner : { type: 'quote', children: inner.children });
        }
        break;
      case 'list': {
        const list = token as Tokens.List;
        const items: Inline[][] = [];
        for (const item of list.items) {
          const { own, nested } = listItem(item);
          if (own.length > 0) items.push(own);
          items.push(...nested);
        }
        blocks.push({ type: 'list', ordered: list.ordered, items });
        break;
      }
      case 'code': {
        const text = (token as Tokens.Code).text.replace(/\s+$/, '');
        if (text) blocks.push({ type: 'paragraph', children: [{ text, format: TEXT_FORMAT.code }] });
        break;
      }
      case 'table': {
        const table = token as Tokens.Table;
        const row = (cells: readonly Tokens.TableCell[]): Inline[] =>
          tidyInlines(cells.flatMap((cell, i) => [...(i > 0 ? [{ text: ' | ' }] : []), ...inlineContent(cell.tokens)]));
        blocks.push({ type: 'paragraph', children: row(table.header) });
        for (const cells of table.rows) blocks.push({ type: 'paragraph', children: row(cells) });
        break;
      }
      case 'html':
        blocks.push(...blocksFromHtml((token as Tokens.HTML).text));
        break;
      case 'space':
      case 'hr':
      case 'def':
        break;
      default:
        if ('tokens' in token && Array.isArray(token.tokens)) blocks.push({ type: 'paragraph', children: inlineContent(token.tokens as Token[]) });
    }
  }
  return blocks.flatMap((block) =>
    block.type === 'paragraph' ? splitAtBlankLines(block.children).map((children): Block => ({ type: 'paragraph', children })) : [block],
  );
}

export function extractMarkdown(source: string): RawArticle {
  const { frontMatter, body } = splitFrontMatter(source);
  const tokens = new Lexer({ gfm: true, breaks: false }).lex(body);
  const blocks = blocksOf(tokens);
  const first = blocks[0];
  const headingTitle = first?.type === 'heading' ? first.children.map((c) => c.text).join('').trim() : null;
  let title = frontMatter.title ?? headingTitle ?? null;
  if (!title) {
    const text = blocks
      .filter((b): b is Extract<Block, { children: readonly Inline[] }> => b.type !== 'list')
      .map((b) => b.children.map((c) => c.text).join(''))
      .join('\n\n');
    title = text.trim() ? deriveTitle(text) : null;
  }
  return {
    title,
    byline: frontMatter.author ?? null,
    source: frontMatter.source ?? null,
    url: safeUrl(frontMatter.url ?? null),
    publishedAt: normaliseDate(frontMatter.published ?? null),
    tags: frontMatter.tags ?? [],
    blocks: dropRepeatedTitle(blocks, title),
    declaredLanguage: frontMatter.language ?? null,
  };
}
