/** The reader: the article text, selecting and highlighting, the popover, edit mode, the side panel. */
import { expect, type Locator, type Page } from '@playwright/test';

export class ReaderPage {
  readonly text: Locator;
  readonly article: Locator;
  readonly toolbar: Locator;
  readonly highlightsPanel: Locator;
  readonly popover: Locator;

  constructor(readonly page: Page) {
    this.text = page.getByRole('textbox', { name: 'Article text' });
    this.article = page.locator('article.reader-article');
    this.toolbar = page.getByRole('toolbar', { name: 'Highlight selection' });
    this.highlightsPanel = page.getByRole('region', { name: 'Highlights' });
    this.popover = page.getByRole('dialog', { name: 'Highlight' });
  }

  /** Highlight marks whose text is exactly (or contains) `text`. */
  marks(): Locator {
    return this.text.locator('mark');
  }

  async markedText(): Promise<string> {
    return (await this.marks().allTextContents()).join('');
  }

  /**
   * Selects the first occurrence of `quote` in the article with a real mouse drag: the pointer goes
   * down at the quote's first character and up at its last, as an analyst would do.
   */
  async dragSelect(quote: string): Promise<void> {
    const box = await this.text.evaluate((root, q) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let node: Node | null;
      while ((node = walker.nextNode())) {
        const at = (node.textContent ?? '').indexOf(q);
        if (at < 0) continue;
        const first = document.createRange();
        first.setStart(node, at);
        first.setEnd(node, at + 1);
        const last = document.createRange();
        last.setStart(node, at + q.length - 1);
        last.setEnd(node, at + q.length);
        (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        const a = first.getBoundingClientRect();
        const b = last.getBoundingClientRect();
        const rtl = getComputedStyle(node.parentElement!).direction === 'rtl';
        // The pointer goes down on the first character's leading edge and up on the last one's trailing edge.
        return {
          x1: rtl ? a.right - 1 : a.left + 1,
          y1: a.top + a.height / 2,
          x2: rtl ? b.left + 1 : b.right - 1,
          y2: b.top + b.height / 2,
        };
      }
      return null;
    }, quote);
    if (!box) throw new Error(`“${quote}” is not in one text node of the article`);
    await this.page.mouse.move(box.x1, box.y1);
    await this.page.mouse.down();
    await this.page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
    await this.page.mouse.move(box.x2, box.y2, { steps: 4 });
    await this.page.mouse.up();
  }

  /** Selects `quote` by setting the DOM selection, then releases the mouse as after a selection gesture. */
  async selectText(quote: string): Promise<void> {
    const found = await this.text.evaluate((root, q) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let node: Node | null;
      while ((node = walker.nextNode())) {
        const at = (node.textContent ?? '').indexOf(q);
        if (at < 0) continue;
        (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + q.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return true;
      }
      return false;
    }, quote);
    if (!found) throw new Error(`“${quote}” is not in one text node of the article`);
    await this.page.mouse.up();
  }

  async expectHighlighted(quote: string): Promise<void> {
    await expect.poll(() => this.markedText()).toContain(quote);
  }

  /**
   * What is flashing now (a CSS custom highlight over the landed-on words): its text and whether it is
   * inside the visible part of the reading column; null when nothing flashes.
   */
  async flashed(): Promise<{ text: string; inView: boolean } | null> {
    return this.page.evaluate(() => {
      const highlight = CSS.highlights.get('quire-flash');
      const range = highlight ? ([...highlight][0] as Range | undefined) : undefined;
      if (!range) return null;
      const column = document.querySelector('.reader-scroll')!.getBoundingClientRect();
      const rect = range.getBoundingClientRect();
      return { text: range.toString(), inView: rect.height > 0 && rect.top >= column.top && rect.bottom <= column.bottom };
    });
  }

  /** The highlight card in the side panel for a quote. */
  panelItem(quote: string | RegExp): Locator {
    return this.highlightsPanel.getByRole('button', { name: quote });
  }
}
