import { describe, expect, it } from 'vitest';
import { TEXT_FORMAT } from '../../../electron/common/document.js';
import { extractArticle } from '../../../electron/core/importers/index.js';
import { PDF_PARAGRAPHS, makeDocx, makeImageOnlyPdf, makePdf } from './fixtures.js';

describe('PDF importer', () => {
  it('reads the text layer: document info, heading, paragraphs rebuilt from wrapped lines, no page numbers', async () => {
    const bytes = await makePdf();
    const copy = new Uint8Array(bytes);
    const article = await extractArticle({ name: 'brief.pdf', bytes });
    expect(article).toMatchObject({
      title: 'Gulf diplomacy weekly brief',
      byline: 'Research desk',
      publishedAt: '2024-05-02T10:30:00.000Z',
      language: 'en',
      direction: 'ltr',
      mediaType: 'application/pdf',
    });
    expect(article.blocks).toEqual([
      { type: 'heading', level: 1, children: [{ text: 'Talks on restoring relations continue' }] },
      ...PDF_PARAGRAPHS.map((text) => ({ type: 'paragraph', children: [{ text }] })),
    ]);
    // The caller's bytes are untouched (pdfjs transfers the buffer it is given).
    expect(bytes).toEqual(copy);
  });

  it('rejects a PDF without a text layer, saying so', async () => {
    await expect(extractArticle({ name: 'scan.pdf', bytes: await makeImageOnlyPdf() })).rejects.toThrow(/no text layer/);
  });

  it('rejects a damaged PDF', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref');
    await expect(extractArticle({ name: 'broken.pdf', bytes })).rejects.toThrow(/damaged|no text layer/);
  });
});

describe('DOCX importer', () => {
  it('keeps headings, lists and emphasis; takes title and author from the core properties', async () => {
    const article = await extractArticle({ name: 'contacts.docx', bytes: await makeDocx() });
    expect(article.title).toBe('Manama and Tehran resume contacts');
    expect(article.byline).toBe('Gulf desk');
    expect(article.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(article.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(article.language).toBe('en');
    // The heading that repeats the title is not kept twice.
    expect(article.blocks).toEqual([
      {
        type: 'paragraph',
        children: [
          { text: 'Bahrain said on Monday that its contacts with Iran would continue, in a statement that stressed ' },
          { text: 'good neighbourliness', format: TEXT_FORMAT.bold },
          { text: ' and ' },
          { text: 'non-interference', format: TEXT_FORMAT.italic },
          { text: '.' },
        ],
      },
      { type: 'heading', level: 2, children: [{ text: 'Key points' }] },
      {
        type: 'list',
        ordered: false,
        items: [[{ text: 'Technical teams will meet again within weeks.' }], [{ text: 'Embassies could re-open before the end of the year.' }]],
      },
      { type: 'paragraph', children: [{ text: 'Officials on both sides described the talks as constructive and businesslike.' }] },
    ]);
  });

  it('rejects a damaged Word file', async () => {
    const zipHeader = [0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('word/document.xml but nothing else')];
    await expect(extractArticle({ name: 'broken.docx', bytes: new Uint8Array(zipHeader) })).rejects.toThrow(/damaged/);
  });
});
