/** Labels: listed with their counts in the navigation, managed in their dialog, and the reader follows. */
import { test, expect } from './fixtures.js';
import { ENGLISH_TXT } from './corpus.js';
import { QuireApp } from './models/QuireApp.js';

test('renaming and recolouring a label shows at once on its highlights', async ({ page, apiCall, saveScreen }) => {
  const app = new QuireApp(page);
  const [english] = (await apiCall('import.paths', { paths: [ENGLISH_TXT] })).imported;
  const full = await apiCall('articles.get', { id: english!.id });
  const labels = await apiCall('labels.list', {});
  const claim = labels.find((l) => l.name === 'Claim')!;
  const quote = 'balanced approach in its foreign policy';
  const start = full.text.indexOf(quote);
  await apiCall('annotations.create', { articleId: english!.id, start, end: start + quote.length, quote, labelId: claim.id });
  await page.reload();

  const nav = app.navigation.getByRole('region', { name: 'Labels' });
  await expect(nav.getByRole('button', { name: /Claim\s*1$/ })).toBeVisible();
  await app.library.article(english!.title).click();
  await expect(app.reader.marks().first()).toHaveAttribute('title', 'Claim');

  await nav.getByRole('button', { name: 'Manage' }).click();
  const dialog = page.getByRole('dialog', { name: 'Labels' });
  const name = dialog.getByRole('textbox', { name: 'Label name' }).nth(1);
  await expect(name).toHaveValue('Claim');
  await name.fill('Assertion');
  await name.press('Enter');
  await dialog.getByRole('radiogroup', { name: 'Colour of Assertion' }).getByRole('radio', { name: 'Blue', exact: true }).click();
  await saveScreen('labels dialog');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await expect(app.reader.marks().first()).toHaveAttribute('title', 'Assertion');
  await expect(app.reader.panelItem(/^Assertion:/)).toBeVisible();
  const relabelled = await apiCall('annotations.list', { articleId: english!.id });
  expect(relabelled[0]).toMatchObject({ label: 'Assertion', color: '#0072B2' });

  // The navigation entry opens the quotes listed by that code.
  await nav.getByRole('button', { name: /Assertion/ }).click();
  await expect(app.search.input).toHaveValue('label:Assertion');
  await expect(app.search.group('Highlights').getByRole('option')).toHaveCount(1);
});
