import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/core/importers/index.js';
import { deriveTitle, extractPlainText, readsLikeTitle } from '../../../electron/core/importers/text.js';
import { ARABIC_TEXT, PERSIAN_TEXT, WESTERN_TEXT, corpus, corpusText, utf16, windows1252, windows1256 } from './fixtures.js';

const textOf = (blocks: readonly { type: string; children?: readonly { text: string }[] }[]): string[] =>
  blocks.map((b) => (b.children ?? []).map((c) => c.text).join(''));

describe('plain text importer', () => {
  it('derives the title of the English corpus article from its first sentence (no title line)', async () => {
    const article = await extractArticle({ name: 'bahrain-iran-coordination.txt', bytes: corpus('bahrain-iran-coordination.txt') });
    expect(article.title).toBe('The foreign ministry announced in a statement that Bahrain pursues a balanced approach in its foreign policy…');
    expect(article.title.length).toBeLessThanOrEqual(120);
    expect(article.language).toBe('en');
    expect(article.direction).toBe('ltr');
    expect(article.mediaType).toBe('text/plain');
    // Every paragraph is kept, the first one included (the derived title does not consume it).
    const paragraphs = corpusText('bahrain-iran-coordination.txt').trim().split(/\n\s*\n/);
    expect(article.blocks).toHaveLength(paragraphs.length);
    expect(textOf(article.blocks)[0]).toBe(paragraphs[0]);
    expect(textOf(article.blocks).join('\n\n')).toContain('kingdom’s national interests');
  });

  it('takes the first line as title for the Arabic article, right-to-left, language ar', async () => {
    const article = await extractArticle({ name: 'manama-tehran-talks.ar.txt', bytes: corpus('manama-tehran-talks.ar.txt') });
    expect(article.title).toBe('المنامة تواصل التنسيق مع طهران لاستعادة العلاقات الدبلوماسية');
    expect(article.language).toBe('ar');
    expect(article.direction).toBe('rtl');
    expect(article.blocks).toHaveLength(6);
    // Diacritics, tatweel and Arabic-Indic digits survive untouched.
    const body = textOf(article.blocks).join('\n');
    expect(body).toContain('الدّبلوماسيّة');
    expect(body).toContain('الثنائيـة');
    expect(body).toContain('٢٠١٦');
  });

  it('recognises Persian (ی ک, ZWNJ) as fa, right-to-left', async () => {
    const article = await extractArticle({ name: 'manama-tehran-talks.fa.txt', bytes: corpus('manama-tehran-talks.fa.txt') });
    expect(article.title).toBe('منامه و تهران در مسیر ازسرگیری روابط دیپلماتیک');
    expect(article.language).toBe('fa');
    expect(article.direction).toBe('rtl');
    const body = textOf(article.blocks).join('\n');
    expect(body).toContain('می‌دهد'); // with its zero-width non-joiner
    expect(body).toContain('۲۰۱۶');
  });

  it('stores text in NFC', async () => {
    const decomposed = 'Cafe\u0301 society\n\nThe re\u0301sume\u0301 of the de\u0301le\u0301gation was long and detailed enough.';
    const article = await extractArticle({ name: 'nfd.txt', bytes: new TextEncoder().encode(decomposed) });
    expect(article.title).toBe('Café society');
    expect(textOf(article.blocks)[0]).toBe('The résumé of the délégation was long and detailed enough.'.normalize('NFC'));
    expect(textOf(article.blocks)[0]).toBe(textOf(article.blocks)[0]?.normalize('NFC'));
  });

  it('applies the title-line rule: short, no final period, followed by a blank line', () => {
    expect(readsLikeTitle('Talks resume in Manama')).toBe(true);
    expect(readsLikeTitle('Will Manama follow Riyadh?')).toBe(true);
    expect(readsLikeTitle('This is a sentence.')).toBe(false);
    expect(readsLikeTitle('A first line\nthat continues')).toBe(false);
    expect(readsLikeTitle('word '.repeat(40))).toBe(false);
    // One paragraph only: there is no title line, the title is derived and the text kept.
    const single = extractPlainText('Short note about the talks');
    expect(single.title).toBe('Short note about the talks');
    expect(single.blocks).toHaveLength(1);
    // A first line followed directly by more lines is a paragraph, not a title.
    const noBlank = extractPlainText('Line one\nline two continues.\n\nSecond paragraph.');
    expect(noBlank.blocks).toHaveLength(2);
  });

  it('derives titles at a clause or word boundary', () => {
    expect(deriveTitle('The talks resumed today. Another sentence follows.')).toBe('The talks resumed today');
    const long = `${'word '.repeat(60)}end.`;
    const title = deriveTitle(long);
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(112);
    expect(title).not.toMatch(/ …$/);
  });

  it('keeps single line breaks inside a paragraph and splits on blank lines (CRLF too)', () => {
    const raw = extractPlainText('Title\r\n\r\nLine one\r\nline two\r\n\r\n\r\nNext paragraph');
    expect(raw.title).toBe('Title');
    expect(textOf(raw.blocks)).toEqual(['Line one\nline two', 'Next paragraph']);
  });
});

const asciiDigits = (text: string): string =>
  text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) - 0x660) % 0x90));

describe('encodings', () => {
  it('decodes windows-1256 Arabic', async () => {
    // The code page has no Arabic-Indic digits: files written in it use ASCII digits.
    const legacy = asciiDigits(ARABIC_TEXT);
    const bytes = windows1256(legacy);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const article = await extractArticle({ name: 'legacy.ar.txt', bytes });
    expect(article.title).toBe('المنامة تواصل التنسيق مع طهران لاستعادة العلاقات الدبلوماسية');
    expect(article.language).toBe('ar');
    expect(article.direction).toBe('rtl');
    expect(textOf(article.blocks).join('\n\n')).toBe(legacy.trim().split(/\n\n/).slice(1).join('\n\n'));
  });

  it('decodes windows-1256 Persian written with the letters that code page has', async () => {
    // windows-1256 has no Persian yeh (U+06CC): Persian files in it use the Arabic yeh, as real ones do.
    const persian = asciiDigits(PERSIAN_TEXT.replace(/\u06CC/g, '\u064A'));
    const article = await extractArticle({ name: 'legacy.fa.txt', bytes: windows1256(persian) });
    expect(textOf(article.blocks).join('\n\n')).toBe(persian.trim().split(/\n\n/).slice(1).join('\n\n'));
    expect(article.direction).toBe('rtl');
    expect(article.language).toBe('fa');
  });

  it('decodes windows-1252 (curly quotes, dashes, euro sign)', async () => {
    const article = await extractArticle({ name: 'western.txt', bytes: windows1252(WESTERN_TEXT) });
    expect(article.title).toBe('Café culture in Genève');
    expect(textOf(article.blocks)).toEqual(WESTERN_TEXT.split('\n\n').slice(1));
  });

  it.each(['le', 'be'] as const)('honours a UTF-16 %s byte-order mark', async (endian) => {
    const article = await extractArticle({ name: `utf16${endian}.txt`, bytes: utf16(ARABIC_TEXT, endian) });
    expect(article.title).toBe('المنامة تواصل التنسيق مع طهران لاستعادة العلاقات الدبلوماسية');
    expect(article.language).toBe('ar');
    expect(textOf(article.blocks)[0]).toContain('أكّدت وزارة الخارجيّة');
  });

  it('honours a UTF-8 byte-order mark without keeping it', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(WESTERN_TEXT)]);
    const article = await extractArticle({ name: 'bom.txt', bytes });
    expect(article.title).toBe('Café culture in Genève');
  });

  it('refuses text with NUL bytes instead of storing mojibake', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Looks like text at first'), 0, 0, 1, 2, 0xff, 0x80, 0x00, 0x41]);
    await expect(extractArticle({ name: 'broken.txt', bytes })).rejects.toThrow(/binary data/);
  });
});

describe('encodings without a byte-order mark', () => {
  it('recognises UTF-16 LE text by its NUL pattern', async () => {
    const iconv = (await import('iconv-lite')).default;
    const article = await extractArticle({ name: 'nobom.txt', bytes: iconv.encode(WESTERN_TEXT, 'utf-16le') });
    expect(article.title).toBe('Café culture in Genève');
  });
});
