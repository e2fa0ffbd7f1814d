import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadDossierForExport } from '../../../electron/core/dossiers/model.js';
import { escapeMarkdown, renderMarkdown } from '../../../electron/core/export/markdown.js';
import { buildCorpusLibrary, DOSSIER_TITLE, MARKING, QUOTES, type CorpusLibrary } from './corpus-library.js';
import { hostileDossier } from './hostile-dossier.js';

let lib: CorpusLibrary;
let md: string;

beforeAll(async () => {
  lib = await buildCorpusLibrary();
  md = renderMarkdown(loadDossierForExport(lib.library, lib.dossierId));
}, 60_000);

afterAll(() => lib?.dispose());

/** The block quote that starts with `quote`, with the attribution lines that follow it. */
function quoteBlock(text: string, quote: string, from = 0): string {
  const start = text.indexOf(`> ${quote}`, from);
  if (start < 0) return '';
  const end = text.indexOf('\n\n', start);
  return text.slice(start, end < 0 ? undefined : end);
}

describe('Markdown export', () => {
  test('opens and closes with the marking, then title, subtitle, author and date', () => {
    const lines = md.trim().split('\n');
    expect(lines[0]).toBe(`**${MARKING}**`);
    expect(lines[lines.length - 1]).toBe(`**${MARKING}**`);
    expect(md).toContain(`# ${DOSSIER_TITLE.replace('–', '–')}\n`);
    expect(md).toContain('*Statements and context, November 2024*');
    expect(md).toContain('Gulf desk, research unit · 21 November 2024');
  });

  test('has the dossier structure as headings', () => {
    const headings = md.split('\n').filter((l) => /^#{1,6} /.test(l));
    expect(headings).toEqual(
      expect.arrayContaining([
        '## Summary',
        '## Sources',
        '### Bahrain to keep coordinating with Iran on restoring diplomatic ties',
        '## Analysis',
        '### Assessment: Manama keeps the door open',
        '## Appendix: quotes by label',
        '### Claim (1)',
      ]),
    );
  });

  test('each source has its citation list', () => {
    expect(md).toContain('- **URL:** <https://news.example.org/world/2024/12/bahrain-iran-coordination>');
    expect(md).toMatch(/- \*\*SHA-256:\*\* `[0-9a-f]{64}`/);
    expect(md).toContain('- **Published:** 3 December 2024');
  });

  test('highlights are bold in the text, with numbered notes after the article', () => {
    expect(md).toContain(`**${QUOTES.enClaim}** \\[1\\]`);
    expect(md).toContain('1. \\[Claim\\] Official line; compare with the Arabic statement.');
    expect(md).toContain(`**${QUOTES.arKey}** \\[1\\]`);
  });

  test('quotes in the appendix are block quotes with their full citation and URL', () => {
    const appendix = md.slice(md.indexOf('## Appendix'));
    for (const [quote, url] of [
      [QUOTES.enClaim, 'https://news.example.org/world/2024/12/bahrain-iran-coordination'],
      [QUOTES.enEvidence, 'https://news.example.org/world/2024/12/bahrain-iran-coordination'],
      [QUOTES.mdQuestion, 'https://review.example.org/briefs/2023/03/beijing-deal'],
      [QUOTES.arKey, null],
    ] as const) {
      const block = quoteBlock(appendix, quote);
      expect(block, quote).not.toBe('');
      expect(block).toMatch(/\n> — \\\[[^\]]+\\\] \*.+\*/);
      if (url) expect(block).toContain(`<${url}>`);
      expect(block).toContain('(accessed ');
    }
    expect(quoteBlock(appendix, QUOTES.orphan)).toContain('*Orphaned highlight:');
  });

  test('the note keeps its text and its citations as block quotes with short citations', () => {
    const note = md.slice(md.indexOf('### Assessment'), md.indexOf('## Appendix'));
    expect(note).toContain('**continued coordination**');
    expect(note).toContain('- Neither sets a date.');
    expect(quoteBlock(note, QUOTES.enClaim)).toContain('— \\[Claim\\] Example Wire, 3 Dec 2024 <https://news.example.org/');
    expect(quoteBlock(note, QUOTES.arKey)).not.toBe('');
  });

  test('renders as Markdown: quotes become block quotes, links only http(s)', async () => {
    const html = await marked.parse(md);
    expect((html.match(/<blockquote>/g) ?? []).length).toBeGreaterThanOrEqual(9);
    for (const href of html.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^https?:\/\//);
  });

  test('escapes hostile text so it stays text', async () => {
    const hostile = renderMarkdown(hostileDossier());
    const html = await marked.parse(hostile);
    expect(html).not.toMatch(/<(script|img)\b/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('escapeMarkdown neutralises markup but keeps prose readable', async () => {
    const text = '# not a heading *not emphasis* [not](a link) <b>not html</b> 1. not a list';
    const html = await marked.parse(escapeMarkdown(text));
    expect(html.trim()).toBe(`<p># not a heading *not emphasis* [not](a link) &lt;b&gt;not html&lt;/b&gt; 1. not a list</p>`);
    expect(escapeMarkdown('Bahrain (Manama), 2016.')).toBe('Bahrain (Manama), 2016.');
  });
});
