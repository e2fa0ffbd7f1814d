/**
 * Issue 10 in the UI: every example of the issue, typed into Ctrl+K and into a dossier's "Search the
 * library", finds the article that has only another form or spelling of the word (marked in the
 * snippet) in a library where the word as typed is in other articles (tests/fixtures/search-variants).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, FIXTURES } from './fixtures.js';
import { DossierPage } from './models/DossierPage.js';
import { QuireApp } from './models/QuireApp.js';

const DIR = join(FIXTURES, 'search-variants');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => join(DIR, f));
interface VariantCase {
  readonly query: string;
  readonly file: string;
  readonly marked: string;
  readonly bare: string;
}
const CASES = (JSON.parse(readFileSync(join(DIR, 'cases.json'), 'utf8')) as { cases: VariantCase[] }).cases;
const titleOf = (file: string): string => readFileSync(join(DIR, file), 'utf8').split('\n')[0]?.trim() ?? '';

test('Ctrl+K: each example finds the other form, marked, and opens the reader on it', async ({ page, apiCall, saveScreen }) => {
  const app = new QuireApp(page);
  const imported = await apiCall('import.paths', { paths: FILES });
  expect(imported.imported).toHaveLength(FILES.length);
  await page.reload();
  await expect(app.library.heading).toBeVisible();

  await app.search.open();
  for (const c of CASES) {
    // A trailing space: the word is finished (the palette completes the last word while typing).
    await app.search.input.fill(`${c.query} `);
    const articles = app.search.group('Articles');
    const target = articles.getByRole('option').filter({ hasText: titleOf(c.file) });
    await expect(target, c.query).toBeVisible();
    await expect(target.locator('.result-snippet mark').filter({ hasText: c.marked }).first(), c.query).toBeVisible();
    await expect(articles.getByRole('option').filter({ hasText: titleOf(c.bare) }), c.query).toBeVisible();
  }

  // =word: that spelling only.
  await app.search.input.fill('=embassy ');
  await expect(app.search.group('Articles').getByRole('option')).toHaveCount(1);
  await expect(app.search.group('Articles').getByRole('option')).toContainText(titleOf('en-embassy.txt'));

  await app.search.input.fill('embassy ');
  const embassies = app.search.group('Articles').getByRole('option').filter({ hasText: titleOf('en-embassies.txt') });
  await expect(embassies).toBeVisible();
  // The title marks the word as written, too.
  await expect(embassies.locator('.result-title mark')).toHaveText('embassies');
  await saveScreen('search variants: embassy finds embassies');
  await embassies.click();
  await expect(app.search.dialog).toBeHidden();
  await expect.poll(() => app.reader.flashed()).toEqual({ text: 'embassies', inView: true });
  expect(app.errors).toEqual([]);
});

test('Search the library (dossier): each example finds the other form', async ({ page, apiCall }) => {
  const app = new QuireApp(page);
  await apiCall('import.paths', { paths: FILES });
  await page.reload();
  const dossier = new DossierPage(page);
  await dossier.open();
  await dossier.newDossierButton.click();
  for (const c of CASES) {
    const list = await dossier.searchToAdd(c.query);
    await expect(list.getByText(titleOf(c.file), { exact: true }), c.query).toBeVisible();
    await expect(list.getByText(titleOf(c.bare), { exact: true }), c.query).toBeVisible();
  }
  expect(app.errors).toEqual([]);
});
