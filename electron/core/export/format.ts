/**
 * Small pure helpers shared by the exporters: escaping, the one rule for which links are printed as
 * links, dates in the analyst's words, and label colours turned into print-safe highlight tints.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double-quoted attribute values alike. */
export function escapeHtml(value: string): string {
  // Lone surrogates and C0 controls (other than tab/newline) have no place in a document.
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return clean.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * The URL if it is an absolute http(s) URL, normalised by the URL parser; otherwise null. Only these
 * are ever printed as links: `javascript:`, `data:`, `file:` and relative references stay plain text.
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function parseDate(value: string): Date | null {
  const trimmed = value.trim();
  // Only ISO-like dates are reformatted; anything else ("Spring 2023") is printed as the analyst wrote it.
  if (!/^\d{4}-\d{2}(-\d{2})?([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(trimmed)) return null;
  const date = new Date(/^\d{4}-\d{2}$/.test(trimmed) ? `${trimmed}-01` : trimmed);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "4 January 2016"; non-ISO text is returned as is. */
export function formatDate(value: string | null | undefined): string | null {
  if (!value || !value.trim()) return null;
  const date = parseDate(value);
  if (!date) return value.trim();
  if (/^\d{4}-\d{2}$/.test(value.trim())) {
    return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  return LONG_DATE.format(date);
}

/** "4 Jan 2016": for short citations. */
export function formatShortDate(value: string | null | undefined): string | null {
  if (!value || !value.trim()) return null;
  const date = parseDate(value);
  return date ? SHORT_DATE.format(date) : value.trim();
}

const NEUTRAL = { r: 0x9a, g: 0x9a, b: 0x9a };

/** Parses `#rgb` / `#rrggbb`; anything else (names, functions, injection attempts) becomes neutral grey. */
export function parseHexColor(value: string | null | undefined): { r: number; g: number; b: number } {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((value ?? '').trim());
  if (!match?.[1]) return NEUTRAL;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join('') : match[1];
  return { r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16) };
}

/** A solid colour string built only from parsed numbers: safe to put in a style attribute. */
export function labelColor(value: string | null | undefined): string {
  const { r, g, b } = parseHexColor(value);
  return `rgb(${r} ${g} ${b})`;
}

/**
 * The highlighter tint for a label: the colour lightened towards white so black text keeps its
 * contrast, drawn with some transparency so overlapping highlights visibly layer.
 */
export function highlightTint(value: string | null | undefined): string {
  const { r, g, b } = parseHexColor(value);
  const mix = (c: number): number => Math.round(c + (255 - c) * 0.25);
  return `rgb(${mix(r)} ${mix(g)} ${mix(b)} / 0.6)`;
}

/** Short citation: "Source, 4 Jan 2016" (or the title when there is no source). */
export function shortCitation(citation: { title: string; source: string | null; publishedAt: string | null }): string {
  const who = citation.source?.trim() || citation.title.trim() || 'Untitled';
  const when = formatShortDate(citation.publishedAt);
  return when ? `${who}, ${when}` : who;
}
