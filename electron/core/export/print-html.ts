/**
 * THE print view: one function that turns a resolved dossier into one complete, self-contained HTML
 * document (styles and fonts inlined, no scripts, no external references). The PDF (Playwright or
 * Electron), the HTML export and the app's live preview all use it.
 *
 * Page numbers: Chromium cannot compute "the page this heading lands on" (no `target-counter`), so the
 * PDF path renders twice. Every place whose page is printed is the target of an internal link, which
 * Chromium writes as a named destination; the `measure` pass prints placeholder numbers, its PDF says
 * where each destination landed, and the `final` pass prints those numbers in boxes of the same width,
 * so nothing moves between the passes.
 */
import { documentPlainText, parseDocument, type ArticleDocument, type SerializedNode } from '../../common/document.js';
import { isCitationNode, type SerializedCitationNode } from '../../common/note-document.js';
import { fontFaceCss } from './fonts.js';
import { escapeHtml, formatDate, highlightTint } from './format.js';
import { renderDocumentHtml, type HighlightRange } from './lexical-html.js';
import { chronologySection, CHRONOLOGY_TITLE } from './print-chronology.js';
import { printCss } from './print-css.js';
import {
  chip,
  citationBlock,
  citationLine,
  colourVars,
  langAttr,
  notice,
  ORPHANED_TEXT,
  quoteFigure,
  shortCitationHtml,
  urlLink,
  type LabelLike,
} from './print-parts.js';
import type {
  ArticleItem,
  DossierAnnotation,
  DossierCitation,
  DossierForExport,
  DossierNote,
  MissingItem,
  Paper,
} from './types.js';

export type PageMode =
  /** No page numbers (HTML file, live preview): links only. */
  | { readonly kind: 'none' }
  /** First PDF pass: placeholder numbers of the same width as the real ones. */
  | { readonly kind: 'measure' }
  /** Second PDF pass: the page of each anchor. */
  | { readonly kind: 'final'; readonly pages: ReadonlyMap<string, number> };

export interface PrintHtmlOptions {
  readonly paper: Paper;
  readonly pages?: PageMode;
  /**
   * Draw the running header/footer with CSS page-margin boxes (a browser printing the HTML file).
   * Off for the PDF path, where Chromium's header/footer templates draw them. Default: on when
   * there are no page numbers (the HTML file).
   */
  readonly marginBoxes?: boolean;
  /** Inline the fonts (default true). */
  readonly embedFonts?: boolean;
}

export interface PrintDocument {
  readonly html: string;
  /**
   * Anchors whose page numbers the document prints (contents, appendix). Each is the target of an
   * internal link, so Chromium writes it as a named destination: the PDF says which page it is on.
   */
  readonly anchors: readonly string[];
}

export const EMPTY_DOSSIER_TEXT = 'This dossier has no items yet.';

interface TocEntry {
  readonly anchorId: string;
  readonly titleHtml: string;
  readonly kind: string;
  readonly level: 'part' | 'top' | 'sub';
}

interface AppendixEntry {
  readonly annotation: DossierAnnotation;
  readonly citation: DossierCitation | null;
  readonly anchorId: string;
}

/** A document that is exactly `text` in Lexical's plain-text rule: used when the stored body disagrees. */
function documentMatchingText(text: string, direction: 'ltr' | 'rtl'): ArticleDocument {
  const paragraphs = text.split('\n\n').map((part) => {
    const children: SerializedNode[] = [];
    part.split('\n').forEach((line, i) => {
      if (i > 0) children.push({ type: 'linebreak', version: 1 });
      if (line) children.push({ type: 'text', text: line, format: 0, detail: 0, mode: 'normal', style: '', version: 1 });
    });
    return { type: 'paragraph' as const, children, direction, format: '' as const, indent: 0, version: 1 as const, textFormat: 0, textStyle: '' };
  });
  return { root: { type: 'root', children: paragraphs, direction, format: '', indent: 0, version: 1 } };
}

/** The article's document, guaranteed to agree with the plain text the highlight offsets index. */
function articleDocument(bodyJson: string, text: string, direction: 'ltr' | 'rtl'): ArticleDocument {
  try {
    const doc = parseDocument(bodyJson);
    if (documentPlainText(doc) === text) return doc;
  } catch {
    // fall through: print the plain text rather than fail the export
  }
  return documentMatchingText(text, direction);
}

/** True when the text's first strong character is right-to-left (Arabic, Persian, Hebrew…). */
export function startsRtl(text: string): boolean {
  const strong = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.exec(text);
  return strong !== null && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.test(strong[0]);
}

/**
 * A heading. Chromium builds the PDF outline (bookmarks) from the painted text of headings, in
 * visual order: a right-to-left title would be bookmarked with its words reversed. For those, the
 * visible heading is hidden from the outline and accessibility tree, and an invisible one-line copy,
 * laid out in logical order, names the bookmark (screen readers read it too).
 */
function heading(tag: string, attrs: string, text: string): string {
  if (!startsRtl(text)) return `<${tag}${attrs} dir="auto">${escapeHtml(text)}</${tag}>`;
  return (
    `<${tag} class="outline-name" dir="ltr">${escapeHtml(text)}</${tag}>` +
    `<${tag}${attrs} dir="rtl" aria-hidden="true">${escapeHtml(text)}</${tag}>`
  );
}

function isPlaced(a: DossierAnnotation, textLength: number): a is DossierAnnotation & { start: number; end: number } {
  return a.status === 'anchored' && a.start !== null && a.end !== null && a.start >= 0 && a.end <= textLength && a.start < a.end;
}

class PrintBuilder {
  private readonly usedIds = new Set<string>();
  readonly toc: TocEntry[] = [];
  readonly quotes: AppendixEntry[] = [];
  private readonly quoted = new Set<string>();
  private afterHeading = false;
  /** Where each article item starts: notes link their citations to the source in this dossier. */
  private readonly articleAnchors = new Map<string, string>();

  constructor(
    private readonly dossier: Readonly<DossierForExport>,
    private readonly pages: PageMode,
  ) {}

  uniqueId(base: string): string {
    const clean = base.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60) || 'x';
    let id = clean;
    for (let n = 2; this.usedIds.has(id); n++) id = `${clean}-${n}`;
    this.usedIds.add(id);
    return id;
  }

  /** The page number of an anchor as printed (placeholder in the measure pass, '' without pages). */
  pageOf(anchorId: string): string | null {
    if (this.pages.kind === 'none') return null;
    if (this.pages.kind === 'measure') return '000';
    const page = this.pages.pages.get(anchorId);
    return page === undefined ? '' : String(page);
  }

  private titleTag(): 'h1' | 'h2' {
    return this.afterHeading ? 'h2' : 'h1';
  }

  private addQuote(annotation: DossierAnnotation, citation: DossierCitation | null, anchorId: string): void {
    if (this.quoted.has(annotation.id)) return;
    this.quoted.add(annotation.id);
    this.quotes.push({ annotation, citation, anchorId });
  }

  // ---- Items ----

  renderItems(): string {
    // Articles first get their anchors so notes can link to a source printed later in the dossier.
    this.dossier.items.forEach((item) => {
      if (item.kind === 'article' && !this.articleAnchors.has(item.refId)) {
        this.articleAnchors.set(item.refId, this.uniqueId(`src-${item.position + 1}`));
      }
    });
    const out: string[] = [];
    let pendingHighlights: TocEntry | null = null;
    for (const item of this.dossier.items) {
      if (item.kind !== 'annotation' && !(item.kind === 'missing' && item.refKind === 'annotation')) pendingHighlights = null;
      switch (item.kind) {
        case 'heading':
          out.push(this.heading(item.text, item.position));
          break;
        case 'article':
          out.push(this.article(item));
          break;
        case 'annotation': {
          const anchorId = this.uniqueId(`hl-${item.position + 1}`);
          // Consecutive highlights share one contents entry.
          if (!pendingHighlights) {
            pendingHighlights = { anchorId, titleHtml: 'Highlights', kind: 'Quotes', level: this.afterHeading ? 'sub' : 'top' };
            this.toc.push(pendingHighlights);
          }
          out.push(this.highlightItem(item.annotation, item.citation, anchorId));
          break;
        }
        case 'note':
          out.push(this.note(item.note, item.position));
          break;
        case 'missing':
          out.push(this.missing(item));
          break;
      }
    }
    return out.join('\n');
  }

  private heading(text: string, position: number): string {
    const anchorId = this.uniqueId(`part-${position + 1}`);
    this.toc.push({ anchorId, titleHtml: escapeHtml(text), kind: '', level: 'part' });
    this.afterHeading = true;
    return `<section class="item heading">${heading('h1', ` id="${anchorId}"`, text)}</section>`;
  }

  private sectionHead(kicker: string, anchorId: string, title: string, tocKind: string): string {
    const tag = this.titleTag();
    this.toc.push({ anchorId, titleHtml: `<bdi>${escapeHtml(title)}</bdi>`, kind: tocKind, level: this.afterHeading ? 'sub' : 'top' });
    return `<p class="kicker">${escapeHtml(kicker)}</p>${heading(tag, ` class="item-title" id="${anchorId}"`, title)}`;
  }

  private article(item: ArticleItem): string {
    const a = item.article;
    const anchorId = this.articleAnchors.get(item.refId) ?? this.uniqueId(`src-${item.position + 1}`);
    const headingLevel = this.afterHeading ? 2 : 1;
    const head =
      `<header class="article-head">${this.sectionHead(item.highlightsOnly ? 'Source · highlights' : 'Source', anchorId, a.title || 'Untitled', 'Source')}` +
      `${citationBlock(a)}</header>`;
    const placed = a.annotations.filter((x) => isPlaced(x, a.text.length));
    const unplaced = a.annotations.filter((x) => !isPlaced(x, a.text.length));
    const usedLabels = new Map<string, LabelLike>();
    for (const x of a.annotations) if (x.label) usedLabels.set(x.label.id, x.label);
    const legend = usedLabels.size
      ? `<p class="legend">Highlights: ${[...usedLabels.values()].map((l) => chip(l)).join(' ')}</p>`
      : '';
    const dirAttr = ` dir="${a.direction}"${langAttr(a.language)}`;
    const sectionOpen = `<article class="item article">`;

    if (item.highlightsOnly) {
      const figures = [...placed, ...unplaced].map((x) => {
        const id = this.uniqueId(`q-${item.position + 1}-${x.id}`);
        this.addQuote(x, a, id);
        return quoteFigure({
          label: x.label,
          quote: x.quote,
          note: x.note,
          direction: a.direction,
          language: a.language,
          anchorId: id,
          captionHtml: '',
          after: x.status === 'orphaned' ? notice('Orphaned highlight.', ORPHANED_TEXT) : '',
          classes: x.status === 'orphaned' ? ['orphaned'] : [],
        });
      });
      const body = figures.length ? figures.join('') : `<p class="muted">This source has no highlights.</p>`;
      return `${sectionOpen}${head}${legend}<div class="highlights"${dirAttr}>${body}</div></article>`;
    }

    let noteNumber = 0;
    const endnotes: string[] = [];
    const ranges: HighlightRange[] = placed.map((x) => {
      const id = this.uniqueId(`q-${item.position + 1}-${x.id}`);
      this.addQuote(x, a, id);
      const hasNote = x.note.trim() !== '';
      const number = hasNote ? ++noteNumber : null;
      const noteAnchorId = hasNote ? this.uniqueId(`n-${item.position + 1}-${number}`) : null;
      if (hasNote && noteAnchorId) {
        endnotes.push(
          `<li id="${noteAnchorId}">${chip(x.label)} <span dir="auto">${escapeHtml(x.note.trim())}</span>` +
            `<a class="back" href="#${id}" aria-label="back to the highlight">↑</a></li>`,
        );
      }
      return {
        start: x.start,
        end: x.end,
        tint: highlightTint(x.label?.color ?? null),
        anchorId: id,
        labelName: x.label?.name ?? null,
        noteNumber: number,
        noteAnchorId,
      };
    });
    const doc = articleDocument(a.bodyJson, a.text, a.direction);
    const body = renderDocumentHtml(doc, { highlights: ranges, headingShift: headingLevel + 1 });
    const notes = endnotes.length
      ? `<section class="endnotes"><p class="subhead">Notes</p><ol>${endnotes.join('')}</ol></section>`
      : '';
    const orphans = unplaced.length
      ? `<section class="orphans"><p class="subhead">Orphaned highlights</p>${notice(
          'Not in the current text.',
          unplaced.length === 1
            ? 'This highlight no longer matches the article’s text; its quote is printed as it was highlighted.'
            : 'These highlights no longer match the article’s text; their quotes are printed as they were highlighted.',
        )}` +
        unplaced
          .map((x) => {
            const id = this.uniqueId(`q-${item.position + 1}-${x.id}`);
            this.addQuote(x, a, id);
            return quoteFigure({
              label: x.label,
              quote: x.quote,
              note: x.note,
              direction: a.direction,
              language: a.language,
              anchorId: id,
              captionHtml: '',
              classes: ['orphaned'],
            });
          })
          .join('') +
        `</section>`
      : '';
    return `${sectionOpen}${head}${legend}<div class="body"${dirAttr}>${body}</div>${notes}${orphans}</article>`;
  }

  private highlightItem(annotation: DossierAnnotation, citation: DossierCitation, anchorId: string): string {
    this.addQuote(annotation, citation, anchorId);
    return (
      `<section class="item annotation">` +
      quoteFigure({
        label: annotation.label,
        quote: annotation.quote,
        note: annotation.note,
        direction: citation.direction,
        language: citation.language,
        anchorId,
        captionHtml: citationLine(citation),
        after: annotation.status === 'orphaned' ? notice('Orphaned highlight.', ORPHANED_TEXT) : '',
        classes: annotation.status === 'orphaned' ? ['orphaned'] : [],
      }) +
      `</section>`
    );
  }

  private note(note: DossierNote, position: number): string {
    const anchorId = this.uniqueId(`note-${position + 1}`);
    const headingLevel = this.afterHeading ? 2 : 1;
    const head = this.sectionHead('Analyst note', anchorId, note.title || 'Untitled note', 'Note');
    const about = note.article
      ? `<p class="meta muted">On ${this.sourceLink(note.article)}</p>`
      : '';
    let body: string;
    try {
      const doc = parseDocument(note.bodyJson);
      body = renderDocumentHtml(doc, {
        headingShift: headingLevel + 1,
        custom: (node) => (isCitationNode(node) ? this.citation(note, node, position) : null),
      });
    } catch {
      body = `<p dir="auto">${escapeHtml(note.text).replace(/\n/g, '<br>')}</p>`;
    }
    return `<section class="item note"><header>${head}${about}</header><div class="note-body">${body}</div></section>`;
  }

  /** The article's title, linked to where it is printed in this dossier when it is. */
  private sourceLink(citation: { articleId: string; title: string }): string {
    const target = this.articleAnchors.get(citation.articleId);
    const title = `<bdi><em>${escapeHtml(citation.title || 'Untitled')}</em></bdi>`;
    return target ? `<a href="#${target}">${title}</a>` : title;
  }

  private citation(note: DossierNote, node: SerializedCitationNode, position: number): string {
    const c = note.citations.find((x) => x.annotationId === node.annotationId);
    const anchorId = this.uniqueId(`c-${position + 1}-${node.annotationId}`);
    if (!c || !c.annotation) {
      const snapshot = c?.snapshot ?? node;
      const caption = snapshot.articleTitle || snapshot.source
        ? shortCitationHtml({ title: snapshot.articleTitle ?? '', source: snapshot.source, publishedAt: snapshot.publishedAt })
        : 'source unknown';
      return quoteFigure({
        label: null,
        quote: node.quote,
        direction: 'ltr',
        captionHtml: `${caption} · as cited`,
        after: notice('Highlight deleted.', c?.statusText || 'The highlight has been deleted.'),
        classes: ['deleted', 'cited'],
      });
    }
    const annotation = c.annotation;
    const citation = c.citation;
    if (citation) this.addQuote(annotation, citation, anchorId);
    let caption = citation ? `${shortCitationHtml(citation)}` : 'source deleted';
    if (citation) {
      const url = urlLink(citation.url);
      const inDossier = this.articleAnchors.get(citation.articleId);
      caption += inDossier ? ` · <a href="#${inDossier}">see the source</a>` : url ? ` · ${url}` : '';
    }
    let after = '';
    if (c.status === 'changed') {
      after =
        notice('Changed since cited.', c.statusText) +
        `<p class="ascited"><span class="muted">As cited:</span> <span dir="auto">${escapeHtml(c.quote)}</span></p>`;
    } else if (c.status === 'orphaned') {
      after = notice('Orphaned highlight.', c.statusText);
    }
    return quoteFigure({
      label: annotation.label,
      quote: annotation.quote,
      direction: citation?.direction ?? 'ltr',
      language: citation?.language ?? null,
      anchorId,
      captionHtml: caption,
      after,
      classes: ['cited', c.status],
    });
  }

  private missing(item: MissingItem): string {
    if (item.refKind === 'annotation') {
      return `<section class="item annotation missing">${notice('Highlight deleted.', item.message)}</section>`;
    }
    const anchorId = this.uniqueId(`missing-${item.position + 1}`);
    const kicker = item.refKind === 'article' ? 'Source deleted' : 'Note deleted';
    const title = item.refTitle || (item.refKind === 'article' ? 'Deleted source' : 'Deleted note');
    const cls = item.refKind === 'article' ? 'article' : 'note';
    return (
      `<section class="item ${cls} missing">${this.sectionHead(kicker, anchorId, title, item.refKind === 'article' ? 'Source' : 'Note')}` +
      `${notice(item.refKind === 'article' ? 'Source deleted.' : 'Note deleted.', item.message)}</section>`
    );
  }

  // ---- Front matter and appendix ----

  cover(stats: { sources: number; quotes: number; notes: number }, generatedAt: string): string {
    const d = this.dossier;
    const marking = d.marking ? `<div class="marking">${escapeHtml(d.marking)}</div>` : '<div></div>';
    const date = formatDate(d.date) ?? formatDate(generatedAt) ?? '';
    const counts = [
      `${stats.sources} source${stats.sources === 1 ? '' : 's'}`,
      `${stats.quotes} quote${stats.quotes === 1 ? '' : 's'}`,
      `${stats.notes} note${stats.notes === 1 ? '' : 's'}`,
    ].join(' · ');
    return (
      `<section class="cover">${marking}<div class="main"><p class="kicker">Dossier</p>` +
      heading('h1', ' id="cover"', d.title || 'Untitled dossier') +
      (d.subtitle ? `<p class="subtitle" dir="auto">${escapeHtml(d.subtitle)}</p>` : '') +
      `<hr class="rule">` +
      (d.author ? `<p class="byline" dir="auto">${escapeHtml(d.author)}</p>` : '') +
      `<p class="meta">${escapeHtml(date)}</p></div>` +
      `<div><p class="meta">${escapeHtml(counts)}. Compiled with Quire on ${escapeHtml(formatDate(generatedAt) ?? '')}.` +
      ` Every quote is cited to its source; SHA-256 digests identify the original files.</p>${marking}</div></section>`
    );
  }

  summary(): string {
    const s = this.dossier.summary;
    if (!s.text.trim()) return '';
    const anchorId = this.uniqueId('summary');
    this.toc.unshift({ anchorId, titleHtml: 'Summary', kind: '', level: 'top' });
    let body: string;
    try {
      body = s.json ? renderDocumentHtml(parseDocument(s.json), { headingShift: 1 }) : '';
    } catch {
      body = '';
    }
    if (!body) body = `<p dir="auto">${escapeHtml(s.text).replace(/\n\n+/g, '</p><p dir="auto">').replace(/\n/g, '<br>')}</p>`;
    return `<section class="summary"><h1 class="section-title" id="${anchorId}">Summary</h1><div class="summary-body">${body}</div></section>`;
  }

  /** The chronology section (when the dossier includes one), listed in the contents after the summary. */
  chronology(): string {
    if (!this.dossier.includeChronology) return '';
    const section = chronologySection(this.dossier.chronology, {
      uniqueId: (base) => this.uniqueId(base),
      sourceAnchor: (articleId) => this.articleAnchors.get(articleId),
      pageOf: (anchorId) => this.pageOf(anchorId),
    });
    this.toc.unshift({ anchorId: section.anchorId, titleHtml: CHRONOLOGY_TITLE, kind: '', level: 'top' });
    return section.html;
  }

  appendix(): string {
    if (this.quotes.length === 0) return '';
    const anchorId = this.uniqueId('appendix');
    this.toc.push({ anchorId, titleHtml: 'Appendix: quotes by label', kind: '', level: 'part' });
    const groups = new Map<string, { label: LabelLike | null; entries: AppendixEntry[] }>();
    for (const label of this.dossier.labels) groups.set(label.id, { label, entries: [] });
    for (const entry of this.quotes) {
      const key = entry.annotation.label?.id ?? '';
      let group = groups.get(key);
      if (!group) {
        group = { label: entry.annotation.label, entries: [] };
        groups.set(key, group);
      }
      group.entries.push(entry);
    }
    // Unlabelled quotes last.
    const unlabelled = groups.get('');
    groups.delete('');
    if (unlabelled) groups.set('', unlabelled);
    const sections = [...groups.values()]
      .filter((g) => g.entries.length > 0)
      .map((g) => {
        const name = g.label?.name ?? 'No label';
        const figures = g.entries.map((e) => {
          const page = this.pageOf(e.anchorId);
          const where = page === null ? 'in the text' : `p. <span class="pgref">${page}</span>`;
          const direction = e.citation?.direction ?? 'ltr';
          return quoteFigure({
            label: e.annotation.label,
            quote: e.annotation.quote,
            direction,
            language: e.citation?.language ?? null,
            captionHtml:
              (e.citation ? citationLine(e.citation) : 'Source deleted') +
              ` <a class="ref" href="#${e.anchorId}">↑ ${where}</a>`,
            after: e.annotation.status === 'orphaned' ? notice('Orphaned highlight.', ORPHANED_TEXT) : '',
            classes: ['appendix-quote', ...(e.annotation.status === 'orphaned' ? ['orphaned'] : [])],
          });
        });
        return (
          `<h2 class="group" style="${colourVars(g.label)}"><span class="swatch"></span><bdi>${escapeHtml(name)}</bdi>` +
          `<span class="count" aria-hidden="true">${g.entries.length}</span></h2>${figures.join('')}`
        );
      });
    return `<section class="appendix"><h1 class="section-title" id="${anchorId}">Appendix: quotes by label</h1>${sections.join('')}</section>`;
  }

  contents(): string {
    if (this.toc.length === 0) return '';
    const anchorId = this.uniqueId('contents');
    const entries = this.toc.map((e) => {
      const page = this.pageOf(e.anchorId);
      const kind = e.kind ? `<span class="kind">${escapeHtml(e.kind)}</span>` : '';
      const pg = page === null ? '' : `<span class="dots"></span><span class="pg">${page}</span>`;
      return `<li class="${e.level}"><span class="t">${kind}<a href="#${e.anchorId}">${e.titleHtml}</a></span>${pg}</li>`;
    });
    return `<nav class="toc" aria-labelledby="${anchorId}"><h1 class="section-title" id="${anchorId}">Contents</h1><ol>${entries.join('')}</ol></nav>`;
  }
}

/**
 * The measure pass only needs where things land: with everything invisible the layout is identical
 * (visibility does not move anything, and named destinations are still written) but Chromium paints
 * nothing, which makes that pass about 40% cheaper.
 */
const LAYOUT_ONLY_CSS = 'html,body,body *{visibility:hidden!important;}';

function head(dossier: Readonly<DossierForExport>, options: PrintHtmlOptions, marginBoxes: boolean): string {
  const css =
    printCss({
      paper: options.paper,
      marginBoxes: marginBoxes ? { title: dossier.title, marking: dossier.marking } : null,
    }) + (options.pages?.kind === 'measure' ? LAYOUT_ONLY_CSS : '');
  const fonts = options.embedFonts === false ? '' : fontFaceCss();
  // The CSP keeps the file inert even when opened in a browser: nothing may run or load.
  return (
    `<head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'">` +
    `<meta name="generator" content="Quire">` +
    `<title>${escapeHtml(dossier.title || 'Dossier')}</title>` +
    `<style>${fonts}\n${css}</style></head>`
  );
}

/** Renders the dossier to one self-contained HTML document. */
export function renderPrintHtml(dossier: Readonly<DossierForExport>, options: PrintHtmlOptions): PrintDocument {
  const pages = options.pages ?? { kind: 'none' };
  const builder = new PrintBuilder(dossier, pages);
  const items = builder.renderItems();
  // Before the summary: both go to the front of the contents, the summary first.
  const chronology = builder.chronology();
  const summary = builder.summary();
  const appendix = builder.appendix();
  const contents = builder.contents();
  const stats = {
    sources: dossier.items.filter((i) => i.kind === 'article').length,
    quotes: builder.quotes.length,
    notes: dossier.items.filter((i) => i.kind === 'note').length,
  };
  const cover = builder.cover(stats, dossier.generatedAt);
  const empty =
    dossier.items.length === 0
      ? `<section class="empty"><h1 class="section-title">No items</h1><p>${EMPTY_DOSSIER_TEXT} Add sources, highlights or notes to it, then export again.</p></section>`
      : '';
  const marking = dossier.marking ? escapeHtml(dossier.marking) : '';
  const marginBoxes = options.marginBoxes ?? pages.kind === 'none';
  const html =
    `<!DOCTYPE html><html lang="en" dir="ltr">${head(dossier, options, marginBoxes)}<body>` +
    (marking ? `<div class="screen-marking">${marking}</div>` : '') +
    cover + contents + summary + chronology + items + empty + appendix +
    (marking ? `<div class="screen-marking bottom">${marking}</div>` : '') +
    `</body></html>`;
  return { html, anchors: [...new Set([...builder.toc.map((e) => e.anchorId), ...builder.quotes.map((q) => q.anchorId)])] };
}
