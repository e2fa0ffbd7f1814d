/**
 * The search palette: Ctrl+K from anywhere, results as you type grouped by type with marked matches,
 * and opening a result lands on the match in the reader (in view, flashed).
 */
import { test, expect } from './fixtures.js';
import { CORPUS_FILES, ENGLISH_TXT } from './corpus.js';
import { QuireApp } from './models/QuireApp.js';

test('Ctrl+K finds an article and opens it at the match, flashed', async ({ page, apiCall, saveScreen }) => {
  const app = new QuireApp(page);
  await apiCall('import.paths', { paths: CORPUS_FILES });
  await page.reload();
  await expect(app.library.heading).toBeVisible();

  await app.search.open();
  await expect(app.search.input).toBeFocused();
  await app.search.input.fill('neighborliness');
  const articles = app.search.group('Articles');
  await expect(articles.getByRole('option').first()).toBeVisible();
  await expect(articles.locator('mark').first()).toHaveText(/neighbo/i);
  await saveScreen('search palette');

  await page.keyboard.press('Enter');
  await expect(app.search.dialog).toBeHidden();
  await expect(app.reader.text).toBeVisible();
  // Landed: the match is flashed, and it is inside the visible part of the reading column.
  await expect.poll(() => app.reader.flashed()).toEqual({ text: expect.stringMatching(/^neighbo/i), inView: true });
  await saveScreen('landed on the match');
  expect(app.errors).toEqual([]);
});

test('a highlight found by its note opens with the highlight focused', async ({ page, apiCall }) => {
  const app = new QuireApp(page);
  const [english] = (await apiCall('import.paths', { paths: [ENGLISH_TXT] })).imported;
  const full = await apiCall('articles.get', { id: english!.id });
  const quote = 'non-interference in the internal affairs';
  const start = full.text.indexOf(quote);
  const created = await apiCall('annotations.create', {
    articleId: english!.id,
    start,
    end: start + quote.length,
    quote,
    note: { text: 'Check against port records', json: JSON.stringify({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: 'Check against port records', format: 0, detail: 0, mode: 'normal', style: '' }] }] } }) },
  });
  await page.reload();

  await page.keyboard.press('Control+k');
  await app.search.input.fill('port records');
  const highlights = app.search.group('Highlights');
  await expect(highlights.getByRole('option').first()).toBeVisible();
  await highlights.getByRole('option').first().click();
  await expect(app.reader.marks().filter({ hasText: 'non-interference' }).first()).toHaveAttribute('data-focused', 'true');
  await expect.poll(async () => (await app.reader.flashed())?.text).toBe(quote);
  expect(created.note).toBe('Check against port records');
});

test('the palette composes filters into the query and Escape closes it', async ({ page, apiCall }) => {
  const app = new QuireApp(page);
  await apiCall('import.paths', { paths: CORPUS_FILES });
  await page.reload();
  await app.search.open();
  await app.search.input.fill('Tehran');
  await app.search.dialog.getByRole('button', { name: /Filters/ }).click();
  await app.search.dialog.getByRole('combobox', { name: 'Language' }).selectOption('en');
  await expect(app.search.dialog.getByLabel('Query')).toHaveText('Tehran lang:en');
  await expect(app.search.options().first()).toBeVisible();
  const arabicTitles = await app.search.options().filter({ hasText: /[\u0600-\u06FF]/ }).count();
  expect(arabicTitles).toBe(0);
  await page.keyboard.press('Escape');
  await expect(app.search.dialog).toBeHidden();
});
