import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { deleteAnnotation } from '../../../electron/core/annotations.js';
import { deleteArticleWithOriginal } from '../../../electron/core/articles.js';
import { addItems, createDossier } from '../../../electron/core/dossiers/dossiers.js';
import { NotFoundError, QuireError } from '../../../electron/core/errors.js';
import { exportDossier, exportFilename, renderDossierExport } from '../../../electron/core/export/index.js';
import { buildCorpusLibrary, QUOTES, type CorpusLibrary } from './corpus-library.js';
import { inertProblems } from './inert-html.js';
import { flat, pdfPages } from './pdf-text.js';

let lib: CorpusLibrary;
const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

beforeEach(async () => {
  lib = await buildCorpusLibrary();
}, 60_000);
afterEach(() => lib.dispose());

async function html(dossierId: string): Promise<string> {
  return decode((await renderDossierExport(lib.library, dossierId, { format: 'html' })).bytes);
}
async function md(dossierId: string): Promise<string> {
  return decode((await renderDossierExport(lib.library, dossierId, { format: 'md' })).bytes);
}

describe('bad cases give a correct document or a clear message', () => {
  test('an empty dossier exports as a short document that says so, in every format', async () => {
    const empty = createDossier(lib.library.db, { title: 'Nothing yet', marking: 'INTERNAL' });
    const page = await html(empty.id);
    expect(inertProblems(page)).toEqual([]);
    expect(page).toContain('This dossier has no items yet.');
    expect(page).not.toContain('class="toc"');
    expect(await md(empty.id)).toContain('This dossier has no items yet.');
    const out = join(lib.dir, 'empty.pdf');
    await exportDossier(lib.library, empty.id, { format: 'pdf', out });
    const pages = pdfPages(out);
    expect(pages).toHaveLength(2);
    expect(flat(pages[0] ?? '')).toContain('Nothing yet');
    expect(flat(pages[1] ?? '')).toContain('This dossier has no items yet.');
    pages.forEach((text, i) => {
      expect(text).toContain('INTERNAL');
      expect(flat(text)).toContain(`page ${i + 1} of 2`);
    });
  }, 60_000);

  test('a deleted source is printed as a visible notice, not a crash', async () => {
    deleteArticleWithOriginal(lib.library, lib.articles.md);
    const page = await html(lib.dossierId);
    const doc = new JSDOM(page).window.document;
    const missing = doc.querySelector('.item.article.missing');
    expect(missing?.textContent).toContain('Source deleted');
    expect(missing?.textContent).toContain('Beijing-brokered deal: Tehran and Riyadh agree to restore relations');
    expect(missing?.querySelector('.notice')?.textContent).toContain('has been deleted from the library');
    // Its highlight, added as an item of its own, is gone too: said so, in place.
    expect(doc.querySelector('.item.annotation.missing .notice')?.textContent).toContain('deleted');
    // The contents still list it, so the reader sees where it was.
    expect([...doc.querySelectorAll('.toc li')].map((li) => li.textContent).join('\n')).toContain('Beijing-brokered deal');
    const text = await md(lib.dossierId);
    expect(text).toContain('has been deleted from the library');
  });

  test('an orphaned highlight is printed with its quote and an "orphaned" notice', async () => {
    const solo = createDossier(lib.library.db, { title: 'One orphan' });
    addItems(lib.library.db, solo.id, { ids: [lib.highlights.orphan] });
    const doc = new JSDOM(await html(solo.id)).window.document;
    const figure = doc.querySelector('.item.annotation figure.quote.orphaned');
    expect(figure?.querySelector('blockquote')?.textContent).toBe(QUOTES.orphan);
    expect(figure?.querySelector('.notice')?.textContent).toContain('Orphaned highlight.');
    expect(await md(solo.id)).toContain('*Orphaned highlight:');
  });

  test('a note citing a highlight whose text changed or which was deleted says so', async () => {
    lib.library.db.prepare(`UPDATE annotations SET quote = ? WHERE id = ?`).run('Bahrain pursues a balanced approach', lib.highlights.enClaim);
    deleteAnnotation(lib.library, lib.highlights.arKey);
    const doc = new JSDOM(await html(lib.dossierId)).window.document;
    const note = doc.querySelector('.item.note')!;
    const changed = note.querySelector('figure.quote.changed');
    expect(changed?.querySelector('blockquote')?.textContent).toBe('Bahrain pursues a balanced approach');
    expect(changed?.querySelector('.notice')?.textContent).toContain('changed since it was cited');
    expect(changed?.querySelector('.ascited')?.textContent).toContain(QUOTES.enClaim);
    const deleted = note.querySelector('figure.quote.deleted');
    expect(deleted?.querySelector('blockquote')?.textContent).toBe(QUOTES.arKey);
    expect(deleted?.querySelector('.notice')?.textContent).toContain('Highlight deleted.');
    const text = await md(lib.dossierId);
    expect(text).toContain('The highlighted text has changed since it was cited.');
    expect(text).toContain('The highlight has been deleted.');
  });

  test('highlights-only articles print each highlight as a quote, in reading order', async () => {
    const only = createDossier(lib.library.db, { title: 'Highlights only' });
    addItems(lib.library.db, only.id, { ids: [lib.articles.en], highlightsOnly: true });
    const doc = new JSDOM(await html(only.id)).window.document;
    expect(doc.querySelector('.item.article .body')).toBeNull();
    const quotes = [...doc.querySelectorAll('.item.article .highlights blockquote')].map((b) => b.textContent);
    expect(quotes).toEqual([QUOTES.enClaim, QUOTES.enEvidence, QUOTES.orphan]);
    expect(doc.querySelector('.item.article .highlights .anote')?.textContent).toBe('Official line; compare with the Arabic statement.');
  });

  test('an unknown dossier is a clear "not found"', async () => {
    await expect(renderDossierExport(lib.library, 'dos_missing', { format: 'html' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(renderDossierExport(lib.library, 'dos_missing', { format: 'json' })).rejects.toBeInstanceOf(NotFoundError);
  });

  test('writing into a missing folder fails clearly and leaves no partial file', async () => {
    const out = join(lib.dir, 'no-such-folder', 'x.html');
    await expect(exportDossier(lib.library, lib.dossierId, { format: 'html', out })).rejects.toThrow(QuireError);
    await expect(exportDossier(lib.library, lib.dossierId, { format: 'html', out })).rejects.toThrow(/folder .* does not exist/);
    expect(existsSync(out)).toBe(false);
    await exportDossier(lib.library, lib.dossierId, { format: 'md', out: join(lib.dir, 'ok.md') });
    expect(readdirSync(lib.dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  test('JSON export delegates to the lossless dossier format', async () => {
    const out = join(lib.dir, 'dossier.quire.json');
    const result = await exportDossier(lib.library, lib.dossierId, { format: 'json', out });
    const file = JSON.parse(readFileSync(out, 'utf8')) as { format: string; version: number; dossier: { title: string } };
    expect(file.format).toBe('quire-dossier');
    expect(file.dossier.title).toBe('Bahrain–Iran rapprochement');
    expect(result.filename).toBe('bahrain-iran-rapprochement.quire.json');
  });

  test('file names come from the title, in any script', () => {
    expect(exportFilename('Bahrain–Iran rapprochement', 'pdf')).toBe('bahrain-iran-rapprochement.pdf');
    expect(exportFilename('المنامة: تواصل', 'md')).toBe('المنامة-تواصل.md');
    expect(exportFilename('  ../../etc/passwd ', 'html')).toBe('etc-passwd.html');
    expect(exportFilename('***', 'html')).toBe('dossier.html');
  });
});
