import { normaliseDate } from './dates.js';
import { safeUrl } from './sanitize.js';

/**
 * Article metadata from a web page's head, in order of trust: JSON-LD (written for search engines,
 * usually the most precise), Open Graph and `article:*`, then classic meta tags, `<time>`, `<title>`.
 */

export interface HtmlMetadata {
  /** A title the page states for its article (JSON-LD headline, Open Graph, citation meta). */
  readonly title: string | null;
  /** The `<title>` element without a trailing or leading site name: the weakest source. */
  readonly documentTitle: string | null;
  readonly byline: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly tags: string[];
  readonly language: string | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const clean = (value: string | null | undefined): string | null => {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
};

function meta(document: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const lower = key.toLowerCase();
    for (const element of Array.from(document.querySelectorAll('meta'))) {
      const name = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop') ?? '').toLowerCase();
      if (name === lower) {
        const content = clean(element.getAttribute('content'));
        if (content) return content;
      }
    }
  }
  return null;
}

function metaAll(document: Document, key: string): string[] {
  return Array.from(document.querySelectorAll('meta'))
    .filter((m) => (m.getAttribute('property') ?? m.getAttribute('name') ?? '').toLowerCase() === key)
    .map((m) => clean(m.getAttribute('content')))
    .filter((v): v is string => v !== null);
}

const ARTICLE_TYPES = /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report|ScholarlyArticle|TechArticle|WebPage|Blog|LiveBlogPosting)$/;

/** The JSON-LD objects on the page, flattened through arrays and `@graph`. */
function jsonLdObjects(document: Document): { [key: string]: Json }[] {
  const out: { [key: string]: Json }[] = [];
  const visit = (value: Json): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      out.push(value);
      const graph = value['@graph'];
      if (graph) visit(graph);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? '') as Json);
    } catch {
      // Malformed JSON-LD is common on the web; the other sources still apply.
    }
  }
  return out;
}

function typesOf(object: { [key: string]: Json }): string[] {
  const type = object['@type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}

/** A string, or the `name` of an object, or the first of a list of those. */
function nameOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => n !== null);
    return names.length > 0 ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') return nameOf(value['name']);
  return null;
}

function articleJsonLd(document: Document): { [key: string]: Json } | null {
  const objects = jsonLdObjects(document);
  const articles = objects.filter((o) => typesOf(o).some((t) => ARTICLE_TYPES.test(t)));
  // Prefer a real article type over a generic WebPage.
  return articles.find((o) => !typesOf(o).includes('WebPage')) ?? articles[0] ?? null;
}

function keywords(value: Json | undefined): string[] {
  if (typeof value === 'string') return value.split(',').map((k) => k.trim()).filter(Boolean);
  if (Array.isArray(value)) return value.filter((k): k is string => typeof k === 'string').map((k) => k.trim()).filter(Boolean);
  return [];
}

/** Site names in titles are separated by " | ", " - ", " — ", " · ", " :: ". */
function titleWithoutSite(title: string | null, site: string | null): string | null {
  if (!title) return null;
  if (site) {
    for (const separator of [' | ', ' - ', ' – ', ' — ', ' · ', ' :: ']) {
      if (title.endsWith(`${separator}${site}`)) return title.slice(0, -(separator.length + site.length)).trim();
      if (title.startsWith(`${site}${separator}`)) return title.slice(site.length + separator.length).trim();
    }
  }
  return title;
}

/** At most this many tags come from a page: some sites list dozens of SEO keywords. */
const MAX_PAGE_TAGS = 12;

export function extractHtmlMetadata(document: Document): HtmlMetadata {
  const ld = articleJsonLd(document);
  const ldPublisher = ld ? nameOf(ld['publisher']) : null;

  const source = meta(document, 'og:site_name', 'application-name') ?? ldPublisher;
  const rawTitle = clean(document.querySelector('head > title, title')?.textContent);
  const title = (ld ? nameOf(ld['headline']) : null) ?? meta(document, 'og:title', 'twitter:title', 'citation_title', 'dc.title');

  const byline =
    meta(document, 'author', 'article:author', 'citation_author', 'dc.creator', 'byl', 'sailthru.author', 'parsely-author') ??
    (ld ? nameOf(ld['author']) : null);

  const canonical = document.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? null;
  const url =
    safeUrl(canonical) ?? safeUrl(meta(document, 'og:url', 'twitter:url')) ?? (ld ? safeUrl(typeof ld['url'] === 'string' ? ld['url'] : null) : null);

  const time = document.querySelector('article time[datetime], time[pubdate], time[datetime]');
  const publishedAt =
    normaliseDate(meta(document, 'article:published_time', 'og:published_time')) ??
    normaliseDate(ld && typeof ld['datePublished'] === 'string' ? ld['datePublished'] : null) ??
    normaliseDate(
      meta(document, 'citation_publication_date', 'citation_date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'date', 'pubdate', 'publish-date', 'sailthru.date', 'parsely-pub-date'),
    ) ??
    normaliseDate(time?.getAttribute('datetime')) ??
    (ld && typeof ld['dateCreated'] === 'string' ? normaliseDate(ld['dateCreated']) : null);

  let tags = metaAll(document, 'article:tag');
  if (tags.length === 0 && ld) tags = keywords(ld['keywords']);
  const language = clean(document.documentElement.getAttribute('lang')) ?? meta(document, 'og:locale', 'content-language', 'dc.language');

  return {
    title,
    documentTitle: titleWithoutSite(rawTitle, source),
    byline,
    source,
    url,
    publishedAt,
    tags: [...new Set(tags)].slice(0, MAX_PAGE_TAGS),
    language,
  };
}
