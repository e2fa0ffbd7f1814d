/**
 * Backups in the app: Library ▸ Backups (Back up now, the list with its counts, Restore… with its
 * before → after comparison, Check library), and the recovery screen a damaged library opens on:
 * the newest good backup with its facts, Restore, and the library back (articles, the highlight in
 * the reader, the note, the dossier) with the damaged file kept on disk; or, with no backup, what to do.
 */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from './fixtures.js';
import { damageDatabase, damagedCopies, seedLibrary, type SeededLibrary } from './library-setup.js';
import { BackupsPage, RecoveryScreen } from './models/BackupsPage.js';
import { DossierPage } from './models/DossierPage.js';
import { NotesPage } from './models/NotesPage.js';
import { QuireApp } from './models/QuireApp.js';
import { ENGLISH_TXT, MARKDOWN } from './corpus.js';

type Preparation = 'fresh' | 'damaged-with-backup' | 'damaged-without-backup';

/** What was put in a prepared library, keyed by its folder (the fixture that made it hands it on). */
const seeded = new Map<string, SeededLibrary>();

const test = base.extend<{ preparation: Preparation; seeded: SeededLibrary | null }>({
  preparation: ['fresh', { option: true }],
  // The library folder is prepared before `server` (which depends on it) starts on it.
  libraryDir: async ({ preparation }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'quire-e2e-'));
    if (preparation !== 'fresh') {
      seeded.set(dir, await seedLibrary(dir, { backup: preparation === 'damaged-with-backup' }));
      damageDatabase(dir);
    }
    await use(dir);
    seeded.delete(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  seeded: async ({ libraryDir }, use) => use(seeded.get(libraryDir) ?? null),
});

test.describe('Library ▸ Backups', () => {
  test('Back up now: the list shows the new backup with the right counts; Check library reports healthy', async ({ page, apiCall, saveScreen }) => {
    const app = new QuireApp(page);
    const backups = new BackupsPage(page);
    const { imported } = await apiCall('import.paths', { paths: [ENGLISH_TXT, MARKDOWN] });
    const english = await apiCall('articles.get', { id: imported[0]!.id });
    for (const quote of ['continue coordination with its Iranian counterpart', 'balanced approach']) {
      const start = english.text.indexOf(quote);
      await apiCall('annotations.create', { articleId: english.id, start, end: start + quote.length, quote });
    }
    await apiCall('notes.create', { title: 'Reading notes', text: 'The channel stays open.' });
    const dossier = await apiCall('dossiers.create', { title: 'Weekly brief' });
    await apiCall('dossiers.addItems', { dossierId: dossier.id, ids: [english.id] });
    await page.reload();

    await backups.open();
    await expect(backups.lastBackup).toContainText('has not been backed up yet');
    await backups.backUpNow.click();
    await expect(app.toast(/^Backed up 2 articles, 2 highlights, 1 note and 1 dossier/)).toBeVisible();
    await expect(backups.rows()).toHaveCount(1);
    expect(await backups.rowCounts(backups.rows().first())).toEqual({ articles: 2, annotations: 2, notes: 1, dossiers: 1 });
    await expect(backups.rows().first()).toContainText('just now');
    await expect(backups.rows().first()).toContainText('Made by hand');
    await expect(backups.lastBackup).toContainText('Last backup just now');
    await expect(backups.lastBackup).toContainText('2 articles, 2 highlights, 1 note and 1 dossier');
    // The navigation counts it; the API agrees with what the page shows.
    await expect(app.navigation.getByRole('button', { name: /^Backups/ })).toContainText('1');
    const status = await apiCall('backup.status', {});
    expect(status.backups).toHaveLength(1);
    expect(status.last?.articles).toBe(2);

    await backups.checkLibrary.click();
    await expect(backups.checkReport).toContainText('The library is healthy.');
    await expect(backups.checkReport).toContainText('2 articles, 2 original files');
    await saveScreen('backups light');
    await app.setTheme('dark');
    // The dark surface has settled (buttons ease their colours) before the picture is taken.
    await expect(backups.rows().first().getByRole('button', { name: /^Restore/ })).toHaveCSS('background-color', 'rgb(33, 35, 39)');
    await saveScreen('backups dark');
    expect(app.errors).toEqual([]);
  });

  test('Restore… says what changes (now → after), keeps the current database aside, and brings the backup back', async ({ page, apiCall, libraryDir, saveScreen }) => {
    const app = new QuireApp(page);
    const backups = new BackupsPage(page);
    await apiCall('import.paths', { paths: [ENGLISH_TXT] });
    await apiCall('backup.create', {});
    // After the backup: one more article and a note, which the restore will not have.
    const { imported } = await apiCall('import.paths', { paths: [MARKDOWN] });
    await apiCall('notes.create', { title: 'Written after the backup', text: 'Not in the backup.' });
    await page.reload();

    await backups.open();
    await backups.rows().first().getByRole('button', { name: /^Restore the backup from/ }).click();
    await expect(backups.restoreDialog).toBeVisible();
    await expect(backups.restoreDialog).toContainText('quire.sqlite.damaged-');
    await expect(backups.restoreDialog).toContainText('1 article and 1 note fewer than now');
    await expect.poll(() => backups.restoreComparison()).toEqual({
      Articles: { now: '2', after: '1' },
      Highlights: { now: '0', after: '0' },
      Notes: { now: '1', after: '0' },
      Dossiers: { now: '0', after: '0' },
    });
    await saveScreen('restore dialog');
    // Keyboard: the safe choice has focus (Enter alone never replaces the library); Tab, then Enter restores.
    await expect(backups.restoreDialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(backups.restoreDialog.getByRole('button', { name: 'Restore this backup' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(app.toast(/^Restored the backup from .*: 1 article, 0 highlights, 0 notes and 0 dossiers\. The previous database is kept as quire\.sqlite\.damaged-/)).toBeVisible({
      timeout: 30_000,
    });
    await expect(backups.restoreDialog).toBeHidden();
    expect(damagedCopies(libraryDir).length).toBeGreaterThan(0);

    await app.library.goto();
    await expect(app.library.rows()).toHaveCount(1);
    await expect(app.library.article(imported[0]!.title)).toHaveCount(0);
    expect(app.errors).toEqual([]);
  });
});

test('Check library names a changed original and a leftover temporary file, and Repair removes only the leftover', async ({ page, apiCall, libraryDir, saveScreen }) => {
  const backups = new BackupsPage(page);
  await apiCall('import.paths', { paths: [ENGLISH_TXT] });
  const original = readdirSync(join(libraryDir, 'originals')).find((name) => /^[0-9a-f]{64}/.test(name))!;
  appendFileSync(join(libraryDir, 'originals', original), '\nA line someone added later.');
  // A temporary file an interrupted index save left behind a day ago.
  mkdirSync(join(libraryDir, 'search'), { recursive: true });
  const leftover = join(libraryDir, 'search', 'shard-7.json.tmp');
  writeFileSync(leftover, '{"half":');
  const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
  utimesSync(leftover, yesterday, yesterday);

  await backups.open();
  await backups.checkLibrary.click();
  await expect(backups.checkReport).toContainText('Found 2 problems; 1 can be repaired without guessing.');
  const problems = backups.checkReport.getByRole('list', { name: 'Problems found' });
  await expect(problems.getByRole('listitem').filter({ hasText: 'An original file was changed after import' })).toContainText(original);
  await expect(problems.getByRole('listitem').filter({ hasText: 'A leftover temporary file' })).toContainText('search/shard-7.json.tmp');
  await saveScreen('check report');

  await backups.checkReport.getByRole('button', { name: 'Repair what can be fixed' }).click();
  await expect(backups.checkReport.getByRole('list').first()).toContainText('search/shard-7.json.tmp');
  await expect(backups.checkReport).toContainText('Repaired');
  expect(existsSync(leftover)).toBe(false);
  // The changed original is the analyst's to judge: still named, still on disk.
  await expect(problems).toContainText(original);
  expect(existsSync(join(libraryDir, 'originals', original))).toBe(true);
});

test('the automatic-backup settings are saved in the library, and keeping nothing is refused', async ({ page, apiCall }) => {
  const app = new QuireApp(page);
  const backups = new BackupsPage(page);
  await backups.open();
  const settings = page.getByRole('form', { name: 'Automatic backups' });
  const save = settings.getByRole('button', { name: 'Save settings' });
  await expect(save).toBeDisabled();
  await settings.getByLabel('Back up').selectOption({ label: 'Every 12 hours' });
  await settings.getByLabel('Daily').fill('10');
  await save.click();
  await expect(app.toast('Backup settings saved: Quire backs up every 12 hours when there are changes.')).toBeVisible();
  const status = await apiCall('backup.status', {});
  expect(status.intervalHours).toBe(12);
  expect(status.retention).toEqual({ daily: 10, weekly: 4, monthly: 12 });

  for (const field of ['Daily', 'Weekly', 'Monthly']) await settings.getByLabel(field).fill('0');
  await expect(settings.getByRole('alert')).toContainText('Keep at least one backup');
  await expect(save).toBeDisabled();
  await settings.getByLabel('Weekly').fill('2.5');
  await expect(settings.getByRole('alert')).toContainText('Weekly must be a whole number from 0 to 520.');
  expect((await apiCall('backup.status', {})).retention).toEqual({ daily: 10, weekly: 4, monthly: 12 });
});

test('restoring a library of 250 articles shows that it is busy, keeps the window alive, and cannot be closed halfway', async ({ page, apiCall, saveScreen }) => {
  const app = new QuireApp(page);
  const backups = new BackupsPage(page);
  const files = Array.from({ length: 250 }, (_, i) => ({
    name: `harbour-log-${String(i + 1).padStart(3, '0')}.txt`,
    dataBase64: Buffer.from(`Harbour log ${i + 1}\n\nThe port authority recorded ${i * 3 + 2} arrivals and ${i % 7} inspections on day ${i + 1}.`).toString('base64'),
  }));
  const report = await apiCall('import.files', { files });
  expect(report.imported).toHaveLength(250);
  await apiCall('backup.create', {});
  await apiCall('import.text', { title: 'Added after the backup', text: 'A late report from the harbour master.' });
  await page.reload();

  // Hold the restore request a moment, as a slow disk would, so the busy state is there to look at
  // on any machine; then it goes to the real server.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/backup.restore', async (route) => {
    await held;
    await route.fallback();
  });

  await backups.open();
  await backups.rows().first().getByRole('button', { name: /^Restore the backup from/ }).click();
  await expect.poll(async () => (await backups.restoreComparison())['Articles']).toEqual({ now: '251', after: '250' });
  await backups.restoreDialog.getByRole('button', { name: 'Restore this backup' }).click();
  const busy = backups.restoreDialog.getByRole('status');
  await expect(busy).toContainText('Restoring: putting the backup in place, then rebuilding search…');
  await expect(backups.restoreDialog.getByRole('button', { name: 'Restoring…' })).toBeDisabled();
  await expect(backups.restoreDialog.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  // The window keeps running: the elapsed time ticks, and Escape does not abandon the restore halfway.
  await expect(busy).toContainText(/\d+ s/, { timeout: 5000 });
  await page.keyboard.press('Escape');
  await expect(backups.restoreDialog).toBeVisible();
  await saveScreen('restore in progress');
  release();

  await expect(app.toast(/^Restored the backup from .*: 250 articles/)).toBeVisible({ timeout: 30_000 });
  await app.library.goto();
  await expect(page.locator('.view-subtitle')).toHaveText('250 articles');
  expect(app.errors).toEqual([]);
});

test.describe('a damaged library with a backup', () => {
  test.use({ preparation: 'damaged-with-backup' });

  test('opens on the recovery screen; Restore brings back articles, the highlight, the note and the dossier, and keeps the damaged file', async ({
    page,
    seeded,
    libraryDir,
    saveScreen,
  }) => {
    const app = new QuireApp(page);
    const recovery = new RecoveryScreen(page);
    const backup = seeded!.backup!;

    await expect(recovery.heading).toBeVisible();
    await expect(page.getByRole('table', { name: 'Articles' })).toHaveCount(0);
    await expect(recovery.backup).toContainText('Newest good backup');
    await expect(recovery.backup.locator('time')).toHaveAttribute('dateTime', backup.createdAt);
    expect(await recovery.counts()).toEqual({ articles: 2, annotations: 1, notes: 1, dossiers: 1 });
    expect(backup).toMatchObject({ articles: 2, annotations: 1, notes: 1, dossiers: 1 });
    await expect(recovery.backup).toContainText('kept in the library folder as quire.sqlite.damaged-');
    await expect(recovery.command).toContainText('quire restore');
    await expect(recovery.command).toContainText(libraryDir);
    await saveScreen('recovery light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreen('recovery dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await recovery.restoreButton.click();
    // The app replaces the recovery screen by itself (no reload) and says what came back.
    await expect(app.toast(/^Restored the backup from .*: 2 articles, 1 highlight, 1 note and 1 dossier\. The damaged database is kept as quire\.sqlite\.damaged-/)).toBeVisible({
      timeout: 30_000,
    });
    await expect(recovery.heading).toHaveCount(0);
    expect(damagedCopies(libraryDir).length).toBeGreaterThan(0);
    // Before the restore the app's first calls were refused (library_damaged), which the browser logs;
    // from here on the restored library must work without a single error.
    app.errors.length = 0;

    await app.library.goto();
    await expect(app.library.rows()).toHaveCount(2);
    for (const title of seeded!.articleTitles) await expect(app.library.article(title)).toBeVisible();
    await app.library.article(seeded!.articleTitles[0]!).click();
    await app.reader.expectHighlighted(seeded!.quote);

    const notes = new NotesPage(page);
    await notes.open();
    await expect(notes.card(seeded!.noteTitle)).toBeVisible();
    const dossiers = new DossierPage(page);
    await dossiers.open();
    await expect(page.getByRole('main').getByRole('list', { name: 'Dossiers' })).toContainText(seeded!.dossierTitle);

    // Search was rebuilt over the restored library.
    await app.search.open();
    await app.search.input.fill('Iranian counterpart');
    await expect(app.search.options().first()).toBeVisible();
    await page.keyboard.press('Escape');
    expect(app.errors).toEqual([]);
  });
});

test.describe('a damaged library without a backup', () => {
  test.use({ preparation: 'damaged-without-backup' });

  test('says there is no backup, that the originals are safe, and how to restore a portable archive', async ({ page, libraryDir, saveScreen }) => {
    const recovery = new RecoveryScreen(page);
    await expect(recovery.heading).toBeVisible();
    await expect(recovery.noBackup).toContainText('There is no backup to restore');
    await expect(recovery.noBackup).toContainText('original files');
    await expect(recovery.noBackup).toContainText('quire backup --to');
    await expect(recovery.noBackup.locator('.recovery-command')).toContainText(`quire restore <archive folder> --library`);
    await expect(recovery.noBackup.locator('.recovery-command')).toContainText(libraryDir);
    await expect(recovery.restoreButton).toHaveCount(0);
    // Nothing was touched: no restore, no damaged copy.
    expect(damagedCopies(libraryDir)).toEqual([]);
    await recovery.checkAgain.click();
    await expect(recovery.heading).toBeVisible();
    await saveScreen('recovery without backup');
  });
});
