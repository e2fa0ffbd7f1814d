import { describe, expect, it } from 'vitest';
import { detectType } from '../../../electron/core/importers/detect.js';
import { extractArticle } from '../../../electron/core/importers/index.js';
import { detectLanguage } from '../../../electron/core/importers/language.js';
import { binaryJunk, makeDocx, makePdf, pngBytes } from './fixtures.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('type detection', () => {
  it('goes by the extension for text formats', () => {
    expect(detectType({ name: 'a.txt', bytes: utf8('x') }).kind).toBe('text');
    expect(detectType({ name: 'a.MD', bytes: utf8('x') }).kind).toBe('markdown');
    expect(detectType({ name: 'a.markdown', bytes: utf8('x') }).kind).toBe('markdown');
    expect(detectType({ name: 'a.htm', bytes: utf8('x') }).kind).toBe('html');
    expect(detectType({ name: 'README', bytes: utf8('plain words') }).kind).toBe('text');
    expect(detectType({ name: 'page', bytes: utf8('<!DOCTYPE html><html><body>x</body></html>') }).kind).toBe('html');
    expect(detectType({ name: 'upload', bytes: utf8('# x'), mediaTypeHint: 'text/markdown; charset=utf-8' }).kind).toBe('markdown');
  });

  it('trusts the bytes over the name for PDF and DOCX', async () => {
    expect(detectType({ name: 'report.txt', bytes: await makePdf() })).toEqual({ kind: 'pdf', mediaType: 'application/pdf' });
    expect(detectType({ name: 'report.bin', bytes: await makeDocx() }).kind).toBe('docx');
  });

  it('refuses a PNG renamed .md, naming what it is', async () => {
    await expect(extractArticle({ name: 'notes.md', bytes: pngBytes() })).rejects.toThrow('This file is a PNG image, not a document.');
  });

  it.each([
    ['photo.txt', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'a JPEG image'],
    ['a.txt', [0x1f, 0x8b, 0x08, 0, 0, 0], 'a gzip archive'],
    ['a.md', [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 'a program (ELF executable)'],
    ['a.html', [...'SQLite format 3'].map((c) => c.charCodeAt(0)).concat([0]), 'an SQLite database'],
    ['a.txt', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0], 'an old-style Microsoft Office file (.doc/.xls/.ppt)'],
  ])('refuses %s holding %s', async (name, bytes, what) => {
    await expect(extractArticle({ name, bytes: new Uint8Array([...bytes, ...new Array(32).fill(0x20)]) })).rejects.toThrow(`This file is ${what}`);
  });

  it('refuses a ZIP that is not a Word document, and a fake .pdf', async () => {
    await expect(extractArticle({ name: 'a.docx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('xl/workbook.xml')]) })).rejects.toThrow(
      /spreadsheet/,
    );
    await expect(extractArticle({ name: 'a.pdf', bytes: utf8('not a pdf at all') })).rejects.toThrow(/not a PDF/);
  });

  it('refuses binary junk and unsupported types with a clear reason', async () => {
    await expect(extractArticle({ name: 'junk.txt', bytes: binaryJunk() })).rejects.toThrow(/binary data|not text/);
    await expect(extractArticle({ name: 'data.json', bytes: utf8('{"a":1}') })).rejects.toThrow('This file is JSON data, not an article');
    await expect(extractArticle({ name: 'sheet.xlsb', bytes: utf8('x') })).rejects.toThrow('Files of type .xlsb are not supported');
    await expect(extractArticle({ name: 'empty.txt', bytes: new Uint8Array() })).rejects.toThrow('This file is empty.');
    await expect(extractArticle({ name: 'blank.txt', bytes: utf8(' \n\n \t\n') })).rejects.toThrow('no text');
  });
});

describe('language detection', () => {
  it('maps to ISO 639-1 and sets the direction from the script', () => {
    expect(detectLanguage('The ministry said talks would continue next week in the capital.')).toEqual({ language: 'en', direction: 'ltr' });
    expect(detectLanguage('Le ministère a déclaré que les discussions reprendraient la semaine prochaine dans la capitale.').language).toBe('fr');
    expect(detectLanguage('وقالت الوزارة إن المحادثات ستستأنف الأسبوع المقبل في العاصمة').language).toBe('ar');
    expect(detectLanguage('وزارت خارجه اعلام کرد که گفت‌وگوها هفته آینده در پایتخت ادامه می‌یابد').language).toBe('fa');
  });

  it('decides short Arabic-script texts by the letters only Persian or Arabic uses', () => {
    expect(detectLanguage('گفت‌وگو')).toEqual({ language: 'fa', direction: 'rtl' });
    expect(detectLanguage('مدينة كبيرة')).toEqual({ language: 'ar', direction: 'rtl' });
  });

  it('falls back to the declared language when the text is too short', () => {
    expect(detectLanguage('OK', 'de-DE').language).toBe('de');
    expect(detectLanguage('שלום עולם').direction).toBe('rtl');
  });
});
