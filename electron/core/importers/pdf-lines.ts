/**
 * Lines of text from pdf.js text runs, in logical order for right-to-left scripts too.
 *
 * A PDF draws glyphs where they go on the page: an Arabic or Persian line is stored in visual order
 * (left to right on paper). pdf.js gives each run's own text in logical order (it applies the bidi
 * algorithm to every run), but a line is usually several runs (one per word, per font, per
 * combining mark) listed left to right. So a line is rebuilt from its runs as a reader would:
 * runs sorted by position, spaces where the gaps are, then the visual → logical reordering at the
 * level of runs (an RTL line reads right to left, except runs of Latin text and numbers, which read
 * left to right inside it; an LTR line keeps embedded RTL runs right to left). Marks drawn as runs of
 * their own are attached to the letter they sit on. Presentation forms (glyph codes some producers
 * write instead of letters) become letters; NUL "characters" (glyphs without a Unicode mapping) go.
 */
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { MarkedContent } from './pdf-actual-text.js';

export interface Line {
  text: string;
  x: number;
  y: number;
  endX: number;
  size: number;
  rtl: boolean;
}

interface Run {
  text: string;
  x: number;
  endX: number;
  size: number;
}

const RTL_LETTER = /(?=\p{L})[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const RTL_LETTERS = new RegExp(RTL_LETTER.source, 'gu');
const LTR_LETTERS = /(?![\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}])\p{L}/gu;
const MARKS_ONLY = /^[\s\p{M}]*\p{M}[\s\p{M}]*$/u;
const NUMBER = /^[\d\u0660-\u0669\u06f0-\u06f9.,:/\u066b\u066c%-]*[\d\u0660-\u0669\u06f0-\u06f9][\d\u0660-\u0669\u06f0-\u06f9.,:/\u066b\u066c%-]*$/u;
/** Arabic presentation forms A and B, Latin ligatures ﬁ ﬂ…: compatibility characters for glyphs. */
const COMPATIBILITY = /[\ufb00-\ufb06\ufb50-\ufdff\ufe70-\ufefc]/gu;

/** Letters instead of glyph codes: NFKC on presentation forms only (ﻻ → ل ا, in logical order). */
export function cleanPdfText(text: string): string {
  return text.replaceAll('\u0000', '').replace(/[\ufeff\ufffd]/g, '').replace(COMPATIBILITY, (c) => c.normalize('NFKC'));
}

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

/** A line is right-to-left when most of its letters are. */
export function isRtlText(text: string): boolean {
  return count(text, RTL_LETTERS) > count(text, LTR_LETTERS);
}

type Strength = 'rtl' | 'ltr' | 'neutral';

function strength(text: string, rtlLine: boolean): Strength {
  const rtl = count(text, RTL_LETTERS);
  const ltr = count(text, LTR_LETTERS);
  if (rtl > ltr) return 'rtl';
  if (ltr > 0) return 'ltr';
  // Numbers read left to right wherever they are; other neutrals take the line's direction.
  if (NUMBER.test(text.trim())) return rtlLine ? 'ltr' : 'neutral';
  return 'neutral';
}

/**
 * Visual → logical order of a line's runs. Reverses the line (RTL) and turns every maximal run of the
 * embedded direction back (neutrals between two embedded runs belong to them).
 */
function logicalOrder(runs: readonly string[], rtlLine: boolean): string[] {
  const embedded: Strength = rtlLine ? 'ltr' : 'rtl';
  const kinds = runs.map((r) => strength(r, rtlLine));
  const out: string[] = [];
  let i = 0;
  while (i < runs.length) {
    if (kinds[i] !== embedded) {
      out.push(runs[i] as string);
      i++;
      continue;
    }
    // Extend over neutrals only when another embedded run follows them.
    let end = i;
    for (let j = i + 1; j < runs.length && kinds[j] !== (rtlLine ? 'rtl' : 'ltr'); j++) if (kinds[j] === embedded) end = j;
    out.push(...runs.slice(i, end + 1).reverse());
    i = end + 1;
  }
  return rtlLine ? out.reverse() : out;
}

/** Adds marks drawn as runs of their own to the run whose box holds their centre (or the nearest). */
function attachMarks(runs: Run[], marks: readonly Run[]): void {
  for (const mark of marks) {
    const centre = (mark.x + mark.endX) / 2;
    let best: Run | null = null;
    let distance = Infinity;
    for (const run of runs) {
      if (run.text.trim() === '') continue;
      const d = centre < run.x ? run.x - centre : centre > run.endX ? centre - run.endX : 0;
      if (d < distance) {
        distance = d;
        best = run;
      }
    }
    const text = mark.text.replace(/\s+/g, '');
    if (best && distance < best.size) best.text = best.text.replace(/\s+$/u, '') + text + (best.text.match(/\s+$/u)?.[0] ?? '');
  }
}

/**
 * Punctuation drawn inside a right-to-left run's box ("أيار/مايو" drawn as "أيار مايو" with the slash
 * on its own: pdf.js puts a space where the slash is) goes back where it was drawn: at the space
 * nearest its position, counted from the right.
 */
function mergeContained(runs: Run[]): Run[] {
  return runs.filter((inner) => {
    // Only punctuation: a number or word drawn inside another run's box keeps its own place.
    if (!/^[\p{P}\p{S}]+$/u.test(inner.text.trim())) return true;
    const outer = runs.find(
      (r) => r !== inner && /\s/u.test(r.text) && count(r.text, RTL_LETTERS) > 0 && inner.x >= r.x - 0.5 && inner.endX <= r.endX + 0.5 && r.endX - r.x > (inner.endX - inner.x) * 2,
    );
    if (!outer) return true;
    const chars = [...outer.text];
    const at = Math.round((1 - ((inner.x + inner.endX) / 2 - outer.x) / (outer.endX - outer.x)) * chars.length);
    let best = -1;
    chars.forEach((c, i) => {
      if (/\s/u.test(c) && (best < 0 || Math.abs(i - at) < Math.abs(best - at))) best = i;
    });
    if (best < 0 || Math.abs(best - at) > 3) return true;
    chars[best] = inner.text.trim();
    outer.text = chars.join('');
    return false;
  });
}

/**
 * Repairs of right-to-left text that some producers' glyph positions cause in pdf.js (LibreOffice):
 * a space before a combining mark ("مؤكدا ً"), and lam–alef drawn as two glyphs read as "ل ا"
 * (a lone lam is not a word, so a space after one is not a word boundary).
 */
export function repairRtlText(text: string): string {
  return text.replace(/\s+(?=\p{M})/gu, '').replace(/(^|\s)\u0644\s+(?=[\u0627\u0623\u0625\u0622])/gu, '$1\u0644');
}

/** One line's text from its runs (in any order), in logical order. */
function lineText(items: readonly Run[], rtlLine: boolean): string {
  const marks = items.filter((r) => MARKS_ONLY.test(r.text));
  const runs = mergeContained(
    items
      .filter((r) => !MARKS_ONLY.test(r.text))
      .map((r) => ({ ...r }))
      .sort((a, b) => a.x - b.x || a.endX - b.endX),
  ).map((r) =>
    // A zero-width non-joiner drawn as its own glyph: pdf.js gives a narrow space. Keep it a ZWNJ (چارچوب‌های).
    r.text.trim() === '' && r.endX - r.x < r.size * 0.12 && r.text !== '' ? { ...r, text: '\u200c' } : r,
  );
  attachMarks(runs, marks);
  const visual: string[] = [];
  let previous: Run | null = null;
  for (const run of runs) {
    if (previous) {
      const gap = run.x - previous.endX;
      const spaced = /[\s\u200c]$/u.test(previous.text) || /^[\s\u200c]/u.test(run.text) || visual[visual.length - 1] === ' ';
      if (gap > Math.min(previous.size, run.size) * 0.15 && !spaced) visual.push(' ');
    }
    visual.push(run.text);
    if (!previous || run.endX > previous.endX || run.text.trim() !== '') previous = run;
  }
  // Each run's own spaces stay with it (pdf.js gives runs in logical order): only the order of runs changes.
  return repairRtlText(logicalOrder(visual, rtlLine).join(''));
}

function isTextItem(item: unknown): item is TextItem {
  return typeof item === 'object' && item !== null && typeof (item as { str?: unknown }).str === 'string';
}

interface Pending {
  runs: Run[];
  y: number;
  size: number;
}

function isMarkedContent(item: unknown): item is { type: string } {
  return typeof item === 'object' && item !== null && typeof (item as { type?: unknown }).type === 'string';
}

/**
 * The page's text items with every ActualText span replaced by one item carrying that text over the
 * span's box. `marked` lists the page's BMC/BDC operators in stream order; when its count disagrees
 * with pdf.js's (marked content inside form XObjects), ActualText is not used and NULs are dropped.
 */
export function applyActualText(content: readonly unknown[], marked: readonly MarkedContent[] | null): TextItem[] {
  const begins = content.filter((item) => isMarkedContent(item) && item.type.startsWith('beginMarkedContent')).length;
  const usable = marked !== null && marked.length === begins;
  const out: TextItem[] = [];
  // One entry per open sequence: the ActualText span's collected items, or null for any other sequence.
  const stack: ({ text: string; items: TextItem[] } | null)[] = [];
  let index = 0;
  for (const item of content) {
    if (isMarkedContent(item)) {
      if (item.type.startsWith('beginMarkedContent')) {
        const actual = usable ? (marked[index]?.actualText ?? null) : null;
        index++;
        const open = stack.some((entry) => entry !== null);
        stack.push(actual !== null && !open ? { text: actual, items: [] } : null);
      } else if (item.type === 'endMarkedContent') {
        const span = stack.pop();
        if (span && span.items.length) {
          const first = span.items[0] as TextItem;
          const [a = 0, b = 0, c = 0, d = 0, , y = 0] = first.transform as number[];
          const x = Math.min(...span.items.map((i) => (i.transform as number[])[4] ?? 0));
          const endX = Math.max(...span.items.map((i) => ((i.transform as number[])[4] ?? 0) + i.width));
          out.push({ ...first, str: span.text, transform: [a, b, c, d, x, y], width: endX - x, hasEOL: span.items.some((i) => i.hasEOL) });
        }
      }
      continue;
    }
    if (!isTextItem(item)) continue;
    const span = stack.findLast((entry) => entry !== null);
    // pdf.js moves the word space drawn before a span into it: a space keeps its own box.
    if (span && item.str.trim() !== '') span.items.push(item);
    else out.push(item);
  }
  return out;
}

interface Pending {
  runs: Run[];
  y: number;
  size: number;
}

/** Groups a page's text items into lines by baseline, each in logical order. */
export function pageLines(content: readonly unknown[], marked: readonly MarkedContent[] | null = null): Line[] {
  const pending: Pending[] = [];
  let current: Pending | null = null;
  let breakNext = false;
  for (const item of applyActualText(content, marked)) {
    const [a = 0, b = 0, , d = 0, x = 0, y = 0] = item.transform as number[];
    const size = Math.max(Math.hypot(a, b), Math.abs(d), item.height, 1);
    const text = cleanPdfText(item.str);
    if (text === '') {
      if (item.hasEOL) breakNext = true;
      continue;
    }
    const near = current !== null && Math.abs(current.y - y) < Math.max(current.size, size) * (breakNext ? 0.2 : 0.5);
    const run: Run = { text, x, endX: x + item.width, size };
    if (current !== null && near) {
      current.runs.push(run);
      current.size = Math.max(current.size, size);
    } else {
      current = { runs: [run], y, size };
      pending.push(current);
    }
    breakNext = item.hasEOL;
  }
  return pending
    .map((p): Line => {
      const all = p.runs.map((r) => r.text).join('');
      const rtl = isRtlText(all);
      const text = (rtl || RTL_LETTER.test(all) ? lineText(p.runs, rtl) : inStreamOrder(p.runs)).replace(/\s+/g, ' ').trim();
      return { text, x: Math.min(...p.runs.map((r) => r.x)), endX: Math.max(...p.runs.map((r) => r.endX)), y: p.y, size: p.size, rtl };
    })
    .filter((line) => line.text !== '');
}

/** Latin-only lines: the runs as the producer wrote them, spaces where the gaps are (the former behaviour). */
function inStreamOrder(runs: readonly Run[]): string {
  let text = '';
  let endX = -Infinity;
  for (const run of runs) {
    const gap = run.x - endX;
    const needsSpace = text !== '' && gap > run.size * 0.15 && !text.endsWith(' ') && !run.text.startsWith(' ');
    text += (needsSpace ? ' ' : '') + run.text;
    endX = Math.max(endX, run.endX);
  }
  return text;
}
