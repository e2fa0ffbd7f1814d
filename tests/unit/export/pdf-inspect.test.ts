import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, test } from 'vitest';
import { activeContentNames, assertInertPdf } from '../../../electron/core/export/pdf-inspect.js';

async function pdfWithLink(uri: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  const link = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [0, 0, 100, 100],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(uri) },
    }),
  );
  page.node.set(PDFName.of('Annots'), doc.context.obj([link]));
  return doc.save({ useObjectStreams: false });
}

describe('inert PDF check', () => {
  test('finds document JavaScript and open actions', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.addJavaScript('greet', 'app.alert("hello")');
    const bytes = await doc.save({ useObjectStreams: false });
    expect(activeContentNames(bytes)).toEqual(expect.arrayContaining(['JavaScript', 'JS']));
    await expect(assertInertPdf(bytes)).rejects.toThrow(/active content/);

    const opening = await PDFDocument.create();
    opening.addPage();
    opening.catalog.set(PDFName.of('OpenAction'), opening.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
    expect(activeContentNames(await opening.save({ useObjectStreams: false }))).toEqual(expect.arrayContaining(['OpenAction', 'JS']));
  });

  test('finds names hidden with #xx escapes', () => {
    const bytes = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog /Open#41ction 2 0 R >> endobj\n');
    expect(activeContentNames(bytes)).toEqual(['OpenAction']);
  });

  test('is not fooled by "/JS" inside a link or a content stream', async () => {
    const bytes = await pdfWithLink('https://example.org/JS/OpenAction (x) /JavaScript');
    expect(activeContentNames(bytes)).toEqual([]);
    await expect(assertInertPdf(bytes)).resolves.toBeUndefined();
    const stream = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Length 12 >>\nstream\n/JS /OpenAction\nendstream\nendobj\n');
    expect(activeContentNames(stream)).toEqual([]);
  });
});
