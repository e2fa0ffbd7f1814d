import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportDossier } from '../../../electron/core/export/index.js';
import { activeContentNames } from '../../../electron/core/export/pdf-inspect.js';
import { buildCorpusLibrary, DOSSIER_TITLE, MARKING, QUOTES, type CorpusLibrary } from './corpus-library.js';
import { arabicLetters, flat, pdfInfo, pdfPages, squeeze } from './pdf-text.js';

const EN_TITLE = 'Bahrain to keep coordinating with Iran on restoring diplomatic ties';
const MD_TITLE = 'Beijing-brokered deal: Tehran and Riyadh agree to restore relations';
const NOTE_TITLE = 'Assessment: Manama keeps the door open';
const AR_TITLE = 'المنامة تواصل التنسيق مع طهران لاستعادة العلاقات الدبلوماسية';
const EN_URL = 'https://news.example.org/world/2024/12/bahrain-iran-coordination';
const AR_URL = 'https://ar.example.net/news/manama-tehran';
const MD_URL = 'https://review.example.org/briefs/2023/03/beijing-deal';

let lib: CorpusLibrary;
let pdfPath: string;
let pages: string[];

beforeAll(async () => {
  lib = await buildCorpusLibrary();
  // The Arabic article has no URL in its file: give it one, as an analyst would.
  lib.library.db.prepare(`UPDATE articles SET url = ?, source = ? WHERE id = ?`).run(AR_URL, 'وكالة المثال للأنباء', lib.articles.ar);
  pdfPath = join(lib.dir, 'dossier.pdf');
  await exportDossier(lib.library, lib.dossierId, { format: 'pdf', paper: 'a4', out: pdfPath });
  pages = pdfPages(pdfPath);
}, 120_000);

afterAll(() => lib?.dispose());

/** The first page (1-based) after the contents whose text contains `needle` (whitespace-insensitive). */
function pageOf(needle: string, from = 3): number {
  const index = pages.findIndex((text, i) => i + 1 >= from && flat(text).includes(flat(needle)));
  return index + 1;
}

describe('PDF export of the corpus dossier', () => {
  test('the cover shows the title, subtitle, author, date and marking', () => {
    const cover = flat(pages[0] ?? '');
    expect(cover).toContain(DOSSIER_TITLE);
    expect(cover).toContain('Statements and context, November 2024');
    expect(cover).toContain('Gulf desk, research unit');
    expect(cover).toContain('21 November 2024');
    expect(cover).toContain(MARKING);
  });

  test('every page carries the marking and "page X of Y"', () => {
    expect(pages.length).toBe(Number(pdfInfo(pdfPath)['Pages']));
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(MARKING);
      expect(flat(text), `page ${i + 1}`).toContain(`page ${i + 1} of ${pages.length}`);
    });
  });

  test('the page count is plausible: cover, contents, summary, three sources, analysis, appendix', () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(pages.length).toBeLessThanOrEqual(14);
  });

  test('the table of contents gives the page each section starts on', () => {
    const toc = flat(pages[1] ?? '');
    expect(toc).toContain('Contents');
    const entries: [string, string][] = [
      ['Summary', 'Summary'],
      [EN_TITLE, EN_TITLE],
      [MD_TITLE, MD_TITLE],
      [NOTE_TITLE, NOTE_TITLE],
      ['Appendix: quotes by label', 'Appendix: quotes by label'],
    ];
    let previous = 2;
    for (const [entry, heading] of entries) {
      const match = new RegExp(`${entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)`).exec(toc);
      expect(match, `contents entry for ${entry}`).not.toBeNull();
      const listed = Number(match?.[1]);
      expect(listed, entry).toBe(pageOf(heading));
      expect(listed).toBeGreaterThanOrEqual(previous);
      previous = listed;
    }
  });

  test('each quote is printed with its citation and URL in the appendix', () => {
    const appendixStart = pageOf('Appendix: quotes by label');
    expect(appendixStart).toBeGreaterThan(3);
    const appendix = pages.slice(appendixStart - 1).join('\n');
    const squeezed = squeeze(appendix);
    for (const [quote, title, url] of [
      [QUOTES.enClaim, EN_TITLE, EN_URL],
      [QUOTES.enEvidence, EN_TITLE, EN_URL],
      [QUOTES.mdQuestion, MD_TITLE, MD_URL],
      [QUOTES.orphan, EN_TITLE, EN_URL],
    ] as const) {
      const at = flat(appendix).indexOf(quote);
      expect(at, quote).toBeGreaterThanOrEqual(0);
      // The citation follows the quote: the article's title, then its URL.
      const after = flat(appendix).slice(at + quote.length, at + quote.length + 400);
      expect(after, quote).toContain(title);
      expect(squeeze(after), quote).toContain(url);
    }
    expect(arabicLetters(appendix)).toContain(arabicLetters(QUOTES.arKey));
    expect(squeezed).toContain(AR_URL);
    // Labels group the quotes.
    for (const label of ['Key quote', 'Claim', 'Evidence', 'Question']) expect(flat(appendix)).toContain(label);
  });

  test('each source page has its full citation block', () => {
    const page = flat(pages[pageOf(EN_TITLE) - 1] ?? '');
    for (const field of ['Source Example Wire', 'Published 3 December 2024', 'Accessed', 'SHA-256', 'bahrain-iran-coordination.html']) {
      expect(page).toContain(field);
    }
    expect(squeeze(page)).toContain(EN_URL);
    const sha = lib.library.db.prepare(`SELECT original_sha256 AS sha FROM articles WHERE id = ?`).get(lib.articles.en) as { sha: string };
    expect(page).toContain(sha.sha);
  });

  test('highlight notes are numbered at the end of their article, orphans printed with a notice', () => {
    const text = flat(pages.slice(pageOf(EN_TITLE) - 1, pageOf('Arabic (ar)') - 1).join('\n'));
    expect(text).toMatch(/NOTES 1\. Claim Official line; compare with the Arabic statement\./i);
    expect(text).toMatch(/ORPHANED HIGHLIGHTS/i);
    expect(text).toContain('Not in the current text. This highlight no longer matches the article’s text');
    expect(text).toMatch(/ORPHANED HIGHLIGHTS .* King Hamad expressed hope that he would pay a visit to Tehran\. Place\/Date/i);
    expect(text).toContain(QUOTES.orphan);
  });

  test('Arabic text is present, in logical order', () => {
    const all = arabicLetters(pages.join('\n'));
    for (const phrase of [AR_TITLE, 'أكّدت وزارة الخارجيّة البحرينيّة', 'الأطر القانونيّة اللازمة', 'ودعا العاهل البحريني إلى إنهاء الحروب']) {
      expect(all, phrase).toContain(arabicLetters(phrase));
    }
    // The highlighted Arabic passage, cited in the analyst's note too.
    const notePage = pages[pageOf(NOTE_TITLE) - 1] ?? '';
    expect(arabicLetters(notePage)).toContain(arabicLetters(QUOTES.arKey));
  });

  test('the analyst note prints both cited quotes with short citations', () => {
    const page = flat(pages[pageOf(NOTE_TITLE) - 1] ?? '');
    expect(page).toContain(QUOTES.enClaim);
    expect(page).toContain('Example Wire, 3 Dec 2024');
  });

  test('the file contains no JavaScript and no open action', () => {
    const bytes = readFileSync(pdfPath);
    const raw = bytes.toString('latin1');
    expect(raw).not.toMatch(/\/JS[\s/<([]/);
    expect(raw).not.toMatch(/\/JavaScript/);
    expect(raw).not.toMatch(/\/OpenAction/);
    expect(activeContentNames(bytes)).toEqual([]);
    expect(pdfInfo(pdfPath)['JavaScript']).toBe('no');
  });

  test('it has A4 pages, an outline and tags', async () => {
    const info = pdfInfo(pdfPath);
    expect(info['Page size']).toMatch(/^59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    expect(info['Tagged']).toBe('yes');
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(readFileSync(pdfPath)), verbosity: 0 }).promise;
    const outline = await doc.getOutline();
    const titles = JSON.stringify(outline);
    await doc.destroy();
    for (const title of ['Contents', 'Sources', EN_TITLE, NOTE_TITLE, 'Appendix: quotes by label', 'Claim', AR_TITLE]) {
      expect(titles).toContain(JSON.stringify(title));
    }
  });

  test('US Letter works too', async () => {
    const letter = join(lib.dir, 'letter.pdf');
    await exportDossier(lib.library, lib.dossierId, { format: 'pdf', paper: 'letter', out: letter });
    expect(pdfInfo(letter)['Page size']).toMatch(/^612 x 792 pts \(letter\)/);
    const letterPages = pdfPages(letter);
    letterPages.forEach((text, i) => expect(flat(text)).toContain(`page ${i + 1} of ${letterPages.length}`));
  }, 60_000);
});
