/**
 * The library screen: the empty state, importing the corpus through the file input and by drag and
 * drop, pasting an article, and deleting with undo. Each test runs on a fresh library.
 */
import { test, expect } from './fixtures.js';
import { CORPUS_FILES, ENGLISH_TXT } from './corpus.js';
import { QuireApp } from './models/QuireApp.js';

function duplicatesIn(summary: string | null): number {
  const match = summary?.match(/(\d+) already in the library/);
  return match ? Number(match[1]) : 0;
}

test('an empty library offers to import or to open the bundled sample', async ({ page, saveScreen }) => {
  const app = new QuireApp(page);
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import files' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import a folder' })).toBeVisible();
  await saveScreen('empty library');
  await page.getByRole('button', { name: /Open the sample article/ }).click();
  await expect(app.reader.text).toContainText('Automatic Identification System');
  await expect(page.getByRole('heading', { name: 'What ship-tracking data can and cannot tell you' }).first()).toBeVisible();
  // Its Markdown structure survives: section headings, the pull quote, the list.
  await expect(app.reader.text.getByRole('heading', { name: 'Where the positions come from' })).toBeVisible();
  await expect(app.reader.text.locator('blockquote')).toContainText('A single position is a claim');
  await expect(app.reader.text.getByRole('listitem')).toHaveCount(3);
  await saveScreen('sample article');
});

test('imports the corpus through the file input and lists every article', async ({ page, apiCall, saveScreen }) => {
  const app = new QuireApp(page);
  await app.library.importWithFileInput(CORPUS_FILES);
  const { summary } = await app.library.finishImport();
  expect(summary ?? '').not.toMatch(/[1-9]\d* failed/);

  const list = await apiCall('articles.list', {});
  expect(list.total + duplicatesIn(summary)).toBe(CORPUS_FILES.length);
  await expect(app.library.heading).toBeVisible();
  for (const article of list.articles) await expect(app.library.article(article.title)).toBeVisible();
  expect(list.articles.map((a) => a.language).sort()).toEqual(expect.arrayContaining(['ar', 'en', 'fa']));
  // Every row shows its language, also at a laptop's width with both side panes open.
  await expect(page.getByRole('columnheader', { name: 'Language' })).toBeVisible();
  for (const code of ['AR', 'FA', 'EN']) await expect(app.library.rows().getByText(code, { exact: true }).first()).toBeVisible();
  // Facets in the navigation pane come from the same library.
  await expect(app.navigation.getByRole('region', { name: 'Languages' }).getByRole('button', { name: /Arabic/ })).toBeVisible();
  await saveScreen('library');

  // Filtering by language narrows the table to the Arabic article.
  await app.navigation.getByRole('region', { name: 'Languages' }).getByRole('button', { name: /Arabic/ }).click();
  await expect(app.library.rows()).toHaveCount(list.articles.filter((a) => a.language === 'ar').length);
});

test('imports files dropped on the window', async ({ page, apiCall }) => {
  const app = new QuireApp(page);
  await app.library.importByDrop(CORPUS_FILES);
  const { summary } = await app.library.finishImport();
  const list = await apiCall('articles.list', {});
  expect(list.total + duplicatesIn(summary)).toBe(CORPUS_FILES.length);
  for (const article of list.articles) await expect(app.library.article(article.title)).toBeVisible();
});

test('a dropped duplicate and an unreadable file are reported in the summary', async ({ page, apiCall, saveScreen }) => {
  const app = new QuireApp(page);
  await apiCall('import.paths', { paths: [ENGLISH_TXT] });
  await page.reload();
  // One drop: a file already in the library, and a PNG (its signature), which is not a document.
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  await app.library.importByDrop([ENGLISH_TXT], [{ name: 'chart.png', bytes: png }]);
  const summary = page.getByRole('dialog', { name: 'Import finished' });
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(summary).toContainText('1 already in the library');
  await expect(summary).toContainText('1 failed');
  await expect(summary.getByRole('region', { name: 'Could not be imported' })).toContainText('chart.png');
  await saveScreen('import summary');
});

test('pastes text as a new article', async ({ page }) => {
  const app = new QuireApp(page);
  await page.getByRole('button', { name: 'More ways to import' }).click();
  await page.getByRole('menuitem', { name: /Paste text/ }).click();
  const dialog = page.getByRole('dialog', { name: 'New article from pasted text' });
  await dialog.getByLabel('Title (optional)').fill('Port call notes');
  await dialog.getByLabel('Text').fill('Three tankers called at the port in March.\n\nTwo of them left without loading.');
  await dialog.getByRole('button', { name: 'Import article' }).click();
  await expect(app.reader.text).toContainText('Two of them left without loading.');
});

test('deletes an article and brings it back with Undo, highlights included', async ({ page, apiCall }) => {
  const app = new QuireApp(page);
  const report = await apiCall('import.paths', { paths: [ENGLISH_TXT] });
  const article = report.imported[0]!;
  const full = await apiCall('articles.get', { id: article.id });
  const start = full.text.indexOf('balanced approach');
  await apiCall('annotations.create', { articleId: article.id, start, end: start + 'balanced approach'.length });
  await page.reload();

  await app.library.article(article.title).focus();
  await page.keyboard.press('Delete');
  await expect(app.toast(/^Deleted/)).toBeVisible();
  await expect(app.library.article(article.title)).toHaveCount(0);
  expect((await apiCall('articles.list', {})).total).toBe(0);

  await page.locator('.toasts').getByRole('button', { name: 'Undo' }).click();
  await expect(app.library.article(article.title)).toBeVisible();
  const restored = await apiCall('articles.list', {});
  expect(restored.articles[0]?.highlights).toBe(1);
});

test('a long import shows its progress and can be cancelled', async ({ page, apiCall, saveScreen }) => {
  const app = new QuireApp(page);
  const files = Array.from({ length: 120 }, (_, i) => ({
    name: `field-report-${String(i + 1).padStart(3, '0')}.txt`,
    bytes: new TextEncoder().encode(`Field report ${i + 1}\n\nObservers counted ${i * 7 + 3} vessels at anchor on day ${i + 1}, and noted ${i % 5} departures.`),
  }));
  await app.library.importByDrop([], files);
  const progress = page.getByRole('region', { name: 'Import progress' });
  await expect(progress.getByRole('progressbar', { name: 'Import' })).toBeVisible();
  await expect(progress).toContainText(/Importing \d+ of 120/);
  await saveScreen('import progress');
  await progress.getByRole('button', { name: 'Cancel' }).click();
  const summary = page.getByRole('dialog', { name: 'Import cancelled' });
  await expect(summary).toBeVisible();
  const notStarted = Number((await summary.textContent())?.match(/(\d+) not started/)?.[1] ?? 0);
  expect(notStarted).toBeGreaterThan(0);
  const imported = (await apiCall('articles.list', {})).total;
  expect(imported + notStarted).toBe(120);
  await summary.getByRole('button', { name: 'Done' }).click();
  expect(imported).toBeGreaterThan(0);
  await expect(page.locator('.view-subtitle')).toHaveText(`${imported} articles`);
});

test('pasting a copied web page anywhere in the library makes it an article', async ({ page }) => {
  const app = new QuireApp(page);
  const html =
    '<html><head><title>Port call data | Example Wire</title></head><body><nav>Home · World · Sport</nav>' +
    '<article><h1>Port call data shows a change of route</h1><p>Three tankers that usually call at the port in March sailed past it this year.</p>' +
    '<p>Analysts say the change followed new insurance terms.</p></article><footer>© Example Wire</footer></body></html>';
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.setData('text/html', content.html);
    data.setData('text/plain', content.text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, { html, text: 'Port call data shows a change of route\n\nThree tankers that usually call at the port in March sailed past it this year.' });
  const dialog = page.getByRole('dialog', { name: 'New article from pasted text' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Copied from a web page');
  await dialog.getByRole('button', { name: 'Import article' }).click();
  await expect(app.reader.text).toContainText('Analysts say the change followed new insurance terms.');
  await expect(app.reader.text).not.toContainText('Home · World · Sport');
});
