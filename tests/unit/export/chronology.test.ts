/**
 * The chronology section as the exporters render it (print view for PDF and HTML, Markdown), from a
 * resolved dossier whose events are placed by hand on the corpus articles' real text: what the
 * section prints does not depend on the extractor here (tests/unit/dossiers/chronology.test.ts runs
 * the whole path).
 */
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadDossierForExport, type DossierChronologyEvent, type DossierForExport } from '../../../electron/core/dossiers/model.js';
import { renderMarkdown } from '../../../electron/core/export/markdown.js';
import { EMPTY_CHRONOLOGY_TEXT } from '../../../electron/core/export/print-chronology.js';
import { renderPrintHtml } from '../../../electron/core/export/print-html.js';
import type { DossierCitation } from '../../../electron/core/export/types.js';
import { buildCorpusLibrary, type CorpusLibrary } from './corpus-library.js';

let lib: CorpusLibrary;
let base: DossierForExport;
let citations: { en: DossierCitation & { text: string }; ar: DossierCitation & { text: string } };

/** An event at `words` in the article's text, with its sentence (up to the surrounding full stops). */
function at(article: DossierCitation & { text: string }, words: string, date: string, extra: Partial<DossierChronologyEvent> = {}): DossierChronologyEvent {
  const { text } = article;
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in ${article.title}`);
  const sentenceStart = Math.max(text.lastIndexOf('.', start), text.lastIndexOf('\n', start)) + 1;
  const stop = text.slice(start).search(/[.\n]/);
  const sentenceEnd = stop < 0 ? text.length : start + stop + 1;
  const lead = text.slice(sentenceStart, sentenceEnd).search(/\S/);
  const sentence = text.slice(sentenceStart + lead, sentenceEnd);
  const precision = date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
  return {
    date,
    precision,
    kind: 'mention',
    title: null,
    sentence,
    mark: { start: start - sentenceStart - lead, end: start - sentenceStart - lead + words.length },
    start,
    end: start + words.length,
    annotationId: null,
    flags: [],
    citation: article,
    ...extra,
  };
}

function withChronology(events: readonly DossierChronologyEvent[], include = true): DossierForExport {
  return { ...base, includeChronology: include, chronology: events };
}

function events(): DossierChronologyEvent[] {
  const persian: DossierCitation & { text: string } = {
    ...citations.ar,
    articleId: 'art_not_in_dossier',
    title: 'گفت‌وگوی منامه و تهران',
    source: 'ایرنا',
    language: 'fa',
    url: 'https://fa.example.org/news/1',
    text: 'بحرین در ژانویه ۲۰۱۶ به پیروی از عربستان سعودی روابط خود را با ایران قطع کرده بود.',
  };
  return [
    at(citations.en, 'January 2016', '2016-01'),
    at(citations.ar, 'كانون الثاني/يناير ٢٠١٦', '2016-01'),
    at(persian, 'ژانویه ۲۰۱۶', '2016-01'),
    {
      ...at(citations.en, 'January 2016', '2016-01-03'),
      kind: 'highlight',
      title: 'Bahrain cuts ties',
      mark: null,
      sentence: 'severed diplomatic relations with Iran in January 2016',
      annotationId: lib.highlights.enEvidence,
    },
    at(citations.en, 'March 2023', '2023-03'),
    at(citations.en, 'In October', '2024-10', { flags: ['ambiguous'] }),
  ];
}

beforeAll(async () => {
  lib = await buildCorpusLibrary();
  base = loadDossierForExport(lib.library, lib.dossierId);
  const article = (id: string): DossierCitation & { text: string } => {
    for (const item of base.items) if (item.kind === 'article' && item.refId === id) return item.article;
    throw new Error(`article ${id} is not in the dossier`);
  };
  citations = { en: article(lib.articles.en), ar: article(lib.articles.ar) };
}, 60_000);

afterAll(() => lib?.dispose());

describe('chronology in the print view (PDF and HTML)', () => {
  test('is a section after the summary, listed in the contents, grouped by year', () => {
    const html = renderPrintHtml(withChronology(events()), { paper: 'a4' }).html;
    const doc = new JSDOM(html).window.document;
    const toc = [...doc.querySelectorAll('.toc li a')].map((a) => a.textContent);
    expect(toc.slice(0, 3)).toEqual(['Summary', 'Chronology', 'Sources']);
    const section = doc.querySelector('section.chronology');
    expect(section?.querySelector('h1')?.textContent).toBe('Chronology');
    expect([...section!.querySelectorAll('h2.chron-year')].map((h) => h.textContent)).toEqual(['2016', '2023', '2024']);
    // Summary, then chronology, then the items.
    expect(html.indexOf('class="summary"')).toBeLessThan(html.indexOf('class="chronology"'));
    expect(html.indexOf('class="chronology"')).toBeLessThan(html.indexOf('class="item heading"'));
  });

  test('prints each date at its precision, the sentence with the date in bold, and its citation', () => {
    const doc = new JSDOM(renderPrintHtml(withChronology(events()), { paper: 'a4' }).html).window.document;
    const rows = [...doc.querySelectorAll('.chron-event')];
    expect(rows.map((r) => r.querySelector('.chron-date')?.textContent)).toEqual([
      'January 2016',
      'January 2016',
      'January 2016',
      '3 January 2016',
      'March 2023',
      'October 2024',
    ]);
    const en = rows[0]!;
    expect(en.querySelector('.chron-mention')?.textContent).toBe('January 2016');
    expect(en.querySelector('.chron-sentence')?.textContent).toMatch(/^Bahrain followed Saudi Arabia’s suit and severed diplomatic relations/);
    // The English source is printed in this dossier: a short citation and a link to it.
    const link = en.querySelector('.chron-cite .ref a');
    expect(link?.getAttribute('href')).toMatch(/^#src-/);
    expect(doc.getElementById(link!.getAttribute('href')!.slice(1))).not.toBeNull();
    expect(en.querySelector('.chron-cite')?.textContent).toContain('Bahrain to keep coordinating with Iran');
  });

  test('sets Arabic and Persian sentences right to left with their language, dates isolated in bold', () => {
    const doc = new JSDOM(renderPrintHtml(withChronology(events()), { paper: 'a4' }).html).window.document;
    const rows = [...doc.querySelectorAll('.chron-event')];
    const ar = rows[1]!.querySelector('.chron-sentence')!;
    expect(ar.getAttribute('dir')).toBe('rtl');
    expect(ar.getAttribute('lang')).toBe('ar');
    expect(ar.querySelector('.chron-mention')?.textContent).toBe('كانون الثاني/يناير ٢٠١٦');
    const fa = rows[2]!;
    expect(fa.querySelector('.chron-sentence')?.getAttribute('dir')).toBe('rtl');
    expect(fa.querySelector('.chron-sentence')?.getAttribute('lang')).toBe('fa');
    // Not printed in the dossier: the full citation, with its URL.
    expect(fa.querySelector('.chron-cite a.url')?.getAttribute('href')).toBe('https://fa.example.org/news/1');
    expect(fa.querySelector('.chron-cite')?.textContent).toContain('ایرنا');
  });

  test('marks promoted highlights and doubtful dates', () => {
    const doc = new JSDOM(renderPrintHtml(withChronology(events()), { paper: 'a4' }).html).window.document;
    const highlight = doc.querySelector('.chron-event.highlight')!;
    expect(highlight.querySelector('.chron-date')?.textContent).toBe('3 January 2016');
    expect(highlight.querySelector('.chron-cite')?.textContent).toContain('Analyst’s highlight');
    expect(highlight.querySelector('.chron-mention')).toBeNull();
    expect(highlight.querySelector('.chron-title')?.textContent).toBe('Bahrain cuts ties');
    const flagged = doc.querySelector('.chron-event.flagged')!;
    expect(flagged.querySelector('.chron-cite')?.textContent).toContain('Date uncertain');
  });

  test('says so when there are no events, and is absent when the dossier does not include it', () => {
    const empty = renderPrintHtml(withChronology([]), { paper: 'a4' }).html;
    expect(empty).toContain(EMPTY_CHRONOLOGY_TEXT);
    const off = renderPrintHtml(withChronology(events(), false), { paper: 'a4' }).html;
    expect(off).not.toContain('class="chronology"');
    expect(off).not.toContain('>Chronology<');
  });

  test('prints page numbers for the sources it cites in the PDF passes', () => {
    const measure = renderPrintHtml(withChronology(events()), { paper: 'a4', pages: { kind: 'measure' } });
    const doc = new JSDOM(measure.html).window.document;
    expect(doc.querySelector('.chron-event .chron-cite .ref a')?.textContent).toBe('p. 000');
    expect(measure.anchors).toContain('chronology');
  });
});

describe('chronology in Markdown', () => {
  test('lists the events by year with dates, bold mentions and citations', () => {
    const md = renderMarkdown(withChronology(events()));
    expect(md).toContain('\n## Chronology\n');
    expect(md.indexOf('## Summary')).toBeLessThan(md.indexOf('## Chronology'));
    expect(md.indexOf('## Chronology')).toBeLessThan(md.indexOf('## Sources'));
    const section = md.slice(md.indexOf('## Chronology'), md.indexOf('## Sources'));
    expect(section.match(/^### \d{4}$/gm)).toEqual(['### 2016', '### 2023', '### 2024']);
    expect(section).toMatch(/^- \*\*January 2016\*\*: Bahrain followed Saudi Arabia’s suit and severed diplomatic relations with Iran in \*\*January 2016\*\*, after/m);
    expect(section).toContain('— *Bahrain to keep coordinating with Iran');
    expect(section).toContain('- **3 January 2016**: *Bahrain cuts ties.* severed diplomatic relations with Iran in January 2016 *(analyst’s highlight)*');
    expect(section).toContain('*(date uncertain)*');
  });

  test('keeps right-to-left sentences in order with Unicode isolates', () => {
    const md = renderMarkdown(withChronology(events()));
    const line = md.split('\n').find((l) => l.includes('كانون الثاني/يناير'));
    expect(line).toMatch(/^- \*\*January 2016\*\*: \u2068.*\*\*كانون الثاني\/يناير ٢٠١٦\*\*.*\u2069 — /);
  });

  test('is absent when not included, and says so when empty', () => {
    expect(renderMarkdown(withChronology(events(), false))).not.toContain('## Chronology');
    expect(renderMarkdown(withChronology([]))).toContain(`## Chronology\n\n*${EMPTY_CHRONOLOGY_TEXT.replace('’', '’')}*`);
  });
});
