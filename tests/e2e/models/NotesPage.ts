/** The Notes screen: the list, one note in the editor, its citation blocks and the "Cite highlight" picker. */
import { expect, type Locator, type Page } from '@playwright/test';

export class NotesPage {
  readonly newNoteButton: Locator;
  readonly title: Locator;
  readonly body: Locator;
  readonly citeButton: Locator;
  readonly picker: Locator;
  readonly pickerFilter: Locator;
  readonly citations: Locator;
  readonly sidePanelCitations: Locator;

  constructor(readonly page: Page) {
    this.newNoteButton = page.getByRole('button', { name: 'New note', exact: true });
    this.title = page.getByRole('textbox', { name: 'Note title' });
    this.body = page.getByRole('textbox', { name: 'Note text' });
    this.citeButton = page.getByRole('button', { name: 'Cite highlight' });
    this.picker = page.getByRole('dialog', { name: 'Cite a highlight' });
    this.pickerFilter = this.picker.getByRole('combobox', { name: 'Filter highlights' });
    this.citations = this.body.locator('figure.citation');
    this.sidePanelCitations = page.locator('.note-citation-list > li');
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: /^Notes\b/ }).first().click();
    await expect(this.page.getByRole('heading', { name: 'Notes', level: 1 })).toBeVisible();
  }

  card(title: string): Locator {
    return this.page.locator('.note-card').filter({ hasText: title });
  }

  citation(quote: string): Locator {
    return this.citations.filter({ hasText: quote });
  }

  /** Opens the picker, filters by `filter` and cites the highlight whose quote contains `quote`. */
  async cite(filter: string, quote: string): Promise<void> {
    await this.citeButton.click();
    await expect(this.picker).toBeVisible();
    await this.pickerFilter.fill(filter);
    const option = this.picker.getByRole('option').filter({ hasText: quote });
    await expect(option).toHaveCount(1);
    await option.click();
    await expect(this.picker).toBeHidden();
    await expect(this.citation(quote)).toBeVisible();
  }

  async expectSaved(): Promise<void> {
    await expect(this.page.locator('.note-save-state')).toHaveText('Saved', { timeout: 10_000 });
  }
}
