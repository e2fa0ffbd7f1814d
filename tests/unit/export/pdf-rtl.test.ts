/**
 * Arabic and Persian in an exported dossier keep a usable text layer: every highlighted quote of an
 * English/Arabic/Persian dossier is found as whole words, in logical order, by pdftotext (poppler,
 * what most tools use) and by pdf.js (Quire's importer reading the same pages), and Quire re-imports
 * its own dossier with the quotes in the text. Compared after text-check.ts's normalisation
 * (harakat, tatweel, bidi controls and ZWNJ ignored, spaces collapsed).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAnnotation } from '../../../electron/core/annotations.js';
import { addItems, createDossier } from '../../../electron/core/dossiers/dossiers.js';
import { exportDossier } from '../../../electron/core/export/index.js';
import { checkWords } from '../../../electron/core/export/text-check.js';
import { importFile } from '../../../electron/core/import.js';
import { extractArticle } from '../../../electron/core/importers/index.js';
import { pdfPageTexts } from '../../../electron/core/importers/pdf.js';
import { listLabels, registerLabelSeeding } from '../../../electron/core/labels.js';
import { openLibrary, type Library } from '../../../electron/core/library.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

/** Highlights as an analyst would make them: claims, dates in both digit sets, names, lam–alef, ZWNJ, a tatweel. */
const QUOTES = {
  en: ['Bahrain pursues a balanced approach in its foreign policy', 'severed diplomatic relations with Iran in January 2016'],
  ar: [
    'ستواصل التنسيق مع نظيرتها الإيرانيّة',
    'قطعت علاقاتها مع ايران في كانون الثاني/يناير ٢٠١٦',
    'التقى وزير الخارجية الإيراني عباس عراقجي بالملك حمد بن عيسى آل خليفة في المنامة',
    'وبحثا العلاقات الثنائيـة وآخر التطورات في المنطقة، ولا سيّما الحرب على غزة ولبنان',
  ],
  fa: [
    'هماهنگی با همتای ایرانی خود را برای فراهم‌کردن چارچوب‌های حقوقی لازم',
    'بحرین در ژانویه ۲۰۱۶ به پیروی از عربستان سعودی روابط خود را با ایران قطع کرده بود',
    'عباس عراقچی، وزیر امور خارجه ایران، در ماه اکتبر در منامه با پادشاه بحرین دیدار',
  ],
} as const;
const NOTES = {
  ar: 'الصيغة نفسها في البيان الإنجليزي؛ لا موعد محدداً لإعادة فتح السفارة.',
  fa: 'موضع رسمی منامه؛ با بیانیهٔ عربی مقایسه شود و پیگیری گفت‌وگوها ادامه دارد.',
} as const;
const ALL_QUOTES = [...QUOTES.en, ...QUOTES.ar, ...QUOTES.fa];

let dir: string;
let library: Library;
let pdfPath: string;
let bytes: Uint8Array;
let popplerPages: string[];
let pdfjsPages: string[];

async function importFixture(file: string): Promise<string> {
  const outcome = await importFile(library, { name: file, bytes: readFileSync(join(FIXTURES, file)) });
  if (outcome.status !== 'imported') throw new Error(`could not import ${file}`);
  return outcome.article.id;
}

beforeAll(async () => {
  registerLabelSeeding();
  dir = mkdtempSync(join(tmpdir(), 'quire-rtl-export-'));
  library = openLibrary({ dir: join(dir, 'lib') });
  const labels = listLabels(library);
  const label = (i: number): string => labels[i % labels.length]!.id;
  const ids = {
    en: await importFixture('bahrain-iran-coordination.html'),
    ar: await importFixture('manama-tehran-talks.ar.txt'),
    fa: await importFixture('manama-tehran-talks.fa.txt'),
  };
  const highlightIds: string[] = [];
  for (const lang of ['en', 'ar', 'fa'] as const) {
    QUOTES[lang].forEach((quote, i) => {
      const note = i === 0 && lang !== 'en' ? { note: { text: NOTES[lang] } } : {};
      highlightIds.push(createAnnotation(library, { articleId: ids[lang], target: { quote }, labelId: label(i), ...note }).id);
    });
  }
  const dossier = createDossier(library.db, { title: 'Manama–Tehran: the record in three languages', author: 'Gulf desk' });
  addItems(library.db, dossier.id, { heading: 'Sources', ids: [ids.en, ids.ar, ids.fa] });
  // The Arabic and Persian highlights again as quote items, with their citations.
  addItems(library.db, dossier.id, { heading: 'Key quotes', ids: highlightIds.slice(2) });
  pdfPath = join(dir, 'dossier.pdf');
  await exportDossier(library, dossier.id, { format: 'pdf', paper: 'a4', out: pdfPath });
  bytes = new Uint8Array(readFileSync(pdfPath));
  popplerPages = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
  pdfjsPages = await pdfPageTexts(bytes);
}, 180_000);

afterAll(() => {
  library?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Arabic and Persian in the exported PDF', () => {
  test('pdftotext finds every quote and note as whole words in logical order, without presentation forms', () => {
    const all = popplerPages.join('\n');
    for (const text of [...ALL_QUOTES, NOTES.ar, NOTES.fa]) {
      const check = checkWords(text, all);
      expect(check.missing, text).toEqual([]);
      expect(check.inOrder, text).toBe(true);
    }
    expect(all).not.toMatch(/[\ufb50-\ufdff\ufe70-\ufefc]/u);
  });

  test('pdf.js reads the same pages with the same words in logical order', () => {
    expect(pdfjsPages.length).toBe(popplerPages.filter((p) => p.trim() !== '').length);
    for (const quote of ALL_QUOTES) {
      const pages = popplerPages.map((_, i) => i).filter((i) => checkWords(quote, popplerPages[i] ?? '').inOrder);
      // Each quote is printed in its article and again in the appendix (and in the quote items).
      expect(pages.length, quote).toBeGreaterThanOrEqual(2);
      for (const i of pages) {
        const check = checkWords(quote, pdfjsPages[i] ?? '');
        expect(check.missing, `${quote} (page ${i + 1})`).toEqual([]);
        expect(check.inOrder, `${quote} (page ${i + 1})`).toBe(true);
        expect(check.presentationForms).toBe(0);
      }
    }
  });

  test('pdftotext -layout (the mode many scripts use) keeps the words whole too', () => {
    const layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    for (const quote of [...QUOTES.ar, ...QUOTES.fa]) expect(checkWords(quote, layout).missing, quote).toEqual([]);
  });

  test('Quire re-imports its own dossier with every quote in the text', async () => {
    const article = await extractArticle({ name: 'dossier.pdf', bytes });
    const text = article.blocks.map((b) => (b.type === 'list' ? '' : b.children.map((c) => c.text).join(''))).join('\n');
    for (const quote of ALL_QUOTES) {
      const check = checkWords(quote, text);
      expect(check.missing, quote).toEqual([]);
      expect(check.inOrder, quote).toBe(true);
    }
    expect(text).not.toMatch(/[\ufb50-\ufdff\ufe70-\ufefc]/u);
    expect(text).not.toContain('\u0000');
  });
});
