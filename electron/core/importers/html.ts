import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { blocksFromHtml } from './blocks-from-dom.js';
import { normaliseDate } from './dates.js';
import { extractHtmlMetadata } from './html-metadata.js';
import { safeUrl } from './sanitize.js';
import { dropRepeatedTitle } from './title.js';
import type { RawArticle } from './types.js';

/**
 * Web pages: metadata from the head, the article body by Mozilla Readability (the Firefox reader view,
 * which drops navigation, ads, comments and related links), then the shared sanitiser → blocks.
 *
 * jsdom is used as a parser only: scripts never run (`runScripts` is off), no resource is fetched
 * (no `resources` option), and its virtual console is silenced so page errors never reach stdout.
 */

function parse(html: string): JSDOM {
  return new JSDOM(html, { virtualConsole: new VirtualConsole(), contentType: 'text/html' });
}

/** The base for relative links: an http(s) `<base href>`, else the page's canonical URL. */
function linkBase(document: Document, canonical: string | null): string | null {
  const base = safeUrl(document.querySelector('base[href]')?.getAttribute('href'));
  return base && !base.startsWith('mailto:') ? base : canonical;
}

/** Makes every link absolute (or removes it) before Readability and the sanitiser see it. */
function resolveLinks(document: Document, base: string | null): void {
  for (const anchor of Array.from(document.querySelectorAll('a[href]'))) {
    const url = safeUrl(anchor.getAttribute('href'), base);
    if (url) anchor.setAttribute('href', url);
    else anchor.removeAttribute('href');
  }
}

/** Class or id names of the small bits around a story that repeat metadata or belong to the site. */
const STORY_FURNITURE =
  /(^|[\s_-])(byline|bylines|dateline|kicker|eyebrow|author|authors|timestamp|published|posted-on|share|sharing|social|breadcrumbs?|tags|story-tags|section-label|newsletter|promo|subscribe)($|[\s_-])/i;

/**
 * Removes what Readability keeps but an analyst's copy should not: bylines and datelines (they are
 * metadata already), kickers and share bars, and figures built around an image, video or embed
 * (Quire stores no media, and a caption without its picture reads as stray text).
 */
function removeStoryFurniture(document: Document): void {
  for (const element of Array.from(document.querySelectorAll('[class], [id], [rel="author"], [itemprop="author"]'))) {
    if (!element.isConnected) continue;
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    const isAuthor = element.getAttribute('rel') === 'author' || element.getAttribute('itemprop') === 'author';
    const text = (element.textContent ?? '').trim();
    if ((STORY_FURNITURE.test(names) || isAuthor) && text.length < 200 && element.querySelectorAll('p').length <= 1) {
      element.remove();
    }
  }
  for (const figure of Array.from(document.querySelectorAll('figure'))) {
    if (figure.querySelector('img, picture, video, audio, svg, iframe, embed, object, canvas')) figure.remove();
  }
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  const host = new URL(url).hostname.replace(/^www\./, '');
  return host || null;
}

export function extractHtml(html: string): RawArticle {
  const dom = parse(html);
  try {
    const document = dom.window.document;
    const metadata = extractHtmlMetadata(document);
    const base = linkBase(document, metadata.url);
    resolveLinks(document, base);
    removeStoryFurniture(document);
    const bodyHtml = document.body?.innerHTML ?? '';
    const h1s = Array.from(document.querySelectorAll('h1'));
    const heading = h1s.length === 1 ? (h1s[0]?.textContent ?? '').replace(/\s+/g, ' ').trim() || null : null;

    const article = new Readability(document, { charThreshold: 300, keepClasses: false }).parse();
    let blocks = article?.content ? blocksFromHtml(article.content, base) : [];
    if (blocks.length === 0) {
      // Readability found no article (a short page or a pasted fragment): sanitise the whole body.
      blocks = blocksFromHtml(bodyHtml, base);
    }
    // Readability's title heuristics (site names cut from <title>) beat the raw <title>; the page's own
    // heading wins over both when the <title> is that heading plus a site name.
    const guessed = (article?.title?.trim() || null) ?? metadata.documentTitle;
    const title = metadata.title ?? (heading && guessed && guessed !== heading && guessed.includes(heading) ? heading : guessed);
    return {
      title: title || null,
      byline: metadata.byline ?? article?.byline?.trim() ?? null,
      source: metadata.source ?? (article?.siteName?.trim() || null) ?? hostOf(metadata.url),
      url: metadata.url,
      publishedAt: metadata.publishedAt ?? normaliseDate(article?.publishedTime ?? null),
      tags: metadata.tags,
      blocks: dropRepeatedTitle(blocks, title),
      declaredLanguage: metadata.language ?? article?.lang ?? null,
    };
  } finally {
    dom.window.close();
  }
}
