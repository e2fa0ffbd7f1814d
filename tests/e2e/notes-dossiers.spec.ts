/**
 * Notes and dossiers through the real app: a note citing two highlights (and saying so when one is
 * deleted); a dossier of three articles built by hand, reordered by keyboard and by drag, with a live
 * preview that shows the marking and the quotes.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.js';
import { ARABIC_TXT, ENGLISH_TXT, MARKDOWN } from './corpus.js';
import { DossierPage } from './models/DossierPage.js';
import { NotesPage } from './models/NotesPage.js';
import { QuireApp } from './models/QuireApp.js';

type ApiCall = Parameters<Parameters<typeof test>[2]>[0]['apiCall'];

/** Highlights the first occurrence of `quote` through the API, as the reader would. */
async function highlight(apiCall: ApiCall, articleId: string, quote: string, label: string): Promise<string> {
  const article = await apiCall('articles.get', { id: articleId });
  const start = article.text.indexOf(quote);
  expect(start, `"${quote}" is in the article`).toBeGreaterThanOrEqual(0);
  const labels = await apiCall('labels.list', {});
  const labelId = labels.find((l) => l.name === label)?.id ?? null;
  const created = await apiCall('annotations.create', { articleId, start, end: start + quote.length, quote, labelId });
  return created.id;
}

async function importCorpus(apiCall: ApiCall, paths: string[]): Promise<{ id: string; title: string }[]> {
  const { imported } = await apiCall('import.paths', { paths });
  expect(imported).toHaveLength(paths.length);
  return imported.map((a) => ({ id: a.id, title: a.title }));
}

const Q_ENGLISH = 'continue coordination with its Iranian counterpart';
const Q_MARKDOWN = 'China acted as mediator for the first time';
const Q_ARABIC = 'ستواصل التنسيق مع نظيرتها الإيرانيّة';

test('writes a note citing two highlights; the citations link back and say when a highlight is gone', async ({ page, apiCall, saveScreen }) => {
  const app = new QuireApp(page);
  const notes = new NotesPage(page);
  const [english, markdown] = await importCorpus(apiCall, [ENGLISH_TXT, MARKDOWN]);
  const h1 = await highlight(apiCall, english!.id, Q_ENGLISH, 'Claim');
  const h2 = await highlight(apiCall, markdown!.id, Q_MARKDOWN, 'Evidence');
  await page.reload();

  await notes.open();
  await notes.newNoteButton.click();
  await expect(notes.title).toBeFocused();
  await page.keyboard.type("Manama's path to Tehran");
  await page.keyboard.press('Enter');
  await expect(notes.body).toBeFocused();
  await page.keyboard.type('Bahrain follows the Beijing deal closely.');
  await notes.cite('coordination', Q_ENGLISH);
  await page.keyboard.type('Compare the mediator:');
  await notes.cite('mediator', Q_MARKDOWN);
  await notes.expectSaved();

  // Stored: two citations, both current, in document order; the text includes the quotes.
  const { notes: list } = await apiCall('notes.list', {});
  expect(list).toHaveLength(1);
  const stored = await apiCall('notes.get', { id: list[0]!.id });
  expect(stored.title).toBe("Manama's path to Tehran");
  expect(stored.citations.map((c) => [c.annotationId, c.status])).toEqual([
    [h1, 'current'],
    [h2, 'current'],
  ]);
  expect(stored.text).toContain('Bahrain follows the Beijing deal closely.');
  expect(stored.text).toContain(Q_MARKDOWN);
  await expect(notes.sidePanelCitations).toHaveCount(2);
  await expect(notes.citation(Q_MARKDOWN)).toContainText('Example Policy Review');
  await saveScreen('note with two citations');

  // A citation opens the article at the highlight; the article lists the note.
  await notes.citation(Q_ENGLISH).getByRole('button', { name: 'Open in article' }).click();
  await expect(app.reader.text).toContainText('balanced approach');
  await expect(page).toHaveURL(new RegExp(`#/article/${english!.id}`));
  const notesSection = page.getByRole('region', { name: 'Notes' });
  await expect(notesSection.getByRole('button', { name: /Manama's path to Tehran/ })).toContainText('cites 1 highlight');

  // The highlight is deleted: the note keeps the quote and says so instead of pretending.
  await apiCall('annotations.delete', { id: h2 });
  await notesSection.getByRole('button', { name: /Manama's path to Tehran/ }).click();
  await expect(notes.citation(Q_MARKDOWN)).toContainText('The highlight has been deleted.');
  await expect(notes.citation(Q_ENGLISH)).not.toContainText('deleted');
  await saveScreen('note with a deleted citation');
});

test('builds a dossier of three articles, reorders by keyboard and by drag, and previews it', async ({ page, apiCall, saveScreen }) => {
  const dossier = new DossierPage(page);
  const [english, arabic, markdown] = await importCorpus(apiCall, [ENGLISH_TXT, ARABIC_TXT, MARKDOWN]);
  await highlight(apiCall, english!.id, Q_ENGLISH, 'Claim');
  await highlight(apiCall, arabic!.id, Q_ARABIC, 'Claim');
  await highlight(apiCall, markdown!.id, Q_MARKDOWN, 'Evidence');
  await page.reload();

  await dossier.open();
  await dossier.newDossierButton.click();
  await expect(dossier.itemsTab).toBeVisible();
  await dossier.coverTab.click();
  await dossier.field('Title').fill('Bahrain–Iran rapprochement');
  await dossier.field('Marking').fill('OFFICIAL-SENSITIVE');
  await dossier.field('Author').fill('Gulf desk');
  await dossier.field('Author').blur();
  await expect(dossier.heading).toHaveText('Bahrain–Iran rapprochement');
  await dossier.itemsTab.click();

  for (const article of [english!, arabic!, markdown!]) await dossier.addArticle(article.title);
  expect(await dossier.order()).toEqual([english!.title, arabic!.title, markdown!.title]);

  // Keyboard: the third item up one place, announced.
  await dossier.row(markdown!.title).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(dossier.announcement).toHaveText(`Moved “${markdown!.title}” to position 2 of 3.`);
  await expect.poll(() => dossier.order()).toEqual([english!.title, markdown!.title, arabic!.title]);
  await expect(dossier.row(markdown!.title)).toBeFocused();

  // Drag: the Arabic article onto the top half of the first row.
  await dossier.row(arabic!.title).dragTo(dossier.row(english!.title), { targetPosition: { x: 40, y: 6 } });
  await expect.poll(() => dossier.order()).toEqual([arabic!.title, english!.title, markdown!.title]);

  // Per-item option: the Markdown article as highlights only.
  await dossier.row(markdown!.title).getByRole('radio', { name: 'Highlights only' }).click();
  await expect(dossier.row(markdown!.title).getByRole('radio', { name: 'Highlights only' })).toHaveAttribute('aria-checked', 'true');

  // What was stored matches what is shown.
  const { dossiers } = await apiCall('dossiers.list', {});
  const stored = await apiCall('dossiers.get', { id: dossiers[0]!.id });
  expect(stored).toMatchObject({ title: 'Bahrain–Iran rapprochement', marking: 'OFFICIAL-SENSITIVE', author: 'Gulf desk' });
  expect(stored.items.map((i) => [i.refId, i.options])).toEqual([
    [arabic!.id, {}],
    [english!.id, {}],
    [markdown!.id, { highlightsOnly: true }],
  ]);

  // The live preview shows the marking and the quotes (rendered in a shadow root, no iframe).
  await expect(dossier.preview.getByText('OFFICIAL-SENSITIVE').first()).toBeVisible();
  await expect(dossier.preview.getByText(Q_MARKDOWN).first()).toBeAttached();
  await expect(dossier.preview.getByText(Q_ENGLISH).first()).toBeAttached();
  await expect(dossier.preview.getByText(Q_ARABIC).first()).toBeAttached();
  expect(await page.locator('iframe').count()).toBe(0);
  await saveScreen('dossier builder with preview');

  // Export as HTML from the dossier screen: the file arrives as a download named after the dossier.
  await dossier.exportButton.click();
  const exportDialog = page.getByRole('dialog', { name: /^Export/ });
  await exportDialog.getByRole('radio', { name: /^HTML/ }).check();
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export HTML' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('bahrain-iran-rapprochement.html');
  const html = readFileSync(await download.path(), 'utf8');
  expect(html).toContain('OFFICIAL-SENSITIVE');
  expect(html).toContain(Q_MARKDOWN);
  expect(html).not.toMatch(/<script/i);
  await expect(exportDialog).toBeHidden();

  // A reload keeps the order.
  await page.reload();
  await expect.poll(() => dossier.order()).toEqual([arabic!.title, english!.title, markdown!.title]);
});
