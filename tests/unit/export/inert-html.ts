/**
 * What "inert" means for an exported HTML file, checked on the parsed document (jsdom) rather than
 * with string searches alone: only the tags and attributes the print view uses, links only to
 * anchors in the file or to http(s) pages, no URL in any style except the inlined fonts.
 */
import { JSDOM } from 'jsdom';

const TAGS = new Set(
  'html head meta title style body section article header nav div p span h1 h2 h3 h4 h5 h6 a mark sup sub strong em u s code br ol ul li blockquote figure figcaption dl dt dd hr bdi'.split(' '),
);
const ATTRIBUTES = new Set(['class', 'id', 'dir', 'lang', 'style', 'href', 'title', 'charset', 'http-equiv', 'content', 'name', 'start']);

export function inertProblems(html: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push('a <script> tag');
  // Markup only: styles, text and (escaped) attribute values removed, what is left are tag names and attribute names.
  const markup = html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/>[^<]*</g, '><').replace(/="[^"]*"/g, '=""');
  if (/\son[a-z]+\s*=/i.test(markup)) {
    problems.push('an on* attribute in the markup');
  }
  const dom = new JSDOM(html);
  const doc = dom.window.document;
  for (const el of doc.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (!TAGS.has(tag)) problems.push(`element <${tag}>`);
    for (const attr of el.getAttributeNames()) {
      if (!ATTRIBUTES.has(attr) && !attr.startsWith('aria-')) problems.push(`attribute ${attr} on <${tag}>`);
    }
    const href = el.getAttribute('href');
    if (href !== null && !/^#[A-Za-z0-9_-]+$/.test(href) && !/^https?:\/\//i.test(href)) problems.push(`link to ${href.slice(0, 60)}`);
    const style = el.getAttribute('style');
    if (style && /url\s*\(|expression|@import|javascript:/i.test(style)) problems.push(`style ${style.slice(0, 60)}`);
  }
  for (const style of doc.querySelectorAll('style')) {
    const css = style.textContent ?? '';
    for (const match of css.matchAll(/url\(\s*([^)]{0,40})/g)) {
      if (!match[1]?.startsWith('data:font/woff2;base64,')) problems.push(`CSS url(${match[1]})`);
    }
    if (/@import/i.test(css)) problems.push('CSS @import');
  }
  const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
  if (!csp.includes("default-src 'none'")) problems.push('no restrictive Content-Security-Policy');
  dom.window.close();
  return problems;
}
