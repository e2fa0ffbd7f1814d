/** The dossier builder: cover fields, the ordered items, the add panel and the live print preview. */
import { expect, type Locator, type Page } from '@playwright/test';

export class DossierPage {
  readonly newDossierButton: Locator;
  readonly itemsTab: Locator;
  readonly coverTab: Locator;
  readonly items: Locator;
  readonly rows: Locator;
  readonly addPanel: Locator;
  readonly preview: Locator;
  readonly announcement: Locator;
  readonly exportButton: Locator;
  /** The builder's title (the preview has its own h1 for the cover). */
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.newDossierButton = page.getByRole('button', { name: 'New dossier', exact: true });
    this.itemsTab = page.getByRole('tab', { name: /^Items/ });
    this.coverTab = page.getByRole('tab', { name: 'Cover & summary' });
    this.items = page.getByRole('list', { name: 'Dossier items' });
    this.rows = this.items.locator(':scope > li');
    this.addPanel = page.locator('.add-items');
    this.preview = page.locator('.preview-host');
    this.announcement = page.locator('.dossier-builder [role="status"][aria-live="polite"]');
    this.exportButton = page.getByRole('button', { name: 'Export…' });
    this.heading = page.locator('.builder-header h1');
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: /^Dossiers\b/ }).first().click();
    await expect(this.page.getByRole('heading', { name: 'Dossiers', level: 1 })).toBeVisible();
  }

  field(label: 'Title' | 'Subtitle' | 'Author' | 'Date' | 'Marking'): Locator {
    return this.page.locator('.meta-form').getByLabel(label, { exact: true });
  }

  row(title: string): Locator {
    return this.rows.filter({ hasText: title });
  }

  /** The titles of the items, in order. */
  async order(): Promise<string[]> {
    return this.rows.locator('.ditem-title, .ditem-heading-input').evaluateAll((nodes) =>
      nodes.map((n) => (n instanceof HTMLInputElement ? n.value : (n.textContent ?? '')).trim()),
    );
  }

  /** Types into the add panel's Search tab (the whole library); returns the list of candidates. */
  async searchToAdd(query: string): Promise<Locator> {
    await this.addPanel.getByRole('tab', { name: 'Search' }).click();
    await this.addPanel.getByRole('searchbox', { name: 'Search the library' }).fill(query);
    return this.addPanel.getByRole('tabpanel', { name: 'search to add' });
  }

  async addArticle(title: string): Promise<void> {
    await this.addPanel.getByRole('tab', { name: 'Articles' }).click();
    await this.addPanel.getByRole('button', { name: `Add ${title}`, exact: true }).click();
    await expect(this.row(title)).toBeVisible();
  }
}
