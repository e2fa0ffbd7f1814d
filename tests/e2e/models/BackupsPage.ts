/**
 * Library ▸ Backups (the last backup, the list, Back up now, Restore…, Check library) and the recovery
 * screen the app shows instead of the library when its database is damaged.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface Counts {
  readonly articles: number;
  readonly annotations: number;
  readonly notes: number;
  readonly dossiers: number;
}

export class BackupsPage {
  readonly heading: Locator;
  readonly backUpNow: Locator;
  readonly checkLibrary: Locator;
  readonly lastBackup: Locator;
  readonly table: Locator;
  readonly restoreDialog: Locator;
  readonly checkReport: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Backups', level: 1 });
    this.backUpNow = page.getByRole('button', { name: /^(Back up now|Backing up…)$/ });
    this.checkLibrary = page.getByRole('button', { name: /^(Check library|Checking…)$/ });
    this.lastBackup = page.getByRole('region', { name: /^(Last backup|This library has not been backed up yet)/ });
    this.table = page.getByRole('table', { name: 'Backups' });
    this.restoreDialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    this.checkReport = page.getByRole('region', { name: /^(The library is healthy|Found \d+ problem)/ });
  }

  /** From the left navigation, as the analyst would. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Navigation' }).getByRole('button', { name: /^Backups\b/ }).click();
    await expect(this.heading).toBeVisible();
  }

  rows(): Locator {
    return this.table.locator('tbody tr');
  }

  /** One row's counts, read from its cells (articles, highlights, notes, dossiers). */
  async rowCounts(row: Locator): Promise<Counts> {
    const cells = await row.locator('td.num').allTextContents();
    const n = (i: number): number => Number((cells[i] ?? '').replace(/,/g, ''));
    return { articles: n(0), annotations: n(1), notes: n(2), dossiers: n(3) };
  }

  /** The dialog's "now → after restore" rows, by title (Articles, Highlights, …). */
  async restoreComparison(): Promise<Record<string, { now: string; after: string }>> {
    const rows = this.restoreDialog.getByRole('table', { name: 'What changes' }).locator('tbody tr');
    const result: Record<string, { now: string; after: string }> = {};
    for (const row of await rows.all()) {
      const title = (await row.locator('th').textContent()) ?? '';
      const cells = await row.locator('td').allTextContents();
      result[title] = { now: cells[0] ?? '', after: cells[2] ?? '' };
    }
    return result;
  }
}

export class RecoveryScreen {
  readonly heading: Locator;
  readonly backup: Locator;
  readonly noBackup: Locator;
  readonly restoreButton: Locator;
  readonly checkAgain: Locator;
  readonly command: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'This library’s database is damaged', level: 1 });
    this.backup = page.getByTestId('recovery-backup');
    this.noBackup = page.getByTestId('recovery-no-backup');
    this.restoreButton = page.getByRole('button', { name: /^(Restore this backup|Restoring…)$/ });
    this.checkAgain = page.getByRole('button', { name: 'Check again' });
    this.command = page.getByLabel('Restore command');
  }

  /** The backup's counts as the screen shows them (Articles, Highlights, Notes, Dossiers). */
  async counts(): Promise<Counts> {
    const value = async (title: string): Promise<number> =>
      Number(((await this.backup.locator('.recovery-counts div').filter({ hasText: title }).locator('dd').textContent()) ?? '').replace(/,/g, ''));
    return { articles: await value('Articles'), annotations: await value('Highlights'), notes: await value('Notes'), dossiers: await value('Dossiers') };
  }
}
