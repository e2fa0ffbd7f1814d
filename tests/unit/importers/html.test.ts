import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentFromBlocks, documentPlainText, TEXT_FORMAT, type ArticleDocument } from '../../../electron/common/document.js';
import { getArticle } from '../../../electron/core/db/articles.js';
import { importFile } from '../../../electron/core/import.js';
import { extractArticle } from '../../../electron/core/importers/index.js';
import { FIXTURES, allNodes, corpus, corpusText, tempLibrary } from './fixtures.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** What may appear in a stored document: the editor's node types and nothing else. */
const ALLOWED_NODE_TYPES = new Set(['paragraph', 'heading', 'quote', 'list', 'listitem', 'link', 'text', 'linebreak']);
const ALLOWED_KEYS = new Set([
  'type', 'version', 'children', 'direction', 'format', 'indent', 'textFormat', 'textStyle', 'tag', 'listType', 'start', 'value',
  'url', 'rel', 'target', 'title', 'text', 'detail', 'mode', 'style',
]);

/** Structural safety of a stored document: only editor nodes, no styles, links only to http(s)/mailto. */
function expectSafeDocument(doc: ArticleDocument): void {
  for (const node of allNodes(doc)) {
    expect(ALLOWED_NODE_TYPES.has(node.type), `node type ${node.type}`).toBe(true);
    for (const key of Object.keys(node)) expect(ALLOWED_KEYS.has(key), `key ${key}`).toBe(true);
    if (node.type === 'text') expect(node.style).toBe('');
    if (node.type === 'link') {
      expect(node.url).toMatch(/^(https?:\/\/|mailto:)/);
      expect(node.target).toBeNull();
    }
  }
  // Everything but the characters of the text itself (text is inert in the editor; checked separately).
  const json = JSON.stringify(doc, (key, value: unknown) => (key === 'text' ? '' : value));
  expect(json).not.toMatch(/javascript:|vbscript:|data:|<script|<iframe|<object|<embed|<form|<style|<img|<svg|onerror=|onload=|onclick=/i);
}

describe('HTML importer', () => {
  it('keeps the story of the corpus page and drops its chrome, scripts and links', async () => {
    const article = await extractArticle({ name: 'bahrain-iran-coordination.html', bytes: corpus('bahrain-iran-coordination.html') });
    expect(article).toMatchObject({
      title: 'Bahrain to keep coordinating with Iran on restoring diplomatic ties',
      byline: 'Example Wire staff',
      source: 'Example Wire',
      url: 'https://news.example.org/world/2024/12/bahrain-iran-coordination',
      publishedAt: '2024-12-03T09:41:00.000Z',
      tags: ['Bahrain', 'Iran', 'diplomacy'],
      language: 'en',
      direction: 'ltr',
      mediaType: 'text/html',
    });
    const doc = documentFromBlocks(article.blocks, article.direction);
    const text = documentPlainText(doc);
    // The story: the same paragraphs as the plain-text version of the article.
    expect(text).toBe(corpusText('bahrain-iran-coordination.txt').trim());
    // None of the page around it.
    for (const chrome of ['Economy', 'Opinion', 'Subscribe', 'Get our daily briefing', 'Read more', 'Comments', 'reader1', 'Click here to win', 'All rights reserved', 'Tags:', 'West Asia\n', 'By Example Wire staff']) {
      expect(text).not.toContain(chrome);
    }
    expectSafeDocument(doc);
    expect(allNodes(doc).some((n) => n.type === 'link')).toBe(false);
  });

  it('reads metadata from JSON-LD, <time> and the title when Open Graph is missing', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Talks resume | Gulf Monitor</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
        {"@type":"NewsArticle","headline":"Talks resume in Manama","author":[{"@type":"Person","name":"A. Writer"}],
         "publisher":{"@type":"Organization","name":"Gulf Monitor"},"datePublished":"2024-10-02","keywords":"Bahrain, Iran"}]}</script>
      <link rel="canonical" href="https://gulf.example.com/a/talks"></head>
      <body><article><h1>Talks resume in Manama</h1><p><time datetime="2024-10-01T08:00:00+03:00">1 Oct</time></p>
      <p>Delegations from both countries met for a second round of talks on Tuesday, officials said, describing the atmosphere as positive.</p>
      <p>A <a href="/b/earlier">previous round</a> was held in <em>Muscat</em>.</p></article></body></html>`;
    const article = await extractArticle({ name: 'talks.html', bytes: utf8(html) });
    expect(article).toMatchObject({
      title: 'Talks resume in Manama',
      byline: 'A. Writer',
      source: 'Gulf Monitor',
      url: 'https://gulf.example.com/a/talks',
      publishedAt: '2024-10-02',
      tags: ['Bahrain', 'Iran'],
    });
    const last = article.blocks[article.blocks.length - 1];
    // Relative links are resolved against the canonical URL.
    expect(last).toEqual({
      type: 'paragraph',
      children: [
        { text: 'A ' },
        { text: 'previous round', link: 'https://gulf.example.com/b/earlier' },
        { text: ' was held in ' },
        { text: 'Muscat', format: TEXT_FORMAT.italic },
        { text: '.' },
      ],
    });
  });

  it("takes the page's heading as title when <title> is that heading plus the site name", async () => {
    const html = `<html><head><title>Talks resume in Manama | Gulf Monitor</title></head><body><article><h1>Talks resume in Manama</h1>
      <p>Delegations from both countries met for a second round of talks on Tuesday, officials said, describing the atmosphere as positive.</p></article></body></html>`;
    const article = await extractArticle({ name: 'plain.html', bytes: utf8(html) });
    expect(article.title).toBe('Talks resume in Manama');
    expect(article.blocks).toHaveLength(1);
  });

  it('honours a declared legacy charset and right-to-left pages', async () => {
    const iconv = (await import('iconv-lite')).default;
    const html = `<html lang="ar" dir="rtl"><head><meta charset="windows-1256"><title>المنامة وطهران</title></head>
      <body><p>أكدت وزارة الخارجية البحرينية أنها ستواصل التنسيق مع نظيرتها الإيرانية من أجل إعادة العلاقات الدبلوماسية بين البلدين.</p></body></html>`;
    const article = await extractArticle({ name: 'ar.html', bytes: iconv.encode(html, 'windows-1256') });
    expect(article.title).toBe('المنامة وطهران');
    expect(article.language).toBe('ar');
    expect(article.direction).toBe('rtl');
  });

  it('neutralises a page built of script vectors', async () => {
    const html = `<!doctype html><html><head><title>Hostile page</title><base href="javascript://">
      <meta http-equiv="refresh" content="0;url=javascript:alert(1)"><link rel="stylesheet" href="https://evil.example/x.css">
      <style>body{background:url(https://evil.example/bg.png)}</style><script>alert('head')</script></head>
      <body onload="alert(1)"><article>
      <h2 onclick="alert(2)">A heading <img src=x onerror="alert(3)"></h2>
      <p style="background:url(javascript:alert(4))">Paragraph one of the hostile page has enough words to be the article body, really it does, with more words to pass Readability's thresholds.</p>
      <p><a href="javascript:alert(5)">js link</a> <a href="JaVaScRiPt:alert(6)">mixed case</a> <a href=" &#106;avascript:alert(7)">entity</a>
         <a href="data:text/html,<script>alert(8)</script>">data</a> <a href="vbscript:msgbox(9)">vb</a> <a href="file:///etc/passwd">file</a>
         <a href="https://example.org/ok" onmouseover="alert(10)" target="_blank" style="color:red">ok link</a></p>
      <iframe src="https://evil.example/frame"></iframe><object data="x.swf"></object><embed src="y.swf">
      <form action="https://evil.example/post"><input name="q" value="typed"><button>Send</button></form>
      <svg onload="alert(11)"><script>alert(12)</script></svg><math><mi xlink:href="javascript:alert(13)">m</mi></math>
      <video src="https://evil.example/v.mp4" poster="https://evil.example/p.png"></video><noscript><img src="https://evil.example/n.gif"></noscript>
      <template><img src=x onerror=alert(14)></template><p>Closing paragraph with <b>bold</b> text.</p>
      </article><script src="https://evil.example/tail.js"></script></body></html>`;
    const article = await extractArticle({ name: 'hostile.html', bytes: utf8(html) });
    const doc = documentFromBlocks(article.blocks, article.direction);
    expectSafeDocument(doc);
    const text = documentPlainText(doc);
    expect(text).toContain('Paragraph one of the hostile page');
    expect(text).toContain('Closing paragraph with bold text.');
    expect(text).not.toMatch(/alert|typed|Send|evil/);
    const links = allNodes(doc).filter((n) => n.type === 'link');
    expect(links.map((l) => (l.type === 'link' ? l.url : ''))).toEqual(['https://example.org/ok']);
  });
});

/**
 * True when the payload opens, and never closes, an element whose content is raw text (iframe, style, …),
 * foreign content (svg, math: dropped whole by the sanitiser) or a button (Readability removes buttons with
 * their content): everything after it belongs to that element, in a browser as in Quire.
 */
function swallowsRest(payload: string): boolean {
  const tags = ['iframe', 'style', 'script', 'xmp', 'noembed', 'noframes', 'plaintext', 'textarea', 'title', 'noscript', 'button', 'svg', 'math'];
  return tags.some((tag) => {
    const opens = payload.match(new RegExp(`<${tag}[\\s>/]`, 'gi'))?.length ?? 0;
    const closes = payload.match(new RegExp(`</${tag}\\s*>`, 'gi'))?.length ?? 0;
    return opens > closes;
  });
}

interface Vector {
  readonly title: string;
  readonly payload: string;
}

describe('DOMPurify XSS vectors (tests/fixtures/xss-vectors.json)', () => {
  const { vectors } = JSON.parse(readFileSync(join(FIXTURES, 'xss-vectors.json'), 'utf8')) as { vectors: Vector[] };

  it('has all 223 payloads', () => {
    expect(vectors).toHaveLength(223);
  });

  it('stores nothing that runs code or loads anything, for every payload wrapped in an article page', async () => {
    const { library, dispose } = tempLibrary();
    try {
      let imported = 0;
      for (const [i, vector] of vectors.entries()) {
        const page = `<!doctype html><html><head><title>Vector ${i}</title></head><body><article>
          <h1>Vector ${i}</h1>
          <p>This article wraps hostile markup number ${i} between two ordinary paragraphs of reporting text, long enough to read as an article.</p>
          ${vector.payload}
          <p>The closing paragraph of article ${i} follows the payload and must survive the sanitiser intact.</p>
          </article></body></html>`;
        const outcome = await importFile(library, { name: `vector-${i}.html`, bytes: utf8(page) });
        expect(outcome.status, `${vector.title}: ${outcome.status === 'failed' ? outcome.error : ''}`).toBe('imported');
        if (outcome.status !== 'imported') continue;
        imported++;
        const stored = getArticle(library.db, outcome.article.id);
        expect(stored).toBeDefined();
        const doc = JSON.parse(stored!.bodyJson) as ArticleDocument;
        expectSafeDocument(doc);
        // body_json and body_text agree, and the surrounding story is intact.
        expect(documentPlainText(doc)).toBe(stored!.text);
        expect(stored!.text).toContain(`This article wraps hostile markup number ${i}`);
        // Unless the payload leaves open an element that swallows the rest of the page in any browser too.
        if (!swallowsRest(vector.payload)) {
          expect(stored!.text, vector.title).toContain(`The closing paragraph of article ${i} follows the payload`);
        }
        // Payloads that carry markup as escaped text may legitimately show it as text; all others must leave
        // no trace of script, handlers or remote loads in the text either.
        if (!/&lt;|<xmp|<listing|<plaintext|<noembed|<textarea|<title|<noscript/i.test(vector.payload)) {
          expect(stored!.text, vector.title).not.toMatch(/<script|javascript:|onerror\s*=|onload\s*=|<iframe|<img/i);
        }
      }
      expect(imported).toBe(vectors.length);
    } finally {
      dispose();
    }
  }, 120_000);
});
