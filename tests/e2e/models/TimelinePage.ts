/** The Timeline: its scope and precision controls, year and month groups, events, and the "Add to timeline" dialog. */
import { expect, type Locator, type Page } from '@playwright/test';

export class TimelinePage {
  readonly heading: Locator;
  readonly scope: Locator;
  readonly events: Locator;
  readonly empty: Locator;
  readonly promoteDialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Timeline', level: 1 });
    this.scope = page.getByRole('combobox', { name: 'Events of' });
    this.events = page.locator('.timeline-event');
    this.empty = page.locator('.timeline-empty');
    this.promoteDialog = page.getByRole('dialog', { name: /Add to timeline|Change the event’s date/ });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: /^Timeline\b/ }).first().click();
    await expect(this.heading).toBeVisible();
  }

  /** A year's section, by its heading ("2016"). */
  year(year: number): Locator {
    return this.page.locator('.timeline-year').filter({ has: this.page.locator(`h2#year-${year}`) });
  }

  /** A month's events, by the month heading ("January 2016"). */
  month(name: string): Locator {
    return this.page.locator('.timeline-month').filter({ has: this.page.getByRole('heading', { name, exact: true, level: 3 }) });
  }

  /** The event whose sentence contains `text`. */
  event(text: string, within: Locator | Page = this.page): Locator {
    return within.locator('.timeline-event').filter({ has: this.page.locator('.event-sentence', { hasText: text }) });
  }

  precision(name: 'Day' | 'Month' | 'Year'): Locator {
    return this.page.getByRole('group', { name: 'Precision' }).getByRole('button', { name: new RegExp(`^${name}\\b`) });
  }

  /** Fills the "Add to timeline" dialog: precision, then day/month/year as given. */
  async fillDate(date: { precision: 'Day' | 'Month' | 'Year'; day?: string; month?: string; year?: string }): Promise<void> {
    // The radios are drawn as segments: the analyst clicks the segment (its label).
    await this.promoteDialog.locator('label.segment').filter({ hasText: new RegExp(`^${date.precision}$`) }).click();
    await expect(this.promoteDialog.getByRole('radio', { name: date.precision, exact: true })).toBeChecked();
    if (date.day !== undefined) await this.dateField('Day').fill(date.day);
    if (date.month !== undefined) await this.dateField('Month').selectOption({ label: date.month });
    if (date.year !== undefined) await this.dateField('Year').fill(date.year);
  }

  /** The dialog's Day and Year boxes and Month list. */
  dateField(name: 'Day' | 'Month' | 'Year'): Locator {
    return this.promoteDialog.getByRole(name === 'Month' ? 'combobox' : 'textbox', { name, exact: true });
  }
}
