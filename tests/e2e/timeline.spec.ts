/**
 * The Timeline end to end: the corpus's dated events on one axis (January 2016 from the English,
 * Arabic and Persian articles, March 2023, October 2024 anchored by the web page's published date),
 * keyboard navigation into the reader, a highlight promoted with a corrected date, and a dossier's
 * chronology in the print preview. Screens in light and dark are kept to look at.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.js';
import { CORPUS_FILES } from './corpus.js';
import { DossierPage } from './models/DossierPage.js';
import { QuireApp } from './models/QuireApp.js';
import { TimelinePage } from './models/TimelinePage.js';

type ApiCall = Parameters<Parameters<typeof test>[2]>[0]['apiCall'];

async function importCorpus(apiCall: ApiCall): Promise<Map<string, { id: string; title: string }>> {
  const { imported } = await apiCall('import.paths', { paths: CORPUS_FILES });
  expect(imported).toHaveLength(CORPUS_FILES.length);
  const byFile = new Map<string, { id: string; title: string }>();
  imported.forEach((a, i) => byFile.set(CORPUS_FILES[i]!.split('/').pop()!, { id: a.id, title: a.title }));
  return byFile;
}

/** Opens a route the way a reload would (the app reads the address when it starts). */
async function openRoute(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => window.history.replaceState(null, '', h), hash);
  await page.reload();
}

const EN_JAN = 'severed diplomatic relations with Iran in January 2016';
const AR_JAN = 'كانون الثاني/يناير ٢٠١٦';
const FA_JAN = 'ژانویه ۲۰۱۶';
const AR_MAR = 'آذار/مارس ٢٠٢٣';
const EN_OCT = 'Abbas Araqchi and King Hamad of Bahrain met in Manama';

test('the corpus on the timeline: January 2016 in three languages, March 2023, October 2024, each with its source', async ({ page, apiCall, saveScreen }) => {
  const app = new QuireApp(page);
  const articles = await importCorpus(apiCall);
  await page.reload();
  const timeline = new TimelinePage(page);
  await timeline.open();

  await expect(timeline.year(2016)).toBeVisible();
  const january = timeline.month('January 2016');
  await expect(timeline.event(EN_JAN, january).first()).toBeVisible();
  await expect(timeline.event(AR_JAN, january)).toHaveCount(1);
  await expect(timeline.event(FA_JAN, january)).toHaveCount(1);
  // Each event shows its date at its precision and its source.
  const arabic = timeline.event(AR_JAN, january);
  await expect(arabic.locator('.event-date')).toHaveText('January 2016');
  await expect(arabic.locator('.event-article')).toHaveText(articles.get('manama-tehran-talks.ar.txt')!.title);
  await expect(arabic.locator('.event-mention')).toHaveText(AR_JAN);
  // The Arabic and Persian sentences read right to left inside the left-to-right app.
  await expect(arabic.locator('.event-sentence')).toHaveAttribute('dir', 'rtl');
  await expect(timeline.event(FA_JAN, january).locator('.event-sentence')).toHaveAttribute('dir', 'rtl');
  expect(await arabic.locator('.event-sentence').evaluate((el) => getComputedStyle(el).textAlign)).toMatch(/start|right/);

  const march = timeline.month('March 2023');
  await expect(timeline.event('Beijing in March 2023', march).first()).toBeVisible();
  await expect(timeline.event(AR_MAR, march)).toHaveCount(1);

  // "In October" has its year from the web page's published date (3 December 2024).
  const october = timeline.month('October 2024');
  const oct = timeline.event(EN_OCT, october);
  await expect(oct).toHaveCount(1);
  await expect(oct.locator('.event-mention')).toHaveText('October');
  await expect(oct.locator('.event-source')).toContainText('Example Wire');

  await saveScreen('timeline light');
  await oct.scrollIntoViewIfNeeded();
  await saveScreen('timeline light, 2023 and 2024');
  await app.setTheme('dark');
  await timeline.event(FA_JAN, january).scrollIntoViewIfNeeded();
  await saveScreen('timeline dark, Arabic and Persian');
  await app.setTheme('light');

  // A period: from 2023 on, 2016 is gone and October 2024 stays; a reversed period says so.
  await page.getByRole('group', { name: 'Period' }).getByLabel('From').fill('2023');
  await expect(timeline.year(2016)).toHaveCount(0);
  await expect(timeline.event(EN_OCT)).toHaveCount(1);
  await page.getByRole('group', { name: 'Period' }).getByLabel('To').fill('2020');
  await expect(page.getByRole('alert')).toContainText('“From” is later than “To”');
  await page.getByRole('group', { name: 'Period' }).getByLabel('To').fill('2023-03');
  await expect(timeline.event(EN_OCT)).toHaveCount(0);
  await expect(timeline.event(AR_MAR)).toHaveCount(1);
  await page.getByRole('group', { name: 'Period' }).getByLabel('From').fill('');
  await page.getByRole('group', { name: 'Period' }).getByLabel('To').fill('');
  await expect(timeline.event(AR_JAN)).toHaveCount(1);

  // Precision filter: hiding months leaves no January 2016 group.
  await timeline.precision('Month').click();
  await expect(timeline.month('January 2016')).toHaveCount(0);
  await timeline.precision('Month').click();
  await expect(timeline.event(AR_JAN)).toHaveCount(1);
  expect(app.errors).toEqual([]);
});

test('keyboard: arrows move between events, Enter opens the reader on the sentence', async ({ page, apiCall }) => {
  const app = new QuireApp(page);
  await importCorpus(apiCall);
  await page.reload();
  const timeline = new TimelinePage(page);
  await timeline.open();

  const first = timeline.events.first();
  await first.focus();
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(timeline.events.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(timeline.events.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(first).toBeFocused();
  // Focus is visible.
  expect(await first.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');

  // Walk to the Arabic January event and open it.
  const target = timeline.event(AR_JAN);
  const index = await timeline.events.evaluateAll((nodes, text) => nodes.findIndex((n) => n.textContent?.includes(text)), AR_JAN);
  for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.reader.text).toBeVisible();
  await expect(app.reader.article).toHaveAttribute('dir', 'rtl');
  await expect.poll(async () => (await app.reader.flashed())?.text).toBe(AR_JAN);
  expect(app.errors).toEqual([]);
});

test('a highlight is added to the timeline with a corrected date, and outranks the date found there', async ({ page, apiCall, saveScreen }) => {
  const app = new QuireApp(page);
  const articles = await importCorpus(apiCall);
  const english = articles.get('bahrain-iran-coordination.txt')!;
  const full = await apiCall('articles.get', { id: english.id });
  const quote = 'Tehran and Riyadh reached an agreement in the Chinese capital city of Beijing in March 2023';
  const start = full.text.indexOf(quote);
  const created = await apiCall('annotations.create', { articleId: english.id, start, end: start + quote.length, quote });
  await openRoute(page, `#/article/${english.id}`);
  await expect(app.reader.text).toBeVisible();

  await app.reader.marks().filter({ hasText: 'Beijing' }).first().click();
  await expect(app.reader.popover).toBeVisible();
  await app.reader.popover.getByRole('button', { name: 'Add to timeline…' }).click();
  const timeline = new TimelinePage(page);
  const dialog = timeline.promoteDialog;
  await expect(dialog).toBeVisible();
  // Prefilled from the date written inside the highlight.
  await expect(timeline.dateField('Month')).toHaveValue('3');
  await expect(timeline.dateField('Year')).toHaveValue('2023');
  await expect(dialog.getByRole('radio', { name: 'Month', exact: true })).toBeChecked();
  await expect(dialog).toContainText('Found in the text: “March 2023”');

  // An impossible date is refused in words.
  await timeline.fillDate({ precision: 'Day', day: '31', month: 'February', year: '2023' });
  await dialog.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('31 February 2023 is not a date.');
  await saveScreen('add to timeline with an impossible date');

  // Corrected: the deal was signed on 10 March 2023.
  await timeline.fillDate({ precision: 'Day', day: '10', month: 'March', year: '2023' });
  await dialog.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.toast('On the timeline at 10 March 2023.')).toBeVisible();

  await timeline.open();
  const march = timeline.month('March 2023');
  const promoted = march.locator('.timeline-event.is-highlight');
  await expect(promoted).toHaveCount(1);
  await expect(promoted.locator('.event-date')).toHaveText('10 March 2023');
  await expect(promoted).toContainText('Your highlight');
  await expect(promoted.locator('.event-article')).toHaveText(english.title);
  // The mention the highlight covers is no longer listed for that article: the analyst's date wins.
  // (The web page carries the same sentence: its own mention stays.)
  await expect(march.locator(`.timeline-event[data-article-id="${english.id}"]`)).toHaveCount(1);
  await expect(timeline.event('Tehran and Riyadh reached an agreement', march)).toHaveCount(2);
  await promoted.focus();
  await saveScreen('promoted highlight on the timeline');

  // Opening it lands on the highlight.
  await promoted.click();
  await expect(app.reader.marks().filter({ hasText: 'Beijing' }).first()).toHaveAttribute('data-focused', 'true');
  expect(created.id).toBeTruthy();
  expect(app.errors).toEqual([]);
});

test('a dossier with its chronology: the setting on the cover, the section in the print preview', async ({ page, apiCall, saveScreen }) => {
  const app = new QuireApp(page);
  const articles = await importCorpus(apiCall);
  const dossier = await apiCall('dossiers.create', { title: 'Bahrain and Iran: chronology' });
  await apiCall('dossiers.addItems', {
    dossierId: dossier.id,
    ids: [articles.get('bahrain-iran-coordination.html')!.id, articles.get('manama-tehran-talks.ar.txt')!.id, articles.get('manama-tehran-talks.fa.txt')!.id],
  });
  await openRoute(page, `#/dossiers/${dossier.id}`);
  const builder = new DossierPage(page);
  await expect(builder.heading).toHaveText('Bahrain and Iran: chronology');
  await expect(builder.preview.locator('.chronology')).toHaveCount(0);

  await builder.coverTab.click();
  const include = page.getByRole('checkbox', { name: /Include chronology/ });
  await expect(include).not.toBeChecked();
  await include.check();
  const section = builder.preview.locator('section.chronology');
  await expect(section).toBeVisible();
  await expect(section.locator('h1')).toHaveText('Chronology');
  await expect(section.locator('h2.chron-year')).toHaveText(['2016', '2023', '2024']);
  const arabic = section.locator('.chron-sentence[dir="rtl"]', { hasText: AR_JAN });
  await expect(arabic).toHaveCount(1);
  await expect(arabic).toHaveAttribute('lang', 'ar');
  // Laid out right to left in the preview too (its text ends at the right edge).
  expect(await arabic.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await expect(section.locator('.chron-event', { hasText: EN_OCT }).locator('.chron-date')).toHaveText('October 2024');
  await section.scrollIntoViewIfNeeded();
  await saveScreen('dossier chronology in the preview');

  // The setting is kept.
  const stored = await apiCall('dossiers.get', { id: dossier.id });
  expect(stored.includeChronology).toBe(true);
  // And the dossier's timeline is one click away.
  await page.locator('.builder-header').getByRole('button', { name: 'Timeline', exact: true }).click();
  const timeline = new TimelinePage(page);
  await expect(timeline.heading).toBeVisible();
  await expect(timeline.scope).toHaveValue(`dossier:${dossier.id}`);
  await expect(timeline.event(AR_JAN)).toHaveCount(1);
  expect(app.errors).toEqual([]);
});

test('search results open on the timeline with only their articles’ dates', async ({ page, apiCall }) => {
  const app = new QuireApp(page);
  await importCorpus(apiCall);
  await page.reload();
  await app.search.open();
  await app.search.input.fill('Beijing');
  await expect(app.search.group('Articles').getByRole('option').first()).toBeVisible();
  await page.getByRole('button', { name: 'Show the dates in these results on the timeline' }).click();
  const timeline = new TimelinePage(page);
  await expect(timeline.heading).toBeVisible();
  await expect(timeline.scope).toHaveValue('search:Beijing');
  await expect(timeline.scope.locator('option:checked')).toHaveText('Search “Beijing”');
  // The Persian article does not mention Beijing: its January 2016 is not listed; the Beijing deal is.
  await expect(timeline.event('Beijing in March 2023').first()).toBeVisible();
  await expect(timeline.event(FA_JAN)).toHaveCount(0);
  // Back to the whole library from the same picker.
  await timeline.scope.selectOption({ label: 'Whole library' });
  await expect(timeline.event(FA_JAN)).toHaveCount(1);
  expect(app.errors).toEqual([]);
});

test('a Solar Hijri date in a pasted Persian report is placed in its Gregorian month, marked as converted', async ({ page, apiCall, saveScreen }) => {
  const app = new QuireApp(page);
  const text =
    'به گزارش خبرگزاری‌ها، سفارت عربستان سعودی در تهران در دی ۱۳۹۴ هدف حمله معترضان قرار گرفت و ریاض روابطش را با تهران قطع کرد.\n\n' +
    'منامه نیز چند روز بعد سفیر ایران را اخراج کرد.';
  const outcome = await apiCall('import.text', { text, title: 'گزارش: قطع روابط پس از حمله به سفارت' });
  expect(outcome.status).toBe('imported');
  await page.reload();
  const timeline = new TimelinePage(page);
  await timeline.open();
  const event = timeline.event('دی ۱۳۹۴');
  await expect(event).toHaveCount(1);
  await expect(event.locator('.event-mention')).toHaveText('دی ۱۳۹۴');
  await expect(event.locator('.event-sentence')).toHaveAttribute('dir', 'rtl');
  await expect(event.locator('.event-badge.is-note')).toHaveText('Solar Hijri');
  // Shown by its main Gregorian month (22 December 2015 – 20 January 2016).
  await expect(event.locator('.event-date')).toHaveText(/January 2016|December 2015/);
  await event.click();
  await expect(app.reader.text).toBeVisible();
  await expect.poll(async () => (await app.reader.flashed())?.text).toBe('دی ۱۳۹۴');
  // Alt+← comes back to the timeline.
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(timeline.heading).toBeVisible();
  await saveScreen('solar hijri event');
  expect(app.errors).toEqual([]);
});

test('an empty library teaches where events come from', async ({ page }) => {
  const timeline = new TimelinePage(page);
  await timeline.open();
  await expect(timeline.empty.getByRole('heading', { name: 'No dated events yet' })).toBeVisible();
  await expect(timeline.empty).toContainText('Add to timeline');
  await expect(timeline.empty.getByRole('button', { name: /Import files/ })).toBeVisible();
});
