/**
 * Building blocks of the print view: citation blocks, label chips, quote figures and notices.
 * Pure string building; every value from the library goes through `escapeHtml`, every colour
 * through the hex parser, every link through `safeHttpUrl`.
 */
import { escapeHtml, formatDate, formatShortDate, highlightTint, labelColor, parseHexColor, safeHttpUrl } from './format.js';
import type { DossierCitation } from './types.js';

export interface LabelLike {
  readonly name: string;
  readonly color: string;
}

const UNLABELLED: LabelLike = { name: 'No label', color: '#9a9a9a' };

/** The custom properties every coloured element uses: --c (solid), --t (tint), --t2 (faint tint). */
export function colourVars(label: LabelLike | null): string {
  const color = (label ?? UNLABELLED).color;
  const { r, g, b } = parseHexColor(color);
  const faint = (c: number): number => Math.round(c + (255 - c) * 0.86);
  return `--c:${labelColor(color)};--t:${highlightTint(color)};--t2:rgb(${faint(r)} ${faint(g)} ${faint(b)})`;
}

export function chip(label: LabelLike | null): string {
  const l = label ?? UNLABELLED;
  return `<span class="chip" style="${colourVars(l)}">${escapeHtml(l.name)}</span>`;
}

/** A language tag safe for `lang=""`, or null. */
export function langAttr(language: string | null | undefined): string {
  if (!language || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language)) return '';
  return ` lang="${escapeHtml(language)}"`;
}

export function urlLink(url: string | null | undefined): string {
  const href = safeHttpUrl(url);
  if (href) return `<a class="url" href="${escapeHtml(href)}">${escapeHtml(url?.trim() ?? href)}</a>`;
  return url ? escapeHtml(url) : '';
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

function languageName(code: string | null): string | null {
  if (!code) return null;
  try {
    const name = LANGUAGE_NAMES.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** The full citation block printed under each article's title. */
export function citationBlock(citation: DossierCitation): string {
  const rows: [string, string][] = [];
  const add = (term: string, html: string | null): void => {
    if (html) rows.push([term, html]);
  };
  add('Source', citation.source ? `<bdi>${escapeHtml(citation.source)}</bdi>` : null);
  add('Author', citation.byline ? `<bdi>${escapeHtml(citation.byline)}</bdi>` : null);
  add('URL', citation.url ? urlLink(citation.url) : null);
  add('Published', citation.publishedAt ? escapeHtml(formatDate(citation.publishedAt) ?? '') : 'Not stated');
  add('Accessed', escapeHtml(formatDate(citation.importedAt) ?? citation.importedAt));
  add('Language', citation.language ? escapeHtml(languageName(citation.language) ?? '') : null);
  add('Original file', citation.originalName ? `<bdi>${escapeHtml(citation.originalName)}</bdi>` : null);
  add('SHA-256', citation.sha256 ? `<span class="hash">${escapeHtml(citation.sha256)}</span>` : null);
  return `<dl class="citation">${rows.map(([t, d]) => `<dt>${t}</dt><dd>${d}</dd>`).join('')}</dl>`;
}

/** One line naming a quote's source: title, source, author, date, URL, accessed date. */
export function citationLine(citation: DossierCitation): string {
  const parts: string[] = [`<bdi><em>${escapeHtml(citation.title || 'Untitled')}</em></bdi>`];
  if (citation.source) parts.push(`<bdi>${escapeHtml(citation.source)}</bdi>`);
  if (citation.byline) parts.push(`<bdi>${escapeHtml(citation.byline)}</bdi>`);
  const published = formatDate(citation.publishedAt);
  if (published) parts.push(escapeHtml(published));
  let line = parts.join(', ');
  const url = urlLink(citation.url);
  if (url) line += `. ${url}`;
  const accessed = formatDate(citation.importedAt);
  if (accessed) line += ` (accessed ${escapeHtml(accessed)})`;
  return line;
}

/** The short form used inside notes: "Source, 4 Jan 2016". */
export function shortCitationHtml(citation: { title: string; source: string | null; publishedAt: string | null }): string {
  // Source and date are isolated separately: an Arabic source must not drag the date into its direction.
  const who = citation.source?.trim() || citation.title.trim() || 'Untitled';
  const when = formatShortDate(citation.publishedAt);
  return `<bdi>${escapeHtml(who)}</bdi>${when ? `, ${escapeHtml(when)}` : ''}`;
}

export function notice(title: string, text: string): string {
  return `<p class="notice"><strong>${escapeHtml(title)}</strong> ${escapeHtml(text)}</p>`;
}

export const ORPHANED_TEXT =
  'This passage is no longer found in the article’s current text; the quote is printed as it was highlighted.';

/** A quote's text as paragraphs (quotes may span paragraphs). */
export function quoteText(quote: string): string {
  return quote
    .split(/\n{2,}/)
    .map((p) => escapeHtml(p).replace(/\n/g, '<br>'))
    .join('<br><br>');
}

export interface QuoteFigureInput {
  readonly label: LabelLike | null;
  readonly quote: string;
  /** The analyst's note on the highlight, printed under the quote ('' for none). */
  readonly note?: string;
  readonly direction: 'ltr' | 'rtl';
  readonly language?: string | null;
  readonly anchorId?: string | null;
  /** Safe HTML for the caption after the label chip. */
  readonly captionHtml: string;
  /** Safe HTML after the caption (notices, links). */
  readonly after?: string;
  readonly classes?: readonly string[];
}

/** A highlighted passage printed as a block: coloured rule, quote, label and source, notices. */
export function quoteFigure(input: QuoteFigureInput): string {
  const id = input.anchorId ? ` id="${escapeHtml(input.anchorId)}"` : '';
  const classes = ['quote', ...(input.classes ?? [])].join(' ');
  const note = input.note?.trim() ? `<p class="anote" dir="auto">${escapeHtml(input.note.trim())}</p>` : '';
  return (
    `<figure class="${classes}"${id} style="${colourVars(input.label)}">` +
    `<blockquote dir="${input.direction === 'rtl' ? 'rtl' : 'ltr'}"${langAttr(input.language)}>${quoteText(input.quote)}</blockquote>` +
    `<figcaption>${chip(input.label)} ${input.captionHtml}</figcaption>${note}${input.after ?? ''}</figure>`
  );
}
