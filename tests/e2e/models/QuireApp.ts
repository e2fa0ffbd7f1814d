/**
 * The window as the analyst sees it: the panes, the toasts, the global shortcuts. Screens are
 * reached through `library`, `reader` and `search`. Everything is found by role and name.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { LibraryPage } from './LibraryPage.js';
import { ReaderPage } from './ReaderPage.js';
import { SearchPalette } from './SearchPalette.js';

export class QuireApp {
  readonly library: LibraryPage;
  readonly reader: ReaderPage;
  readonly search: SearchPalette;
  readonly navigation: Locator;
  readonly details: Locator;
  /** Uncaught exceptions and console errors in the page: a polished app has none. */
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console: ${message.text()}`);
    });
    this.library = new LibraryPage(page);
    this.reader = new ReaderPage(page);
    this.search = new SearchPalette(page);
    this.navigation = page.getByRole('navigation', { name: 'Navigation' });
    this.details = page.getByRole('complementary', { name: 'Details' });
  }

  /** A toast by (part of) its text. */
  toast(text: string | RegExp): Locator {
    return this.page.locator('.toasts').getByText(text);
  }

  async pressShortcut(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }

  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    const button = this.page.getByRole('button', { name: /^Theme:/ });
    for (let i = 0; i < 3; i += 1) {
      const name = (await button.getAttribute('aria-label')) ?? '';
      if (name === `Theme: ${theme}`) return;
      await button.click();
    }
    await expect(button).toHaveAttribute('aria-label', `Theme: ${theme}`);
  }

  /** Families of the bundled fonts the page has actually loaded. */
  async loadedFontFamilies(): Promise<string[]> {
    return this.page.evaluate(async () => {
      await document.fonts.ready;
      const families = new Set<string>();
      document.fonts.forEach((face) => {
        if (face.status === 'loaded') families.add(face.family.replace(/["']/g, ''));
      });
      return [...families];
    });
  }
}
