/**
 * Which Arabic-script font gives a PDF text layer that tools can read back? Measured, not chosen by
 * taste (docs/pdf-arabic.md): the same Arabic and Persian paragraphs are printed with each candidate
 * through the export's own Chromium printer, then read back three ways and compared with the source
 * (text-check.ts): poppler's `pdftotext` (what command-line tools, search indexers and most desktop
 * viewers see), pdf.js's raw text runs (what Firefox's viewer copies: presentation forms and unmapped
 * glyphs show here), and Quire's PDF importer (pdf.js plus the right-to-left line rebuilding).
 * `scripts/measure-pdf-fonts.mjs` prints the table; tests/unit/export/pdf-fonts.test.ts keeps it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractPdf } from '../importers/pdf.js';
import { ARABIC, ARABIC_PACKAGE, ARABIC_TEXT_CSS } from './fonts.js';
import type { PdfPrinter } from './pdf.js';
import { checkWords, countPresentationForms, type WordCheck } from './text-check.js';

const require = createRequire(import.meta.url);

export interface FontCandidate {
  /** Short name in the table. */
  readonly name: string;
  readonly family: string;
  /** The @fontsource package (its Arabic and Latin subsets). */
  readonly pkg: string;
  /** Extra CSS on the text (e.g. kerning off). */
  readonly css: string;
  readonly weight: 400 | 700;
}

/** What the export uses (fonts.ts), regular and bold (titles). */
export const EXPORT_FONTS: readonly FontCandidate[] = [
  { name: `${ARABIC} (export)`, family: ARABIC, pkg: ARABIC_PACKAGE, css: ARABIC_TEXT_CSS, weight: 400 },
  { name: `${ARABIC} bold (export)`, family: ARABIC, pkg: ARABIC_PACKAGE, css: ARABIC_TEXT_CSS, weight: 700 },
];

/** The font the export used before the measurement. */
export const PREVIOUS_FONT: FontCandidate = { name: 'Noto Naskh Arabic (before)', family: 'Noto Naskh Arabic', pkg: 'noto-naskh-arabic', css: '', weight: 400 };

export const FONT_CANDIDATES: readonly FontCandidate[] = [
  PREVIOUS_FONT,
  { name: 'Noto Naskh Arabic, kerning off', family: 'Noto Naskh Arabic', pkg: 'noto-naskh-arabic', css: 'font-kerning:none;', weight: 400 },
  { name: 'Noto Sans Arabic', family: 'Noto Sans Arabic', pkg: 'noto-sans-arabic', css: '', weight: 400 },
  { name: 'Amiri', family: 'Amiri', pkg: 'amiri', css: '', weight: 400 },
  ...EXPORT_FONTS,
  { name: 'Vazirmatn', family: 'Vazirmatn', pkg: 'vazirmatn', css: '', weight: 400 },
  { name: 'Vazirmatn, kerning off', family: 'Vazirmatn', pkg: 'vazirmatn', css: 'font-kerning:none;', weight: 400 },
  { name: 'IBM Plex Sans Arabic', family: 'IBM Plex Sans Arabic', pkg: 'ibm-plex-sans-arabic', css: '', weight: 400 },
  { name: 'Scheherazade New', family: 'Scheherazade New', pkg: 'scheherazade-new', css: '', weight: 400 },
];

export interface Sample {
  readonly lang: 'ar' | 'fa';
  readonly text: string;
}

/**
 * News paragraphs as an analyst meets them: harakat (shadda, tanwin), hamza spellings, lam–alef in
 * every form (لا لأ لإ لآ), ta marbuta, alef maqsura, Persian پ چ ژ گ ی ک and ZWNJ (می‌دهد،
 * چارچوب‌ها), both digit sets, names and dates. No Latin: any glyph
 * the candidate lacks would come from a fallback font, which the embedded-font check reports.
 */
export const SAMPLES: readonly Sample[] = [
  {
    lang: 'ar',
    text:
      'أكّدت وزارة الخارجيّة البحرينيّة في بيانٍ صدر يوم الإثنين أنّ المملكة ستواصل التنسيق مع نظيرتها الإيرانيّة ' +
      'لإعادة العلاقات الدّبلوماسيّة، وقال الوزير عبد اللطيف الزياني إنّ الاتفاق الموقّع في ١٠ آذار/مارس ٢٠٢٣ ' +
      'لا يزال قائماً ولن يُلغى، مشيراً إلى أنّ اللجنة المشتركة ستجتمع في الرياض قبل نهاية العام.',
  },
  {
    lang: 'ar',
    text:
      'ونقلت وكالة الأنباء الإيرانيّة «إرنا» عن مسؤولين قولهم إنّ الوفد الذي ترأسه علي باقري كني لم يتلقَّ أيّ دعوةٍ رسميّة، ' +
      'فيما أعلنت الأمم المتحدة أنّ ١٢ مليون شخص في اليمن بحاجة إلى مساعدة عاجلة، وأنّ المبعوث الأمميّ سيزور مسقط وأبوظبي في ١٤ أيّار.',
  },
  {
    lang: 'fa',
    text:
      'وزارت امور خارجه بحرین اعلام کرد که هماهنگی با همتای ایرانی خود را برای فراهم‌کردن چارچوب‌های حقوقی لازم ادامه می‌دهد؛ ' +
      'عباس عراقچی، وزیر امور خارجه، در دیدار با پادشاه بحرین گفت که گفت‌وگوها از ژانویه ۲۰۱۶ تاکنون پیگیری شده است.',
  },
  {
    lang: 'fa',
    text:
      'به گزارش خبرگزاری ایرنا، سخنگوی دولت روز چهارشنبه ۱۲ مهر ۱۴۰۲ گفت نمایندگان پژوهشگاه‌ها و دانشگاه‌های کشور ' +
      'در نشست مشترکی با هیئت چینی دربارهٔ همکاری‌های اقتصادی و گسترش روابط تهران و ریاض گفت‌وگو کردند و قرار است ' +
      'گزارش آن تا پایان ماه منتشر شود.',
  },
];

export interface SampleResult {
  readonly sample: Sample;
  readonly pdftotext: WordCheck;
  readonly quire: WordCheck;
}

export interface FontMeasurement {
  readonly candidate: FontCandidate;
  readonly samples: readonly SampleResult[];
  /** pdf.js raw runs: presentation-form characters and glyphs without a Unicode mapping (NUL). */
  readonly pdfjsPresentationForms: number;
  readonly pdfjsUnmapped: number;
  /** The fonts embedded in the PDF (pdffonts): a second one means the candidate lacks glyphs. */
  readonly embeddedFonts: readonly string[];
  readonly bytes: number;
}

/** The candidate's Arabic and Latin subsets (spaces and punctuation are in the Latin one), nothing else. */
function fontFileCss(candidate: FontCandidate): string {
  return ['arabic', 'latin']
    .map((subset) => {
      const file = require.resolve(`@fontsource/${candidate.pkg}/files/${candidate.pkg}-${subset}-${candidate.weight}-normal.woff2`);
      const data = readFileSync(file).toString('base64');
      return `@font-face{font-family:'${candidate.family}';font-weight:${candidate.weight};src:url(data:font/woff2;base64,${data}) format('woff2');}`;
    })
    .join('\n');
}

/** The test page: every sample as its own right-to-left paragraph, in the candidate only (no fallback list). */
export function sampleHtml(candidate: FontCandidate, samples: readonly Sample[] = SAMPLES): string {
  const paragraphs = samples.map((s) => `<p dir="rtl" lang="${s.lang}">${s.text}</p>`).join('\n');
  return (
    `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${fontFileCss(candidate)}\n` +
    `@page{size:A4;margin:20mm;}body{font-family:'${candidate.family}';font-weight:${candidate.weight};font-size:11.5pt;line-height:1.85;${candidate.css}}p{margin:0 0 1em;}</style>` +
    `</head><body>${paragraphs}</body></html>`
  );
}

const PRINT = {
  paper: 'a4',
  pageSize: 'A4',
  displayHeaderFooter: false,
  headerTemplate: '',
  footerTemplate: '',
  printBackground: true,
  preferCSSPageSize: true,
  outline: false,
  tagged: true,
} as const;

function tool(command: string, args: readonly string[]): string {
  try {
    return execFileSync(command, [...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`${command} failed (poppler-utils must be installed to measure fonts): ${(error as Error).message}`, { cause: error });
  }
}

async function pdfjsRawText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    let text = '';
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    }
    return text;
  } finally {
    await doc.destroy();
  }
}

/** Prints the samples with one candidate and reads them back. */
export async function measureFont(candidate: FontCandidate, printer: PdfPrinter, samples: readonly Sample[] = SAMPLES): Promise<FontMeasurement> {
  const bytes = await printer(sampleHtml(candidate, samples), PRINT);
  const dir = mkdtempSync(join(tmpdir(), 'quire-fonts-'));
  try {
    const path = join(dir, 'sample.pdf');
    writeFileSync(path, bytes);
    const poppler = tool('pdftotext', ['-enc', 'UTF-8', path, '-']);
    const fonts = tool('pdffonts', [path])
      .split('\n')
      .slice(2)
      .map((line) => line.split(/\s+/)[0] ?? '')
      .filter(Boolean)
      .map((name) => name.replace(/^[A-Z]{6}\+/, ''));
    const raw = await pdfjsRawText(bytes);
    const article = await extractPdf(bytes);
    const imported = article.blocks.map((b) => (b.type === 'list' ? '' : b.children.map((c) => c.text).join(''))).join('\n');
    return {
      candidate,
      samples: samples.map((sample) => ({ sample, pdftotext: checkWords(sample.text, poppler), quire: checkWords(sample.text, imported) })),
      pdfjsPresentationForms: countPresentationForms(raw),
      pdfjsUnmapped: raw.split('\u0000').length - 1,
      embeddedFonts: [...new Set(fonts)],
      bytes: bytes.byteLength,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whole words in logical order, no presentation forms, in both pdftotext and the importer, in the candidate alone. */
export function roundTrips(m: FontMeasurement): boolean {
  const ok = (c: WordCheck): boolean => c.missing.length === 0 && c.inOrder && c.presentationForms === 0;
  return m.embeddedFonts.length === 1 && m.samples.every((s) => ok(s.pdftotext) && ok(s.quire));
}

/** A plain-text table of measurements, one row per candidate. */
export function measurementTable(rows: readonly FontMeasurement[]): string {
  const header = ['font', 'pdftotext words lost', 'pdftotext order', 'import words lost', 'import order', 'pdf.js pres. forms', 'pdf.js unmapped', 'fonts in PDF', 'verdict'];
  const lines = rows.map((m) => {
    const lost = (pick: (s: SampleResult) => WordCheck): string => {
      const missing = m.samples.flatMap((s) => pick(s).missing);
      const total = m.samples.reduce((n, s) => n + pick(s).words, 0);
      return `${missing.length}/${total}${missing.length ? ` (${missing.slice(0, 3).join(' ')}${missing.length > 3 ? ' …' : ''})` : ''}`;
    };
    const order = (pick: (s: SampleResult) => WordCheck): string => `${m.samples.filter((s) => pick(s).inOrder).length}/${m.samples.length}`;
    return [
      m.candidate.name,
      lost((s) => s.pdftotext),
      order((s) => s.pdftotext),
      lost((s) => s.quire),
      order((s) => s.quire),
      String(m.pdfjsPresentationForms),
      String(m.pdfjsUnmapped),
      m.embeddedFonts.join(', '),
      roundTrips(m) ? 'round-trips' : 'breaks',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [row(header), row(widths.map((w) => '-'.repeat(w))), ...lines.map(row)].join('\n');
}
