/** Keyboard first: the whole round trip from the library to a highlight's popover and back without the mouse. */
import { test, expect } from './fixtures.js';
import { CORPUS_FILES } from './corpus.js';
import { QuireApp } from './models/QuireApp.js';

test('filter, open, walk the highlights, open one, and go back, all from the keyboard', async ({ page, apiCall, saveScreen }) => {
  const app = new QuireApp(page);
  await apiCall('import.paths', { paths: CORPUS_FILES });
  const list = await apiCall('articles.list', {});
  const english = list.articles.find((a) => a.source === 'Example Wire')!;
  const full = await apiCall('articles.get', { id: english.id });
  for (const quote of ['balanced approach', 'good neighborliness']) {
    const start = full.text.indexOf(quote);
    await apiCall('annotations.create', { articleId: english.id, start, end: start + quote.length, quote });
  }
  await page.reload();
  await expect(app.library.heading).toBeVisible();

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Filter articles' })).toBeFocused();
  await page.keyboard.type('Example Wire');
  await expect(app.library.rows()).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(app.library.article(english.title)).toBeFocused();
  await saveScreen('keyboard focus in the library');
  await page.keyboard.press('Enter');
  await expect(app.reader.text).toBeVisible();

  await page.keyboard.press('j');
  await expect(app.reader.marks().filter({ hasText: 'balanced approach' })).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('j');
  await expect(app.reader.marks().filter({ hasText: 'good neighborliness' })).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('Enter');
  await expect(app.reader.popover).toBeVisible();
  await expect(app.reader.popover.getByRole('radio', { name: 'No label' })).toBeFocused();
  await page.keyboard.press('3');
  await expect(app.reader.panelItem(/^Evidence: good neighborliness/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(app.reader.popover).toBeHidden();

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.keyboard.press('Alt+ArrowLeft');
  await expect(app.library.heading).toBeVisible();
  expect(app.errors).toEqual([]);
});

test('panes resize from the keyboard and collapse with Ctrl+B and Ctrl+J', async ({ page }) => {
  const app = new QuireApp(page);
  const splitter = page.getByRole('separator', { name: 'Resize navigation' });
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 16));
  const width = (await app.navigation.boundingBox())!.width;
  expect(Math.round(width)).toBe(before + 16);

  await page.locator('body').click({ position: { x: 640, y: 400 } });
  await page.keyboard.press('Control+b');
  await expect(app.navigation).toBeHidden();
  await page.keyboard.press('Control+j');
  await expect(app.details).toBeHidden();
  await page.keyboard.press('Control+b');
  await page.keyboard.press('Control+j');
  await expect(app.navigation).toBeVisible();
  await expect(app.details).toBeVisible();
  // The layout is remembered.
  await page.reload();
  await expect(page.getByRole('separator', { name: 'Resize navigation' })).toHaveAttribute('aria-valuenow', String(before + 16));
});
