/** The library: import (file input, drop, paste), the article table, delete and undo. */
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

export class LibraryPage {
  readonly table: Locator;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Articles' });
    this.heading = page.getByRole('heading', { name: 'Library', level: 1 });
  }

  async goto(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Navigation' }).getByRole('button', { name: /^Library/ }).click();
  }

  /** The button that opens an article, named by its title. */
  article(title: string | RegExp): Locator {
    return this.table.getByRole('button', { name: title });
  }

  rows(): Locator {
    return this.table.getByRole('rowgroup').nth(1).getByRole('row');
  }

  /** Through the Import button's file input, as a file chooser would. */
  async importWithFileInput(paths: readonly string[]): Promise<void> {
    await this.page.getByTestId('import-files-input').setInputFiles([...paths]);
  }

  /** A drop of files on the window, built in the page from the files' bytes (as a real drag from the desktop). */
  async importByDrop(paths: readonly string[], extra: ReadonlyArray<{ name: string; bytes: Uint8Array }> = []): Promise<void> {
    const files = [
      ...paths.map((path) => ({ name: basename(path), base64: readFileSync(path).toString('base64') })),
      ...extra.map((file) => ({ name: file.name, base64: Buffer.from(file.bytes).toString('base64') })),
    ];
    await this.page.evaluate((list) => {
      const data = new DataTransfer();
      for (const file of list) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        data.items.add(new File([bytes], file.name));
      }
      const target = document.querySelector('main') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
      }
    }, files);
  }

  /** Waits for an import to end: a success toast, or the summary dialog (closed with Done). */
  async finishImport(): Promise<{ summary: string | null }> {
    const summary = this.page.getByRole('dialog', { name: /Import (finished|cancelled)/ });
    const toast = this.page.locator('.toasts').getByText(/^Imported/);
    await expect(summary.or(toast).first()).toBeVisible({ timeout: 30_000 });
    if (await summary.isVisible()) {
      const text = (await summary.textContent()) ?? '';
      await summary.getByRole('button', { name: 'Done' }).click();
      return { summary: text };
    }
    return { summary: null };
  }
}
