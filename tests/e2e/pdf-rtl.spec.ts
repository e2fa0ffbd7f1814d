/**
 * Arabic and Persian PDFs imported through the UI read right to left, in logical order, and the
 * search palette finds their words (tests/fixtures/pdf-rtl: LibreOffice and a legacy presentation-form writer).
 */
import { join } from 'node:path';
import { FIXTURES, test, expect } from './fixtures.js';
import { QuireApp } from './models/QuireApp.js';

const AR_PDF = join(FIXTURES, 'pdf-rtl', 'statement.ar.libreoffice.pdf');
const FA_PDF = join(FIXTURES, 'pdf-rtl', 'report.fa.legacy.pdf');
const AR_TITLE = 'بيان وزارة الخارجية بشأن المحادثات مع طهران';
const FA_TITLE = 'گزارش نشست کارشناسان درباره روابط ایران و بحرین';

test('Arabic and Persian PDFs import right to left and are found by their words', async ({ page, apiCall, saveScreen }) => {
  const app = new QuireApp(page);
  await app.library.importWithFileInput([AR_PDF, FA_PDF]);
  const { summary } = await app.library.finishImport();
  expect(summary ?? '').not.toMatch(/[1-9]\d* failed/);
  const list = await apiCall('articles.list', {});
  expect(list.articles.map((a) => [a.title, a.language]).sort()).toEqual([
    [FA_TITLE, 'fa'],
    [AR_TITLE, 'ar'],
  ].sort());

  await app.library.article(AR_TITLE).click();
  await expect(app.reader.text).toContainText('لا تزال ملتزمة بمبدأ حسن الجوار');
  await expect(app.reader.text).toContainText('١٢ أيار/مايو ٢٠٢٤');
  await expect(app.reader.text.locator('[dir="rtl"]').first()).toBeVisible();
  await saveScreen('Arabic PDF in the reader');

  await app.search.open();
  await app.search.input.fill('چارچوب‌های پیشنهادی');
  const articles = app.search.group('Articles');
  await expect(articles.getByRole('option')).toHaveCount(1);
  await expect(articles.getByRole('option').first()).toContainText(FA_TITLE);
  await page.keyboard.press('Enter');
  await expect(app.reader.text).toContainText('پژوهشگران حاضر در نشست یادآوری کردند');
  await saveScreen('Persian PDF found by search');
  expect(app.errors).toEqual([]);
});
