/** The Ctrl/Cmd+K palette. */
import type { Locator, Page } from '@playwright/test';

export class SearchPalette {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Search' });
    this.input = this.dialog.getByRole('combobox', { name: 'Search' });
    this.results = this.dialog.getByRole('listbox', { name: 'Results' });
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
  }

  group(name: 'Articles' | 'Highlights' | 'Notes'): Locator {
    return this.results.getByRole('group', { name });
  }

  options(): Locator {
    return this.results.getByRole('option');
  }
}
