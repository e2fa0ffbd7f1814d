import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';

/**
 * The one gate every piece of untrusted HTML (web pages, pasted HTML, Word documents, HTML inside
 * Markdown) passes before it becomes editor blocks.
 *
 * DOMPurify keeps only the structure the editor supports (paragraphs, headings h1–h6, quotes, lists,
 * links, bold/italic/underline/strike/code, line breaks) plus neutral layout containers (div, section,
 * table rows, …) that carry no attribute at all and only tell blocks-from-dom where paragraphs end.
 * The only attribute kept is `href`, and only for http(s) and mailto. Elements that run code, load
 * anything or hold page chrome (script, style, iframe, object, embed, form controls, svg, math, media,
 * img, nav, aside, …) are removed together with their content. A <form> itself is only unwrapped: an
 * unclosed form in a page would otherwise swallow the rest of the article. Nothing is ever stored as HTML: the
 * sanitised DOM is converted to blocks, so a bypass would still have to survive that conversion.
 */

/** Tags the editor has a node or a format for. */
const STRUCTURE_TAGS = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'a', 'br',
  'strong', 'b', 'em', 'i', 'u', 's', 'strike', 'del', 'code', 'sub', 'sup',
];

/** Attribute-less containers kept only so block boundaries survive (converted away, never stored). */
const LAYOUT_TAGS = [
  'div', 'section', 'article', 'main', 'header', 'footer', 'figure', 'figcaption', 'address', 'center',
  'pre', 'kbd', 'samp', 'tt', 'var', 'span', 'small', 'big', 'mark', 'ins', 'abbr', 'cite', 'q', 'dfn', 'time', 'font',
  'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'hr', 'details', 'summary',
];

/** Removed with everything inside them (DOMPurify's own list already covers script, style, svg, math, iframe…). */
const DROP_WITH_CONTENT = [
  'script', 'style', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'noembed',
  'noframes', 'xmp', 'plaintext', 'title', 'svg', 'math', 'audio', 'video', 'canvas', 'map', 'picture', 'img',
  'select', 'textarea', 'input', 'label', 'datalist',
  'nav', 'aside', 'dialog', 'menu', 'search', 'head', 'meta', 'link', 'base',
];

/** Links that may survive: web pages and e-mail addresses. Nothing that executes or reads local files. */
export const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS: [...STRUCTURE_TAGS, ...LAYOUT_TAGS],
  ALLOWED_ATTR: ['href'],
  ALLOWED_URI_REGEXP: SAFE_URL,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ADD_FORBID_CONTENTS: DROP_WITH_CONTENT,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
  RETURN_DOM_FRAGMENT: true,
};

let purifier: { purify: DOMPurify; window: JSDOM['window'] } | null = null;

/** One jsdom window (no scripts, no resource loading) shared by every sanitisation: creating one is slow. */
function getPurifier(): { purify: DOMPurify; window: JSDOM['window'] } {
  if (purifier === null) {
    const { window } = new JSDOM('<!DOCTYPE html><html><body></body></html>');
    purifier = { purify: createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]), window };
  }
  return purifier;
}

/** Sanitises untrusted HTML to the supported structure; returns a detached fragment. */
export function sanitizeHtml(html: string): DocumentFragment {
  const { purify } = getPurifier();
  return purify.sanitize(html, CONFIG) as unknown as DocumentFragment;
}

/** An http(s)/mailto URL in canonical form, resolved against `base` when relative; null for anything else. */
export function safeUrl(href: string | null | undefined, base?: string | null): string | null {
  if (!href) return null;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'mailto:') return null;
    return url.href;
  } catch {
    return null;
  }
}
