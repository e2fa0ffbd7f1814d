/**
 * Turns the print view's HTML document into something the app can show inside a shadow root
 * without loosening the app's Content-Security-Policy (no iframes, no inline <style>, no inline
 * style attributes, no data: fonts):
 * - the body is sanitised with DOMPurify (the document is Quire's own, but it carries imported text);
 * - its CSS becomes a constructable stylesheet, with `html`/`body`/`:root` mapped onto the shadow
 *   host and a wrapper, and the `@page` and `@font-face` rules dropped (the app already has the fonts);
 * - `style="…"` attributes are moved into CSSOM (element.style), which CSP allows.
 * Styles are taken out of the markup *before* it is parsed: even an inert DOMParser document reports
 * every inline style to the page's CSP, which would fill the console with violations.
 */
import DOMPurify from 'dompurify';

export interface PreparedPreview {
  readonly css: string;
  readonly body: DocumentFragment;
  readonly bodyAttributes: Readonly<Record<string, string>>;
}

/** Removes every `@name …{…}` block, nested braces included. */
function dropAtRules(css: string, name: string): string {
  let out = '';
  let index = 0;
  const pattern = new RegExp(`@${name}\\b`, 'g');
  for (let match = pattern.exec(css); match; match = pattern.exec(css)) {
    const open = css.indexOf('{', match.index);
    if (open < 0) break;
    let depth = 0;
    let end = open;
    for (; end < css.length; end++) {
      if (css[end] === '{') depth++;
      else if (css[end] === '}' && --depth === 0) break;
    }
    out += css.slice(index, match.index);
    index = end + 1;
    pattern.lastIndex = index;
  }
  return out + css.slice(index);
}

/** Maps the document-level selectors onto the shadow tree. */
function scopeSelectors(css: string): string {
  return css
    .replace(/(^|[{}\s,>])html(?=[\s{,.:[])/g, '$1:host')
    .replace(/(^|[{}\s,>]):root(?=[\s{,.:[])/g, '$1:host')
    .replace(/(^|[{}\s,>])body(?=[\s{,.:[])/g, '$1.pv-body');
}

export function previewCss(css: string): string {
  return scopeSelectors(dropAtRules(dropAtRules(css, 'font-face'), 'page'));
}

const STYLE_DATA = 'data-pv-style';

/**
 * Takes `<style>` elements out of the markup and renames `style` attributes inside tags, as text.
 * The print view escapes `<>&"'` in every text and attribute value, so a tag is `<…>` with no `>`
 * inside and an attribute value never holds a `"`.
 */
export function extractStyles(html: string): { html: string; css: string } {
  const css: string[] = [];
  const withoutStyleElements = html.replace(/<style\b[^>]*>([\s\S]*?)<\/style>/gi, (_match, text: string) => {
    css.push(text);
    return '';
  });
  const renamed = withoutStyleElements.replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/(\s)style="/gi, `$1${STYLE_DATA}="`));
  return { html: renamed, css: css.join('\n') };
}

/** Applies the renamed style attributes through CSSOM (CSP forbids inline style attributes). */
export function moveInlineStyles(root: DocumentFragment | Element): void {
  for (const element of root.querySelectorAll<HTMLElement>(`[${STYLE_DATA}]`)) {
    const text = element.getAttribute(STYLE_DATA) ?? '';
    element.removeAttribute(STYLE_DATA);
    for (const declaration of text.split(';')) {
      const colon = declaration.indexOf(':');
      if (colon < 0) continue;
      const name = declaration.slice(0, colon).trim();
      const value = declaration.slice(colon + 1).trim();
      if (!name || !value) continue;
      const important = /!important\s*$/.test(value);
      element.style.setProperty(name, value.replace(/!important\s*$/, '').trim(), important ? 'important' : '');
    }
  }
}

export function preparePreview(source: string): PreparedPreview {
  const { html, css } = extractStyles(source);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const bodyAttributes: Record<string, string> = {};
  for (const name of ['class', 'dir', 'lang']) {
    const value = parsed.body.getAttribute(name);
    if (value) bodyAttributes[name] = value;
  }
  const body = DOMPurify.sanitize(parsed.body.innerHTML, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: ['style', 'link', 'meta', 'form', 'input', 'button', 'textarea', 'select'],
    // Only in-document anchors and web links survive; the print view has no others.
    ALLOWED_URI_REGEXP: /^(?:#|https?:|mailto:)/i,
    // DOMPurify checks every attribute not known to be URI-safe against that pattern: without this,
    // `dir="rtl"` and `lang="ar"` were dropped and Arabic and Persian text previewed left to right.
    ADD_URI_SAFE_ATTR: ['dir', 'lang'],
  });
  moveInlineStyles(body);
  return { css: previewCss(css), body, bodyAttributes };
}
