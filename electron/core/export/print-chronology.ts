/**
 * The print view's chronology section: the dossier's dated events grouped by year, each with its
 * date at its precision, the sentence it comes from (the date in bold, an Arabic or Persian sentence
 * set right to left in Naskh), and its citation, linked to the source where the dossier prints it.
 */
import { formatEventDate } from '../../common/event-date.js';
import { escapeHtml, formatShortDate } from './format.js';
import { citationLine, langAttr } from './print-parts.js';
import type { DossierChronologyEvent } from './types.js';

export const CHRONOLOGY_TITLE = 'Chronology';
export const EMPTY_CHRONOLOGY_TEXT = 'No dated events were found in this dossier’s sources.';

export interface ChronologyContext {
  /** A fresh id for an anchor. */
  uniqueId(base: string): string;
  /** Where the dossier prints this article, if it does. */
  sourceAnchor(articleId: string): string | undefined;
  /** The page an anchor is printed on ('000' while measuring; null without page numbers). */
  pageOf(anchorId: string): string | null;
}

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/** The sentence's own direction (its first strong character), whatever its article's direction. */
export function sentenceDirection(text: string, fallback: 'ltr' | 'rtl'): 'ltr' | 'rtl' {
  const strong = STRONG.exec(text);
  if (!strong) return fallback;
  return RTL.test(strong[0]) ? 'rtl' : 'ltr';
}

function sentenceHtml(event: DossierChronologyEvent): string {
  const { sentence, mark } = event;
  if (!mark || mark.start < 0 || mark.end > sentence.length || mark.start >= mark.end) return escapeHtml(sentence);
  return (
    escapeHtml(sentence.slice(0, mark.start)) +
    `<strong class="chron-mention">${escapeHtml(sentence.slice(mark.start, mark.end))}</strong>` +
    escapeHtml(sentence.slice(mark.end))
  );
}

function citeHtml(event: DossierChronologyEvent, ctx: ChronologyContext): string {
  const c = event.citation;
  const anchor = ctx.sourceAnchor(c.articleId);
  if (!anchor) return citationLine(c);
  // The source is printed in this dossier: a short citation and where to find it.
  const page = ctx.pageOf(anchor);
  const where = page === null ? 'see the source' : `p. <span class="pgref">${page}</span>`;
  const when = formatShortDate(c.publishedAt);
  const parts = [`<bdi><em>${escapeHtml(c.title || 'Untitled')}</em></bdi>`];
  if (c.source) parts.push(`<bdi>${escapeHtml(c.source)}</bdi>`);
  if (when) parts.push(escapeHtml(when));
  // The separator and the page reference stay together at a line break.
  return `${parts.join(', ')} <span class="ref">· <a href="#${anchor}">${where}</a></span>`;
}

function eventHtml(event: DossierChronologyEvent, ctx: ChronologyContext): string {
  const c = event.citation;
  const dir = sentenceDirection(event.sentence, c.direction);
  const notes: string[] = [];
  if (event.kind === 'highlight') notes.push('<span class="chron-tag">Analyst’s highlight</span>');
  if (event.flags.includes('future')) notes.push('<span class="chron-tag warn">Later than publication: check</span>');
  if (event.flags.includes('ambiguous')) notes.push('<span class="chron-tag warn">Date uncertain</span>');
  const classes = ['chron-event', event.kind === 'highlight' ? 'highlight' : '', event.flags.length ? 'flagged' : ''].filter(Boolean).join(' ');
  return (
    `<li class="${classes}"><span class="chron-date">${escapeHtml(formatEventDate(event.date))}</span>` +
    `<div class="chron-body">${event.title ? `<p class="chron-title" dir="auto">${escapeHtml(event.title)}</p>` : ''}` +
    `<p class="chron-sentence" dir="${dir}"${dir === c.direction ? langAttr(c.language) : ''}>${sentenceHtml(event)}</p>` +
    `<p class="chron-cite">${notes.join(' ')}${notes.length ? ' ' : ''}${citeHtml(event, ctx)}</p></div></li>`
  );
}

/** The section's HTML, and the anchor of its title (for the contents). */
export function chronologySection(events: readonly DossierChronologyEvent[], ctx: ChronologyContext): { html: string; anchorId: string } {
  const anchorId = ctx.uniqueId('chronology');
  const years = new Map<string, DossierChronologyEvent[]>();
  for (const event of events) {
    const year = event.date.slice(0, 4);
    const list = years.get(year) ?? [];
    list.push(event);
    years.set(year, list);
  }
  const body = events.length
    ? [...years.entries()]
        .map(([year, list]) => `<h2 class="chron-year">${escapeHtml(year)}</h2><ol class="chron-list">${list.map((e) => eventHtml(e, ctx)).join('')}</ol>`)
        .join('')
    : `<p class="muted">${EMPTY_CHRONOLOGY_TEXT}</p>`;
  const lead = events.length
    ? `<p class="chron-lead">Dated events in the sources of this dossier, earliest first. Dates are given as precisely as the text states them; highlights dated by the analyst take the place of the dates found in them.</p>`
    : '';
  return {
    anchorId,
    html: `<section class="chronology"><h1 class="section-title" id="${anchorId}">${CHRONOLOGY_TITLE}</h1>${lead}${body}</section>`,
  };
}
