import { describe, expect, it } from 'vitest';
import { TEXT_FORMAT } from '../../../electron/common/document.js';
import { extractArticle } from '../../../electron/core/importers/index.js';
import { corpus } from './fixtures.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('Markdown importer', () => {
  it('reads the corpus briefing: front matter, headings, emphasis, list and quote', async () => {
    const article = await extractArticle({ name: 'beijing-deal-briefing.md', bytes: corpus('beijing-deal-briefing.md') });
    expect(article).toMatchObject({
      title: 'Beijing-brokered deal: Tehran and Riyadh agree to restore relations',
      byline: 'Research desk',
      source: 'Example Policy Review',
      url: 'https://review.example.org/briefs/2023/03/beijing-deal',
      publishedAt: '2023-03-11',
      tags: ['Iran', 'Saudi Arabia', 'China', 'diplomacy'],
      language: 'en',
      direction: 'ltr',
      mediaType: 'text/markdown',
    });
    expect(article.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'heading', 'list', 'quote', 'heading', 'list']);
    // The leading "# title" heading repeats the title and is not kept twice.
    expect(article.blocks[0]).toEqual({
      type: 'paragraph',
      children: [
        { text: 'Iran and Saudi Arabia agreed in ' },
        { text: 'Beijing', format: TEXT_FORMAT.bold },
        { text: ' in March 2023 to restore diplomatic relations and to re-open their embassies and missions within two months, ending a rupture that began in January 2016.' },
      ],
    });
    expect(article.blocks[2]).toEqual({ type: 'heading', level: 2, children: [{ text: 'Why it matters' }] });
    const bullets = article.blocks[3];
    expect(bullets).toMatchObject({ type: 'list', ordered: false });
    expect(bullets?.type === 'list' && bullets.items[1]).toEqual([
      { text: 'Smaller Gulf states, ' },
      { text: 'Bahrain', format: TEXT_FORMAT.italic },
      { text: ' among them, watched the talks as a template for their own normalisation.' },
    ]);
    expect(article.blocks[4]).toEqual({
      type: 'quote',
      children: [{ text: '"The two sides agreed to resume diplomatic relations and re-open embassies," the joint statement said.' }],
    });
    expect(article.blocks[6]).toMatchObject({ type: 'list', ordered: true });
  });

  it('keeps links (http/https/mailto only), inline code and strikethrough; drops images and scripts', async () => {
    const md = [
      '# Notes',
      '',
      'See [the report](https://example.org/r) and [mail](mailto:desk@example.org), not [this](javascript:alert(1)).',
      '',
      'Use `quire import` and ~~old~~ new. ![chart](https://tracker.example.org/x.png)',
      '',
      '<script>alert(1)</script>',
      '',
      '<p onclick="x()">Raw <b>HTML</b> paragraph</p>',
    ].join('\n');
    const article = await extractArticle({ name: 'n.md', bytes: utf8(md) });
    const json = JSON.stringify(article.blocks);
    expect(article.title).toBe('Notes');
    expect(json).toContain('"link":"https://example.org/r"');
    expect(json).toContain('"link":"mailto:desk@example.org"');
    expect(json).not.toMatch(/javascript|alert|onclick|tracker|<script/);
    expect(article.blocks[1]).toEqual({
      type: 'paragraph',
      children: [
        { text: 'Use ' },
        { text: 'quire import', format: TEXT_FORMAT.code },
        { text: ' and ' },
        { text: 'old', format: TEXT_FORMAT.strikethrough },
        { text: ' new. chart' },
      ],
    });
    expect(article.blocks[2]).toEqual({ type: 'paragraph', children: [{ text: 'Raw ' }, { text: 'HTML', format: TEXT_FORMAT.bold }, { text: ' paragraph' }] });
  });

  it('derives a title when there is neither front matter nor a heading, and flattens nested lists', async () => {
    const md = 'The delegation arrived in Manama on Tuesday for two days of talks.\n\n- one\n  - one.a\n- two\n';
    const article = await extractArticle({ name: 'x.markdown', bytes: utf8(md) });
    expect(article.title).toBe('The delegation arrived in Manama on Tuesday for two days of talks');
    expect(article.blocks[1]).toEqual({ type: 'list', ordered: false, items: [[{ text: 'one' }], [{ text: 'one.a' }], [{ text: 'two' }]] });
  });

  it('reads a front matter that is not YAML as text rather than failing', async () => {
    const article = await extractArticle({ name: 'y.md', bytes: utf8('---\n: : [\n---\n\nBody text of the note goes here.') });
    expect(JSON.stringify(article.blocks)).toContain('Body text of the note goes here.');
  });
});
