/**
 * The reader: highlighting with the mouse and with the number keys, a note on a highlight, all of
 * it still there after a reload; Arabic right to left; correcting a word in edit mode while the
 * highlight over it stays (and its quote follows).
 */
import { test, expect } from './fixtures.js';
import { ARABIC_TXT, ENGLISH_TXT } from './corpus.js';
import { QuireApp } from './models/QuireApp.js';

test('highlights with the mouse and the keyboard, adds a note, and keeps them after a reload', async ({ page, apiCall, saveScreen }) => {
  const app = new QuireApp(page);
  const [english] = (await apiCall('import.paths', { paths: [ENGLISH_TXT] })).imported;
  await page.reload();
  await app.library.article(english!.title).click();
  await expect(app.reader.text).toContainText('balanced approach');

  // Mouse: drag over the quote, then pick a label on the toolbar.
  const mouseQuote = 'balanced approach in its foreign policy';
  await app.reader.dragSelect(mouseQuote);
  await expect(app.reader.toolbar).toBeVisible();
  await saveScreen('selection toolbar');
  await app.reader.toolbar.getByRole('button', { name: 'Claim', exact: true }).click();
  await app.reader.expectHighlighted(mouseQuote);
  await expect(app.reader.panelItem(new RegExp(`^Claim: ${mouseQuote}`))).toBeVisible();

  // Keyboard: select, press 1 (the first label, "Key quote").
  const keyQuote = 'good neighborliness and non-interference';
  await app.reader.selectText(keyQuote);
  await expect(app.reader.toolbar).toBeVisible();
  await page.keyboard.press('1');
  await app.reader.expectHighlighted(keyQuote);
  await expect(app.reader.panelItem(new RegExp(`^Key quote: ${keyQuote}`))).toBeVisible();

  // The mark shows the label's colour and name.
  const mark = app.reader.marks().filter({ hasText: 'neighborliness' }).first();
  await expect(mark).toHaveAttribute('title', 'Key quote');

  // Click it: the popover edits the note.
  await mark.click();
  await expect(app.reader.popover).toBeVisible();
  const note = app.reader.popover.getByRole('textbox', { name: 'Note' });
  await note.click();
  await page.keyboard.type('Standard formula; compare with the 2016 statement.');
  await saveScreen('reader with popover');
  await page.keyboard.press('Escape');
  await expect(app.reader.popover).toBeHidden();
  await expect.poll(async () => (await apiCall('annotations.list', { articleId: english!.id })).map((a) => a.note)).toContain(
    'Standard formula; compare with the 2016 statement.',
  );
  await saveScreen('reader EN');

  await page.reload();
  await app.reader.expectHighlighted(mouseQuote);
  await app.reader.expectHighlighted(keyQuote);
  await expect(app.reader.highlightsPanel).toContainText('Standard formula; compare with the 2016 statement.');
  const stored = await apiCall('annotations.list', { articleId: english!.id });
  expect(stored.map((a) => [a.label, a.quote]).sort()).toEqual([
    ['Claim', mouseQuote],
    ['Key quote', keyQuote],
  ]);
  expect(app.errors).toEqual([]);
});

test('an Arabic article reads right to left and takes highlights', async ({ page, apiCall, saveScreen }) => {
  const app = new QuireApp(page);
  const [arabic] = (await apiCall('import.paths', { paths: [ARABIC_TXT] })).imported;
  await page.reload();
  await app.library.article(arabic!.title).click();
  await expect(app.reader.article).toHaveAttribute('dir', 'rtl');
  expect(await app.reader.text.evaluate((el) => getComputedStyle(el.querySelector('p')!).direction)).toBe('rtl');
  expect(await app.reader.text.evaluate((el) => getComputedStyle(el.querySelector('p')!).textAlign)).toMatch(/right|start/);
  // The panes stay where they are: navigation on the left.
  const nav = await app.navigation.boundingBox();
  const text = await app.reader.text.boundingBox();
  expect(nav!.x).toBeLessThan(text!.x);

  const quote = 'سياسةً خارجيّةً متوازنة';
  await app.reader.dragSelect(quote);
  await expect(app.reader.toolbar).toBeVisible();
  await saveScreen('selection toolbar AR');
  await app.reader.toolbar.getByRole('button', { name: 'Evidence', exact: true }).click();
  await app.reader.expectHighlighted(quote);
  await app.reader.selectText('الدفاع عن سيادتها');
  await page.keyboard.press('2');
  await app.reader.expectHighlighted('الدفاع عن سيادتها');
  const stored = await apiCall('annotations.list', { articleId: arabic!.id });
  expect(stored.map((a) => a.quote).sort()).toEqual(['الدفاع عن سيادتها', quote].sort());

  // The Naskh face is the one in use.
  const families = await app.loadedFontFamilies();
  expect(families).toContain('Noto Naskh Arabic');
  await saveScreen('reader AR with highlights');
  expect(app.errors).toEqual([]);
});

test('edit mode: correcting a word keeps the highlight on it and updates its quote', async ({ page, apiCall, saveScreen }) => {
  const app = new QuireApp(page);
  const [english] = (await apiCall('import.paths', { paths: [ENGLISH_TXT] })).imported;
  const full = await apiCall('articles.get', { id: english!.id });
  const quote = 'balanced approach in its foreign policy';
  const later = 'good neighborliness and non-interference';
  for (const q of [quote, later]) {
    const start = full.text.indexOf(q);
    await apiCall('annotations.create', { articleId: english!.id, start, end: start + q.length, quote: q });
  }
  await page.reload();
  await app.library.article(english!.title).click();
  await app.reader.expectHighlighted(quote);

  await page.getByRole('button', { name: /Edit text/ }).click();
  await expect(app.reader.text).toHaveAttribute('contenteditable', 'true');
  // Double-click the word inside the highlight and type its correction.
  await app.reader.selectText('balanced');
  await page.keyboard.type('measured');
  await saveScreen('edit mode');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(app.toast(/Text saved/)).toBeVisible();
  await expect(app.reader.text).toHaveAttribute('contenteditable', 'false');

  await app.reader.expectHighlighted('measured approach in its foreign policy');
  await app.reader.expectHighlighted(later);
  const stored = await apiCall('annotations.list', { articleId: english!.id });
  expect(stored.map((a) => [a.status, a.quote]).sort()).toEqual([
    ['anchored', later],
    ['anchored', 'measured approach in its foreign policy'],
  ]);
  const saved = await apiCall('articles.get', { id: english!.id });
  expect(saved.text).toContain('a measured approach in its foreign policy');
  await expect(app.reader.panelItem(/^Highlight: measured approach in its foreign policy/)).toBeVisible();
  expect(app.errors).toEqual([]);
});

test('an orphaned highlight is listed apart, greyed, and can be re-attached to a new selection', async ({ page, apiCall, saveScreen }) => {
  const app = new QuireApp(page);
  const [english] = (await apiCall('import.paths', { paths: [ENGLISH_TXT] })).imported;
  const full = await apiCall('articles.get', { id: english!.id });
  const quote = 'good neighborliness and non-interference';
  const start = full.text.indexOf(quote);
  await apiCall('annotations.create', { articleId: english!.id, start, end: start + quote.length, quote });
  // The paragraph holding the quote is rewritten: the highlight has nowhere to go.
  const rewritten = full.text.replace(/The kingdom also adheres[^\n]*/, 'The kingdom restated its long-standing policy towards its neighbours.');
  const update = await apiCall('articles.replaceText', { articleId: english!.id, text: rewritten });
  expect(update.annotations[0]?.status).toBe('orphaned');
  await page.reload();
  await app.library.article(english!.title).click();

  const orphans = app.reader.highlightsPanel.getByRole('region', { name: 'Orphaned highlights' });
  await expect(orphans).toContainText(quote);
  await expect(app.reader.marks()).toHaveCount(0);
  await saveScreen('reader with an orphan');

  await orphans.getByRole('button', { name: 'Re-attach…' }).click();
  await app.reader.selectText('long-standing policy towards its neighbours');
  await expect(page.getByRole('toolbar', { name: 'Re-attach highlight' })).toBeVisible();
  await page.keyboard.press('Enter');
  await app.reader.expectHighlighted('long-standing policy towards its neighbours');
  await expect(orphans).toBeHidden();
  const stored = await apiCall('annotations.list', { articleId: english!.id });
  expect(stored.map((a) => [a.status, a.quote])).toEqual([['anchored', 'long-standing policy towards its neighbours']]);
  expect(app.errors).toEqual([]);
});

test('deleting a highlight from its popover can be undone', async ({ page, apiCall }) => {
  const app = new QuireApp(page);
  const [english] = (await apiCall('import.paths', { paths: [ENGLISH_TXT] })).imported;
  const full = await apiCall('articles.get', { id: english!.id });
  const quote = 'good neighborliness and non-interference';
  const start = full.text.indexOf(quote);
  const created = await apiCall('annotations.create', { articleId: english!.id, start, end: start + quote.length, quote, note: null, tags: ['gulf'] });
  await page.reload();
  await app.library.article(english!.title).click();
  await app.reader.marks().first().click();
  await app.reader.popover.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(app.reader.marks()).toHaveCount(0);
  expect(await apiCall('annotations.list', { articleId: english!.id })).toEqual([]);
  await page.locator('.toasts').getByRole('button', { name: 'Undo' }).click();
  await app.reader.expectHighlighted(quote);
  const restored = await apiCall('annotations.list', { articleId: english!.id });
  expect(restored.map((a) => [a.id, a.tags])).toEqual([[created.id, ['gulf']]]);
  expect(app.errors).toEqual([]);
});
