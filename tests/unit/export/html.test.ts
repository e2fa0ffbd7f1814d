import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addItems, createDossier } from '../../../electron/core/dossiers/dossiers.js';
import { loadDossierForExport } from '../../../electron/core/dossiers/model.js';
import { exportDossier, renderDossierExport } from '../../../electron/core/export/index.js';
import { renderPrintHtml } from '../../../electron/core/export/print-html.js';
import { importFile } from '../../../electron/core/import.js';
import { buildCorpusLibrary, DOSSIER_TITLE, MARKING, QUOTES, type CorpusLibrary } from './corpus-library.js';
import { inertProblems } from './inert-html.js';
import { hostileDossier } from './hostile-dossier.js';

let lib: CorpusLibrary;
let html: string;

beforeAll(async () => {
  lib = await buildCorpusLibrary();
  const out = join(lib.dir, 'dossier.html');
  await exportDossier(lib.library, lib.dossierId, { format: 'html', out });
  html = readFileSync(out, 'utf8');
}, 60_000);

afterAll(() => lib?.dispose());

describe('HTML export', () => {
  test('is one inert, self-contained file: no scripts, no handlers, no external references', () => {
    expect(inertProblems(html)).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/url\((['"]?)(https?:)?\/\//i);
    // The hostile saved web page the English article came from left nothing behind.
    expect(html).not.toMatch(/tracker|analytics|doubleclick|alert\(/i);
  });

  test('inlines the three fonts', () => {
    for (const family of ['Source Serif 4', 'Inter', 'Amiri']) {
      expect(html).toContain(`font-family:'${family}'`);
    }
    expect((html.match(/src:url\(data:font\/woff2;base64,/g) ?? []).length).toBeGreaterThanOrEqual(8);
    expect(html.length).toBeLessThan(1_500_000);
  });

  test('has the cover, contents, every source, the note and the appendix', () => {
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelector('.cover h1')?.textContent).toBe(DOSSIER_TITLE);
    expect(doc.querySelectorAll('.screen-marking')).toHaveLength(2);
    expect(doc.querySelector('.cover .marking')?.textContent).toBe(MARKING);
    const toc = [...doc.querySelectorAll('.toc li a')].map((a) => a.textContent);
    expect(toc).toContain('Appendix: quotes by label');
    // Every contents entry links to an element of the document.
    for (const a of doc.querySelectorAll('a[href^="#"]')) {
      expect(doc.getElementById(a.getAttribute('href')!.slice(1)), a.getAttribute('href')!).not.toBeNull();
    }
    expect(doc.querySelectorAll('article.item.article')).toHaveLength(3);
    expect(doc.querySelector('.item.note .note-body')?.textContent).toContain(QUOTES.enClaim);
    expect(doc.querySelectorAll('.appendix figure.quote')).toHaveLength(5);
  });

  test('prints highlights in their label colours, with note numbers linking to the notes', () => {
    const doc = new JSDOM(html).window.document;
    const marks = [...doc.querySelectorAll('mark.hl')];
    expect(marks.map((m) => m.textContent)).toEqual(expect.arrayContaining([QUOTES.enClaim, QUOTES.enEvidence, QUOTES.mdQuestion]));
    const claim = marks.find((m) => m.textContent === QUOTES.enClaim)!;
    expect(claim.getAttribute('title')).toBe('Claim');
    // Claim is Okabe–Ito orange #E69F00, lightened for the background.
    expect(claim.getAttribute('style')).toMatch(/^background-color:rgb\(\d+ \d+ \d+ \/ 0\.6\)$/);
    const sup = claim.nextElementSibling;
    expect(sup?.matches('sup.fn')).toBe(true);
    const note = doc.getElementById(sup!.querySelector('a')!.getAttribute('href')!.slice(1));
    expect(note?.textContent).toContain('Official line; compare with the Arabic statement.');
  });

  test('prints the Arabic article right to left', () => {
    const doc = new JSDOM(html).window.document;
    const body = [...doc.querySelectorAll('article .body')].find((b) => b.getAttribute('dir') === 'rtl');
    expect(body?.getAttribute('lang')).toBe('ar');
    expect(body?.querySelector('mark.hl')?.textContent).toBe(QUOTES.arKey);
    const quote = [...doc.querySelectorAll('.appendix blockquote')].find((b) => b.textContent === QUOTES.arKey);
    expect(quote?.getAttribute('dir')).toBe('rtl');
  });

  test('escapes hostile text everywhere: titles, marking, labels, colours, links, documents', () => {
    const out = renderPrintHtml(hostileDossier(), { paper: 'a4' }).html;
    expect(inertProblems(out)).toEqual([]);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).not.toMatch(/href="(?!#|https?:)/);
    expect(out).not.toMatch(/url\(http/);
    // Hostile text survives as text: readable, not executed.
    expect(new JSDOM(out).window.document.querySelector('.cover h1')?.textContent).toBe('<script>alert(1)</script>');
  });

  test('exports the DOMPurify attack corpus imported as web pages without anything active', async () => {
    const vectors = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'xss-vectors.json'), 'utf8')) as {
      vectors: { title: string; payload: string }[];
    }).vectors;
    const ids: string[] = [];
    for (const [i, v] of vectors.entries()) {
      const page = `<!doctype html><html><head><title>Vector ${i}</title></head><body><article><h1>Vector ${i}</h1><p>Paragraph before the payload, long enough to be an article body for the extractor to keep.</p>${v.payload}<p>Paragraph after the payload ${i}.</p></article></body></html>`;
      const outcome = await importFile(lib.library, { name: `vector-${i}.html`, bytes: new TextEncoder().encode(page) });
      if (outcome.status === 'imported') ids.push(outcome.article.id);
    }
    expect(ids.length).toBeGreaterThan(150);
    const dossier = createDossier(lib.library.db, { title: 'Attack corpus', marking: '<img src=x onerror=alert(1)>"><svg onload=alert(2)>' });
    addItems(lib.library.db, dossier.id, { ids });
    const rendered = await renderDossierExport(lib.library, dossier.id, { format: 'html' });
    const text = new TextDecoder().decode(rendered.bytes);
    expect(inertProblems(text)).toEqual([]);
    const md = new TextDecoder().decode((await renderDossierExport(lib.library, dossier.id, { format: 'md' })).bytes);
    // Rendered by a Markdown viewer, the export is text: no tag from the attack corpus comes through.
    const viewed = await marked.parse(md);
    expect(viewed).not.toMatch(/<(script|img|iframe|svg|object|embed|style|form|math|input|link|meta|video|audio)\b/i);
    const attributes = [...new JSDOM(viewed).window.document.querySelectorAll('*')].flatMap((el) => el.getAttributeNames());
    expect(attributes.filter((name) => name.startsWith('on') || name === 'src' || name === 'style')).toEqual([]);
    expect(loadDossierForExport(lib.library, dossier.id).items).toHaveLength(ids.length);
  }, 120_000);
});
