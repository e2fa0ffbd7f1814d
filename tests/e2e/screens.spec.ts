/**
 * The look: bundled fonts actually in use, the dark theme, the shortcut sheet; screenshots of each
 * to look at (test-results/screens/).
 */
import { test, expect } from './fixtures.js';
import { CORPUS_FILES, ENGLISH_TXT } from './corpus.js';
import { QuireApp } from './models/QuireApp.js';

test('the bundled faces are the ones in use: Inter for the interface, Source Serif 4 for reading', async ({ page, apiCall }) => {
  const app = new QuireApp(page);
  const [english] = (await apiCall('import.paths', { paths: [ENGLISH_TXT] })).imported;
  await page.reload();
  await app.library.article(english!.title).click();
  await expect(app.reader.text).toContainText('balanced approach');
  const families = await app.loadedFontFamilies();
  expect(families).toEqual(expect.arrayContaining(['Inter', 'Source Serif 4']));
  const reading = await app.reader.text.evaluate((el) => getComputedStyle(el).fontFamily);
  expect(reading).toMatch(/^"?Source Serif 4/);
  const lineHeight = await app.reader.text.evaluate((el) => {
    const style = getComputedStyle(el.querySelector('p')!);
    return parseFloat(style.lineHeight) / parseFloat(style.fontSize);
  });
  expect(lineHeight).toBeCloseTo(1.6, 1);
  // A reading column of 60–75 characters (of the article's own text, at its own size), even in a wide window.
  await page.setViewportSize({ width: 1680, height: 900 });
  const measure = await app.reader.text.evaluate((el) => {
    const paragraph = el.querySelector('p')!;
    const sample = (paragraph.textContent ?? '').slice(0, 200);
    const probe = document.createElement('span');
    probe.textContent = sample;
    probe.style.whiteSpace = 'nowrap';
    probe.style.position = 'absolute';
    paragraph.appendChild(probe);
    const perChar = probe.getBoundingClientRect().width / sample.length;
    probe.remove();
    return paragraph.getBoundingClientRect().width / perChar;
  });
  expect(measure).toBeGreaterThan(55);
  expect(measure).toBeLessThanOrEqual(78);
});

test('dark theme: reader with highlights, and the shortcut sheet', async ({ page, apiCall, saveScreen }) => {
  const app = new QuireApp(page);
  await apiCall('import.paths', { paths: CORPUS_FILES });
  const list = await apiCall('articles.list', {});
  const english = list.articles.find((a) => a.originalName?.endsWith('.txt') && a.language === 'en')!;
  const full = await apiCall('articles.get', { id: english.id });
  const labels = await apiCall('labels.list', {});
  const quotes = ['balanced approach in its foreign policy', 'approach in its foreign policy, on the basis', 'good neighborliness and non-interference'];
  for (const [i, quote] of quotes.entries()) {
    const start = full.text.indexOf(quote);
    await apiCall('annotations.create', { articleId: english.id, start, end: start + quote.length, quote, labelId: labels[i + 1]!.id });
  }
  await page.reload();
  await app.setTheme('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await saveScreen('library dark');
  await app.library.article(english.title).click();
  await app.reader.expectHighlighted('good neighborliness');
  // Overlapping highlights are one mark carrying both ids, painted with both colours.
  await expect(app.reader.marks().filter({ hasText: 'approach in its foreign policy' }).first()).toHaveAttribute('data-count', '2');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(251, 250, 248)');
  await saveScreen('reader dark');

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await saveScreen('shortcut sheet');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});
