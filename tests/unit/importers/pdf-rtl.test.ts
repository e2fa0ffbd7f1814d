/**
 * Arabic and Persian PDFs import as logical-order text: every word of the source whole, in order, no
 * presentation forms, direction and language detected; from three producers (tests/fixtures/pdf-rtl).
 * Plus the line rebuilding itself on runs as pdf.js gives them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { describe, expect, it } from 'vitest';
import { checkWords } from '../../../electron/core/export/text-check.js';
import { extractArticle } from '../../../electron/core/importers/index.js';
import { markedContentOperators } from '../../../electron/core/importers/pdf-actual-text.js';
import { cleanPdfText, pageLines, repairRtlText } from '../../../electron/core/importers/pdf-lines.js';
import { FIXTURES } from './fixtures.js';

const DIR = join(FIXTURES, 'pdf-rtl');

function source(name: string): { title: string; paragraphs: string[] } {
  const html = readFileSync(join(DIR, `${name}.html`), 'utf8');
  const text = (s: string): string => s.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
  return {
    title: text(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? ''),
    paragraphs: [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => text(m[1] ?? '')),
  };
}

const CASES = [
  ['statement.ar', 'ar'],
  ['report.fa', 'fa'],
] as const;
const PRODUCERS = ['chromium', 'libreoffice', 'legacy'] as const;

describe('Arabic and Persian PDFs', () => {
  for (const [name, language] of CASES) {
    for (const producer of PRODUCERS) {
      it(`${name} from ${producer}: every word whole and in logical order, RTL, ${language}`, async () => {
        const { title, paragraphs } = source(name);
        const article = await extractArticle({ name: `${name}.pdf`, bytes: new Uint8Array(readFileSync(join(DIR, `${name}.${producer}.pdf`))) });
        expect(article.direction).toBe('rtl');
        expect(article.language).toBe(language);
        expect(checkWords(title, article.title).missing).toEqual([]);
        const text = article.blocks.map((b) => (b.type === 'list' ? '' : b.children.map((c) => c.text).join(''))).join('\n');
        expect(text).not.toMatch(/[\ufb50-\ufdff\ufe70-\ufefc]/u);
        expect(text).not.toContain('\u0000');
        for (const paragraph of paragraphs) {
          const check = checkWords(paragraph, text);
          expect(check.missing, paragraph.slice(0, 40)).toEqual([]);
          expect(check.inOrder, paragraph.slice(0, 40)).toBe(true);
        }
        // Paragraphs are rebuilt, not one block per line (LibreOffice's tight spacing may merge two).
        expect(article.blocks.length).toBeGreaterThanOrEqual(2);
        expect(article.blocks.length).toBeLessThanOrEqual(paragraphs.length + 1);
      });
    }
  }
});

/** A pdf.js text run: `str` in logical order (pdf.js applies bidi per run), boxes in page units. */
function run(str: string, x: number, width: number, y = 700, size = 12): TextItem {
  return { str, dir: 'rtl', transform: [size, 0, 0, size, x, y], width, height: size, fontName: 'f', hasEOL: false };
}

describe('line rebuilding', () => {
  it('orders right-to-left runs from right to left and keeps numbers and Latin left to right', () => {
    // "وقعت الاتفاقية في 10 آذار 2023 مع IRNA" drawn left to right on the page.
    const items = [run('IRNA', 10, 30), run('مع', 45, 15), run('2023', 65, 25), run('آذار', 95, 25), run('10', 125, 12), run('في', 142, 12), run('الاتفاقية', 159, 45), run('وقعت', 209, 25)];
    expect(pageLines(items).map((l) => l.text)).toEqual(['وقعت الاتفاقية في 10 آذار 2023 مع IRNA']);
    expect(pageLines(items)[0]?.rtl).toBe(true);
  });

  it('keeps an Arabic phrase inside an English line right to left', () => {
    // "The statement said التنسيق مستمر today.": the Arabic phrase reads right to left, so its first word is drawn to the right.
    const items = [run('The statement said', 10, 100), run('مستمر', 115, 30), run('التنسيق', 150, 35), run('today.', 190, 30)];
    expect(pageLines(items).map((l) => l.text)).toEqual(['The statement said التنسيق مستمر today.']);
  });

  it('attaches a mark drawn as its own run to the letter under it', () => {
    const items = [run('المملكة', 10, 40), run(' ّ', 58, 0), run('ن', 55, 8), run('أ', 63, 4)];
    expect(pageLines(items).map((l) => l.text)).toEqual(['أنّ المملكة']);
  });

  it('reads ActualText spans (Chromium) instead of the unmapped glyphs inside them', () => {
    const begin = { type: 'beginMarkedContentProps', tag: 'Span', id: null };
    const end = { type: 'endMarkedContent' };
    const items = [run('دت', 10, 12), begin, run('ّ', 22, 0), run('\u0000', 22, 8), end, run('أ', 30, 4)];
    const marked = markedContentOperators('/Span <</ActualText <FEFF06430651>>> BDC 0 0 Td <0056> Tj EMC');
    expect(marked).toEqual([{ tag: 'Span', actualText: 'كّ' }]);
    expect(pageLines(items, marked).map((l) => l.text)).toEqual(['أكّدت']);
    // Without the operators (or when they do not line up) the NUL goes and nothing else is invented.
    // Operators that do not line up with pdf.js's marked content (a form XObject's, say) are not used.
    const misaligned = [...marked, { tag: 'P', actualText: null }];
    expect(pageLines(items, misaligned).map((l) => l.text).join('')).not.toContain('كّ');
    const without = pageLines(items, null).map((l) => l.text).join('');
    expect(without).not.toContain('\u0000');
    expect(without.replace(/[\p{M}\s]/gu, '')).toBe('أدت');
  });

  it('parses literal-string ActualText and ignores operators inside strings and inline images', () => {
    const marked = markedContentOperators('/P <</MCID 3>> BDC (BDC in a string) Tj EMC /Span <</ActualText (\\376\\377\\006\\104)>> BDC EMC /Artifact BMC EMC');
    expect(marked).toEqual([
      { tag: 'P', actualText: null },
      { tag: 'Span', actualText: 'ل' },
      { tag: 'Artifact', actualText: null },
    ]);
  });

  it('folds presentation forms into letters, lam–alef into lam then alef', () => {
    expect(cleanPdfText('ﻻ ﻳﺰﺍﻝ')).toBe('لا يزال');
    expect(cleanPdfText('ﺍﻹﻳﺮﺍﻧﻴﺔ')).toBe('الإيرانية');
    expect(cleanPdfText('ﮔﻔﺖ ﭘﮋﻭﻫﺶ ﭼﯿﻦ')).toBe('گفت پژوهش چین');
    expect(cleanPdfText('a\u0000b\ufeff')).toBe('ab');
  });

  it('repairs a lone lam before alef and a space before a mark, and nothing else', () => {
    expect(repairRtlText('المملكة ل ا تزال مؤكدا ً')).toBe('المملكة لا تزال مؤكداً');
    // A word ending in lam before a word starting with alef is two words.
    expect(repairRtlText('وقال الوزير')).toBe('وقال الوزير');
  });
});
