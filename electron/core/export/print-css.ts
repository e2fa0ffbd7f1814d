/**
 * The print view's stylesheet: a briefing document, not a web page. Serif text, sans apparatus,
 * one accent colour, highlights as highlighter strokes. Paper size and margins are CSS (`@page`),
 * so Chromium (Playwright or Electron, with `preferCSSPageSize`) and a browser's own print agree.
 */
import type { Paper } from './types.js';
import { ARABIC, ARABIC_TEXT_CSS, SANS, SERIF } from './fonts.js';

export interface PaperGeometry {
  readonly cssSize: string;
  /** top right bottom left, CSS lengths */
  readonly margin: readonly [string, string, string, string];
  /** Height of the page's content box: the cover fills exactly one page. */
  readonly contentHeight: string;
  /** Inline padding of the running header/footer, aligned with the text column. */
  readonly sideMargin: string;
}

export const PAPER: Readonly<Record<Paper, PaperGeometry>> = {
  a4: { cssSize: 'A4', margin: ['24mm', '22mm', '22mm', '22mm'], contentHeight: '250mm', sideMargin: '22mm' },
  letter: { cssSize: 'letter', margin: ['0.95in', '0.9in', '0.9in', '0.9in'], contentHeight: '9.1in', sideMargin: '0.9in' },
};

/** A CSS string literal from any text: every character outside a safe set becomes an escape. */
export function cssString(value: string): string {
  let out = '"';
  for (const char of value) {
    if (/^[A-Za-z0-9 .,:;!?()\-_/]$/.test(char)) out += char;
    else out += `\\${char.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}

export interface CssOptions {
  readonly paper: Paper;
  /**
   * Running header/footer drawn by CSS page-margin boxes: for the HTML export printed from a browser.
   * The PDF path draws them with Chromium's header/footer templates instead (also what Electron uses).
   */
  readonly marginBoxes: null | { readonly title: string; readonly marking: string | null };
}

function marginBoxesCss(options: NonNullable<CssOptions['marginBoxes']>): string {
  const box = `font-family:'${SANS}',sans-serif;font-size:7.5pt;color:#555;`;
  const marking = options.marking
    ? `@top-center{content:${cssString(options.marking)};${box}font-weight:600;color:#222;}` +
      `@bottom-center{content:${cssString(options.marking)};${box}font-weight:600;color:#222;}`
    : '';
  return `@page{@top-left{content:${cssString(options.title)};${box}}${marking}` +
    `@bottom-right{content:"page " counter(page) " of " counter(pages);${box}}}` +
    `@page :first{@top-left{content:none}}`;
}

export function printCss(options: CssOptions): string {
  const paper = PAPER[options.paper];
  const [mt, mr, mb, ml] = paper.margin;
  return `
@page{size:${paper.cssSize};margin:${mt} ${mr} ${mb} ${ml};}
${options.marginBoxes ? marginBoxesCss(options.marginBoxes) : ''}
:root{--serif:'${SERIF}','${ARABIC}',serif;--sans:'${SANS}','${ARABIC}',sans-serif;--arabic:'${ARABIC}','${SERIF}',serif;
  --ink:#1c1c1c;--muted:#5b5b5b;--faint:#8a8a8a;--rule:#cfcfcf;--accent:#1f4e79;--warn:#9a3412;--warn-bg:#fff4e8;}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact;}
body{margin:0;font-family:var(--serif);font-size:10.5pt;line-height:1.55;color:var(--ink);font-kerning:normal;
  text-rendering:optimizeLegibility;orphans:3;widows:3;}
a{color:var(--accent);text-decoration:none;}
/* A URL moves to the next line whole rather than breaking at its hyphens; only one longer than a line breaks. */
a.url{display:inline-block;max-width:100%;text-decoration:underline;text-decoration-color:#9db3c8;text-underline-offset:2px;overflow-wrap:anywhere;}
/* pre-wrap keeps the space at a line break, so a wrapped heading's bookmark keeps its words apart */
h1,h2,h3,h4,h5,h6{font-weight:600;line-height:1.25;break-after:avoid;page-break-after:avoid;white-space:pre-wrap;}
.outline-name{position:absolute;margin:0!important;padding:0!important;border:0!important;white-space:nowrap;color:transparent!important;
  font-size:1px!important;line-height:1px!important;unicode-bidi:bidi-override;direction:ltr;}
h1,h2,h3,.kicker,.citation,.chip,.notice,.toc,.meta,figcaption{font-family:var(--sans);}
p{margin:0 0 .75em;}
blockquote{margin:0 0 .9em;padding-inline-start:1em;border-inline-start:2px solid var(--rule);color:#333;}
ul,ol{margin:0 0 .9em;padding-inline-start:1.6em;}
li{margin:.15em 0;}
li.nested{list-style:none;}
code{font-family:var(--sans);font-size:.9em;background:#f2f2f2;padding:0 .2em;border-radius:2px;}
.tab{white-space:pre;}
.kicker{font-size:7.5pt;font-weight:600;letter-spacing:.09em;text-transform:uppercase;color:var(--accent);margin:0 0 .3em;}
.muted{color:var(--muted);}
.num{font-variant-numeric:tabular-nums;}

/* Cover */
.cover{height:${paper.contentHeight};display:flex;flex-direction:column;justify-content:space-between;break-after:page;page-break-after:always;}
.cover .marking{font-family:var(--sans);font-weight:600;font-size:10pt;text-align:center;letter-spacing:.04em;
  border:1.5px solid var(--ink);padding:.35em .8em;margin:0 2px;}
/* (the 2px keep the right border inside the printable area: Chromium clips at the content edge) */
.cover .main{margin-top:18%;}
.cover .kicker{font-size:9pt;}
.cover h1{font-family:var(--serif);font-size:30pt;line-height:1.15;margin:.15em 0 .3em;font-weight:600;}
.cover .subtitle{font-size:15pt;font-style:italic;color:#3a3a3a;margin:0 0 1.4em;line-height:1.35;}
.cover .rule{width:5em;border:0;border-top:3px solid var(--accent);margin:0 0 1.4em;}
.cover .byline{font-family:var(--sans);font-size:10.5pt;margin:0 0 .2em;}
.cover .meta{font-size:8.5pt;color:var(--muted);margin-bottom:1em;}

/* Contents */
.section-title{font-size:17pt;margin:0 0 1em;}
.toc ol{list-style:none;margin:0;padding:0;font-size:10pt;}
.toc li{display:flex;align-items:baseline;margin:.35em 0;break-inside:avoid;}
.toc li.part{font-weight:600;margin-top:1em;}
.toc li.sub{padding-inline-start:1.4em;}
.toc .t{flex:0 1 auto;}
.toc .t a{color:var(--ink);}
.toc .kind{color:var(--faint);font-size:8pt;margin-inline-end:.5em;text-transform:uppercase;letter-spacing:.06em;}
.toc .dots{flex:1 1 2em;border-bottom:1px dotted #9a9a9a;margin:0 .4em;transform:translateY(-.25em);min-width:1.5em;}
.toc .pg{flex:0 0 2.6em;text-align:end;font-variant-numeric:tabular-nums;}

/* Items and sections: each source, note and part starts a page */
.summary,.toc,.item.heading,.item.article,.item.note,.appendix,.empty{break-before:page;page-break-before:always;}
.item.heading + .item.article,.item.heading + .item.note{break-before:auto;page-break-before:auto;}
.item.heading h1{font-size:20pt;margin:0 0 1.2em;padding-bottom:.3em;border-bottom:2px solid var(--accent);}
.item.heading + .item.annotation{margin-top:0;}
.item-title{font-family:var(--serif);font-size:18pt;margin:.1em 0 .7em;}
.citation{display:grid;grid-template-columns:8em 1fr;gap:.2em 1em;margin:0 0 1.3em;padding:.6em 0;font-size:8.3pt;
  line-height:1.45;border-top:1px solid var(--rule);border-bottom:1px solid var(--rule);}
.citation dt{color:var(--muted);}
.citation dd{margin:0;overflow-wrap:anywhere;}
.citation .hash{font-variant-numeric:tabular-nums;letter-spacing:.02em;font-size:7.6pt;}
.legend{font-family:var(--sans);font-size:8pt;color:var(--muted);margin:-.6em 0 1.2em;}
.legend .chip{margin-inline-start:.3em;}
.body h3,.body h4,.body h5,.body h6{font-family:var(--serif);font-size:12pt;margin:1.2em 0 .5em;}
.body[dir=rtl],.rtl-text{font-family:var(--arabic);font-size:1.1em;line-height:1.9;}
/* Right-to-left text (Arabic, Persian: bodies, quotes, titles, <bdi> names) as measured for a text layer that
   round-trips (fonts.ts): kerning would open gaps inside words that pdftotext and pdf.js read as spaces. */
:dir(rtl){${ARABIC_TEXT_CSS}}
.body[dir=rtl] p{text-align:right;}
mark.hl{color:inherit;border-radius:2px;padding:.08em 0;-webkit-box-decoration-break:clone;box-decoration-break:clone;}
sup.fn{font-family:var(--sans);font-size:.62em;font-weight:600;line-height:0;vertical-align:super;margin-inline-start:.1em;}
.chip{display:inline-block;font-size:7pt;font-weight:600;line-height:1.5;padding:0 .5em;border-radius:3px;
  border:1px solid var(--c);background:var(--t);color:var(--ink);white-space:nowrap;vertical-align:.08em;}
.notice{font-size:8.3pt;line-height:1.45;color:var(--warn);background:var(--warn-bg);border:1px solid #f0c9a5;
  border-radius:3px;padding:.35em .7em;margin:.4em 0 .9em;break-inside:avoid;}
.notice strong{font-weight:600;}
.endnotes{margin-top:1.6em;padding-top:.6em;border-top:1px solid var(--rule);font-size:9pt;line-height:1.45;}
.subhead{font-family:var(--sans);font-weight:600;font-size:9pt;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);margin:0 0 .6em;}
.endnotes ol{padding-inline-start:1.8em;}
.endnotes li{margin:.3em 0 .5em;break-inside:avoid;}
.endnotes .back{font-family:var(--sans);font-size:8pt;margin-inline-start:.3em;}
.orphans{margin-top:1.4em;}

/* Quotes (highlights, citations in notes, the appendix) */
figure.quote{margin:0 0 1.1em;padding:.55em .9em .5em;border-inline-start:4px solid var(--c);background:var(--t2);
  break-inside:avoid;page-break-inside:avoid;}
figure.quote blockquote{margin:0;padding:0;border:0;color:var(--ink);font-size:10.5pt;}
figure.quote blockquote[dir=rtl]{font-family:var(--arabic);font-size:11.5pt;line-height:1.85;}
figure.quote figcaption{font-size:8pt;line-height:1.45;color:var(--muted);margin-top:.45em;}
figure.quote .anote{font-family:var(--serif);font-size:9.5pt;color:#333;margin:.4em 0 0;}
figure.quote .anote::before{content:"Note: ";font-family:var(--sans);font-size:8pt;font-weight:600;color:var(--muted);}
figure.quote.orphaned blockquote,figure.quote.changed blockquote,figure.quote.deleted blockquote{color:#444;}
.ascited{font-size:9pt;margin:.3em 0 0;}
.appendix .ref{font-family:var(--sans);white-space:nowrap;}
.pgref{display:inline-block;min-width:1.9em;}
.item.annotation{margin-top:1.2em;}
.item.annotation + .item.annotation{margin-top:0;}
.item.note .note-body{margin-top:.4em;}
.item.missing h2{color:var(--warn);}
.summary .summary-body{font-size:11pt;}

/* Appendix */
.appendix h2.group{font-size:12pt;margin:1.6em 0 .8em;display:flex;align-items:center;gap:.6em;}
.appendix h2.group:first-of-type{margin-top:0;}
.appendix h2.group .swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;background:var(--c);}
.appendix h2.group .count{font-weight:400;color:var(--faint);font-size:9pt;}
.empty p{font-family:var(--sans);color:var(--muted);}

/* Chronology: a dated list grouped by year; the date column stays left, each sentence keeps its own direction */
.chronology{break-before:page;page-break-before:always;}
.chronology .chron-lead{font-family:var(--sans);font-size:8.5pt;color:var(--muted);margin-bottom:1.4em;}
.chron-year{font-size:13pt;margin:1.3em 0 .5em;padding-bottom:.2em;border-bottom:1px solid var(--rule);}
.chron-year:first-of-type{margin-top:0;}
.chron-list{list-style:none;margin:0 0 .6em;padding:0;}
.chron-event{display:grid;grid-template-columns:8.5em minmax(0,1fr);column-gap:1em;margin:0 0 .85em;break-inside:avoid;page-break-inside:avoid;}
.chron-date{font-family:var(--sans);font-size:9pt;font-weight:600;color:var(--accent);padding-top:.15em;font-variant-numeric:tabular-nums;}
.chron-title{margin:0 0 .1em;font-family:var(--sans);font-size:9.5pt;font-weight:600;}
.chron-sentence{margin:0;text-align:start;}
.chron-sentence[dir=rtl]{font-family:var(--naskh);font-size:11.5pt;line-height:1.85;}
.chron-event.highlight .chron-sentence{padding-inline-start:.6em;border-inline-start:3px solid var(--accent);}
.chron-cite{margin:.2em 0 0;font-family:var(--sans);font-size:8pt;line-height:1.45;color:var(--muted);}
.chron-cite .ref{white-space:nowrap;}
.chron-tag{font-weight:600;color:var(--accent);}
.chron-tag.warn{color:var(--warn);}


/* On screen (live preview, HTML file): pages as sheets */
.screen-marking{display:none;}
@media screen{
  html{background:#e9e9e7;}
  body{max-width:${options.paper === 'a4' ? '166mm' : '6.7in'};margin:24px auto;padding:${mt} ${ml};background:#fff;
    box-shadow:0 1px 4px rgba(0,0,0,.18);}
  .cover{height:auto;min-height:70vh;}
  .summary,.toc,.chronology,.item.heading,.item.article,.item.note,.appendix,.empty{margin-top:3em;padding-top:2.2em;border-top:1px dashed #bbb;}
  .item.heading + .item.article,.item.heading + .item.note{margin-top:0;padding-top:0;border-top:0;}
  .screen-marking{display:block;font-family:var(--sans);font-weight:600;font-size:8pt;text-align:center;color:#222;margin:0 0 1.5em;}
  .screen-marking.bottom{margin:3em 0 0;}
}
`;
}
