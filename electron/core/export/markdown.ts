/**
 * The dossier as Markdown: readable as plain text and in any Markdown viewer (CommonMark, no HTML).
 * Headings for the dossier's parts and items, a citation list under each source, highlighted passages
 * in bold with bracketed note numbers, quotes as block quotes followed by their citation, and the
 * appendix of quotes by label. All text is escaped, so nothing in an article becomes markup.
 */
import {
  TEXT_FORMAT,
  isElementNode,
  parseDocument,
  textSpans,
  documentPlainText,
  type ArticleDocument,
  type SerializedElementNode,
  type SerializedNode,
  type TextSpan,
} from '../../common/document.js';
import { isCitationNode } from '../../common/note-document.js';
import { formatDate, formatShortDate, safeHttpUrl } from './format.js';
import { chronologyMarkdown } from './markdown-chronology.js';
import { EMPTY_DOSSIER_TEXT } from './print-html.js';
import type { ArticleItem, DossierAnnotation, DossierCitation, DossierForExport, DossierNote } from './types.js';

/** Escapes CommonMark's punctuation so article text never turns into markup. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^(\s*)([-+=#]+)/gm, (_, space: string, marks: string) => `${space}${marks.replace(/./g, (c) => `\\${c}`)}`)
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

function link(url: string | null): string {
  const href = safeHttpUrl(url);
  // Angle-bracket autolinks cannot contain spaces or '<' '>'; the URL parser has encoded those.
  return href ? `<${href}>` : url ? escapeMarkdown(url) : '';
}

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  strike: boolean;
  href: string | null;
  /** Appended after the run (note numbers): already Markdown. */
  after: string;
}

function sameStyle(a: Run, b: Run): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.strike === b.strike && a.href === b.href && a.after === '';
}

function emitRun(run: Run): string {
  if (run.code) {
    const ticks = run.text.includes('`') ? '`` ' : '`';
    return `${ticks}${run.text}${ticks.split('').reverse().join('')}${run.after}`;
  }
  // Delimiters must hug the text: keep surrounding spaces outside them.
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text);
  const [lead, core, trail] = [match?.[1] ?? '', match?.[2] ?? run.text, match?.[3] ?? ''];
  let out = escapeMarkdown(core);
  if (out) {
    if (run.strike) out = `~~${out}~~`;
    if (run.italic) out = `*${out}*`;
    if (run.bold) out = `**${out}**`;
    if (run.href) out = `[${out}](<${run.href}>)`;
  }
  return `${lead}${out}${trail}${run.after}`;
}

function emitRuns(runs: Run[]): string {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && sameStyle(last, run)) {
      last.text += run.text;
      last.after = run.after;
    } else merged.push({ ...run });
  }
  return merged.map(emitRun).join('').replace(/\n/g, '  \n');
}

export interface MarkdownHighlight {
  readonly start: number;
  readonly end: number;
  readonly noteNumber: number | null;
}

interface DocContext {
  readonly spans: Map<object, TextSpan>;
  readonly highlights: readonly MarkdownHighlight[];
  readonly headingShift: number;
  readonly citation: (node: Readonly<Record<string, unknown>>) => string | null;
}

function inlineRuns(children: readonly SerializedNode[], ctx: DocContext, href: string | null, out: Run[]): void {
  for (const child of children) {
    if (child.type === 'link' || (child as { type: string }).type === 'autolink') {
      const url = safeHttpUrl((child as { url?: string }).url ?? null);
      inlineRuns((child as SerializedElementNode).children, ctx, url ?? href, out);
      continue;
    }
    if (isElementNode(child)) {
      inlineRuns((child as SerializedElementNode).children, ctx, href, out);
      continue;
    }
    if (child.type === 'linebreak') {
      out.push({ text: '\n', bold: false, italic: false, code: false, strike: false, href: null, after: '' });
      continue;
    }
    if (child.type !== 'text' && child.type !== 'tab') continue;
    const text = child.type === 'tab' ? '\t' : child.text;
    const format = child.format;
    const base = {
      bold: (format & TEXT_FORMAT.bold) !== 0,
      italic: (format & TEXT_FORMAT.italic) !== 0,
      code: (format & TEXT_FORMAT.code) !== 0,
      strike: (format & TEXT_FORMAT.strikethrough) !== 0,
      href,
    };
    const span = ctx.spans.get(child);
    if (!span || ctx.highlights.length === 0) {
      out.push({ ...base, text, after: '' });
      continue;
    }
    const cuts = new Set([span.start, span.end]);
    for (const h of ctx.highlights) {
      if (h.start > span.start && h.start < span.end) cuts.add(h.start);
      if (h.end > span.start && h.end < span.end) cuts.add(h.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i < points.length - 1; i++) {
      const from = points[i]!;
      const to = points[i + 1]!;
      const lit = ctx.highlights.some((h) => h.start < to && h.end > from);
      const notes = ctx.highlights
        .filter((h) => h.end === to && h.noteNumber !== null)
        .map((h) => ` \\[${h.noteNumber}\\]`)
        .join('');
      out.push({ ...base, bold: base.bold || lit, code: base.code && !lit, text: text.slice(from - span.start, to - span.start), after: notes });
    }
  }
}

function blockMarkdown(node: SerializedNode, ctx: DocContext, indent: string): string {
  if (isCitationNode(node)) return ctx.citation(node as unknown as Readonly<Record<string, unknown>>) ?? '';
  if (!isElementNode(node)) {
    const runs: Run[] = [];
    inlineRuns([node], ctx, null, runs);
    return emitRuns(runs);
  }
  const el = node as SerializedElementNode;
  const inline = (): string => {
    const runs: Run[] = [];
    inlineRuns(el.children, ctx, null, runs);
    return emitRuns(runs);
  };
  switch (el.type) {
    case 'heading': {
      const stated = Number(String(el.tag).slice(1));
      const level = Math.min(6, (Number.isInteger(stated) ? stated : 6) + ctx.headingShift);
      return `${'#'.repeat(level)} ${inline().replace(/ {2}\n/g, ' ')}`;
    }
    case 'quote':
      return inline()
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'list': {
      let n = el.listType === 'number' ? (el.start ?? 1) : 0;
      return el.children
        .map((item) => {
          const li = item as SerializedElementNode;
          const nested = li.children.filter((c) => c.type === 'list');
          if (nested.length && nested.length === li.children.length) {
            return nested.map((c) => blockMarkdown(c, ctx, `${indent}   `)).join('\n');
          }
          const marker = el.listType === 'number' ? `${n++}.` : '-';
          const runs: Run[] = [];
          inlineRuns(li.children.filter((c) => c.type !== 'list'), ctx, null, runs);
          const sub = li.children.filter((c) => c.type === 'list').map((c) => `\n${blockMarkdown(c, ctx, `${indent}   `)}`);
          return `${indent}${marker} ${emitRuns(runs).replace(/\n/g, `\n${indent}   `)}${sub.join('')}`;
        })
        .join('\n');
    }
    default:
      return inline();
  }
}

export function documentMarkdown(
  doc: ArticleDocument,
  options: {
    highlights?: readonly MarkdownHighlight[];
    headingShift?: number;
    citation?: (node: Readonly<Record<string, unknown>>) => string | null;
  } = {},
): string {
  const highlights = (options.highlights ?? []).filter((h) => h.end > h.start);
  const spans = new Map<object, TextSpan>();
  if (highlights.length) for (const span of textSpans(doc)) spans.set(span.node, span);
  const ctx: DocContext = { spans, highlights, headingShift: options.headingShift ?? 0, citation: options.citation ?? (() => null) };
  return doc.root.children
    .map((child) => blockMarkdown(child, ctx, ''))
    .filter((block) => block.trim() !== '')
    .join('\n\n');
}

// ---- The dossier ----

function citationListMarkdown(c: DossierCitation): string {
  const rows: [string, string | null][] = [
    ['Source', c.source ? escapeMarkdown(c.source) : null],
    ['Author', c.byline ? escapeMarkdown(c.byline) : null],
    ['URL', c.url ? link(c.url) : null],
    ['Published', escapeMarkdown(formatDate(c.publishedAt) ?? 'not stated')],
    ['Accessed', escapeMarkdown(formatDate(c.importedAt) ?? '')],
    ['Original file', c.originalName ? escapeMarkdown(c.originalName) : null],
    ['SHA-256', c.sha256 ? `\`${c.sha256}\`` : null],
  ];
  return rows
    .filter((r): r is [string, string] => r[1] !== null && r[1] !== '')
    .map(([k, v]) => `- **${k}:** ${v}`)
    .join('\n');
}

function citationLineMarkdown(c: DossierCitation): string {
  const parts = [`*${escapeMarkdown(c.title || 'Untitled')}*`];
  if (c.source) parts.push(escapeMarkdown(c.source));
  if (c.byline) parts.push(escapeMarkdown(c.byline));
  const published = formatDate(c.publishedAt);
  if (published) parts.push(escapeMarkdown(published));
  let line = parts.join(', ');
  if (c.url) line += `. ${link(c.url)}`;
  const accessed = formatDate(c.importedAt);
  if (accessed) line += ` (accessed ${escapeMarkdown(accessed)})`;
  return line;
}

function blockQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() ? `> ${escapeMarkdown(line)}` : '>'))
    .join('\n');
}

function labelTag(a: DossierAnnotation): string {
  return `\\[${escapeMarkdown(a.label?.name ?? 'No label')}\\]`;
}

const ORPHANED = '*Orphaned highlight: this passage is no longer found in the article’s current text.*';

/** A quote as a block quote with its attribution line (and the note and status, when any). */
function quoteMarkdown(a: DossierAnnotation, attribution: string, extra: string[] = []): string {
  const lines = [blockQuote(a.quote), '>', `> — ${labelTag(a)}${attribution ? ` ${attribution}` : ''}`];
  if (a.note.trim()) lines.push('>', `> Note: ${escapeMarkdown(a.note.trim()).replace(/\n/g, ' ')}`);
  if (a.status === 'orphaned') lines.push('>', `> ${ORPHANED}`);
  for (const line of extra) lines.push('>', `> ${line}`);
  return lines.join('\n');
}

function shortMd(c: { title: string; source: string | null; publishedAt: string | null }): string {
  const who = escapeMarkdown(c.source?.trim() || c.title.trim() || 'Untitled');
  const when = formatShortDate(c.publishedAt);
  return when ? `${who}, ${escapeMarkdown(when)}` : who;
}

/** The stored document, or null to print the plain text instead. */
function readDoc(json: string | null): ArticleDocument | null {
  if (!json) return null;
  try {
    return parseDocument(json);
  } catch {
    return null;
  }
}

function plainParagraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => escapeMarkdown(p.trim()).replace(/\n/g, '  \n'))
    .filter(Boolean)
    .join('\n\n');
}

function articleMarkdown(item: ArticleItem, level: number, quotes: Map<string, [DossierAnnotation, DossierCitation]>): string {
  const a = item.article;
  const h = '#'.repeat(level);
  const out = [`${h} ${escapeMarkdown(a.title || 'Untitled')}`, citationListMarkdown(a)];
  const placed = a.annotations.filter(
    (x) => x.status === 'anchored' && x.start !== null && x.end !== null && x.start >= 0 && x.end <= a.text.length && x.start < x.end,
  );
  const unplaced = a.annotations.filter((x) => !placed.includes(x));
  for (const x of a.annotations) if (!quotes.has(x.id)) quotes.set(x.id, [x, a]);
  if (item.highlightsOnly) {
    out.push(`*Highlights only (${a.annotations.length}).*`);
    for (const x of [...placed, ...unplaced]) out.push(quoteMarkdown(x, ''));
    return out.join('\n\n');
  }
  let doc: ArticleDocument | null = null;
  try {
    doc = parseDocument(a.bodyJson);
    if (documentPlainText(doc) !== a.text) doc = null;
  } catch {
    doc = null;
  }
  let n = 0;
  const notes: string[] = [];
  const highlights = placed.map((x) => {
    const number = x.note.trim() ? ++n : null;
    if (number !== null) notes.push(`${number}. ${labelTag(x)} ${escapeMarkdown(x.note.trim()).replace(/\n/g, ' ')}`);
    return { start: x.start as number, end: x.end as number, noteNumber: number };
  });
  out.push(doc ? documentMarkdown(doc, { highlights, headingShift: level }) : plainParagraphs(a.text));
  if (notes.length) out.push(`${'#'.repeat(Math.min(6, level + 1))} Notes`, notes.join('\n'));
  if (unplaced.length) {
    out.push(`${'#'.repeat(Math.min(6, level + 1))} Orphaned highlights`, ...unplaced.map((x) => quoteMarkdown(x, '')));
  }
  return out.join('\n\n');
}

function noteMarkdown(note: DossierNote, level: number, quotes: Map<string, [DossierAnnotation, DossierCitation]>): string {
  const out = [`${'#'.repeat(level)} ${escapeMarkdown(note.title || 'Untitled note')}`, '*Analyst note*'];
  const citation = (node: Readonly<Record<string, unknown>>): string | null => {
    if (!isCitationNode(node)) return null;
    const c = note.citations.find((x) => x.annotationId === node.annotationId);
    if (!c || !c.annotation) {
      const snap = c?.snapshot ?? node;
      const from = snap.articleTitle || snap.source ? shortMd({ title: snap.articleTitle ?? '', source: snap.source, publishedAt: snap.publishedAt }) : 'source unknown';
      return `${blockQuote(node.quote)}\n>\n> — ${from} (as cited)\n>\n> *${escapeMarkdown(c?.statusText || 'The highlight has been deleted.')}*`;
    }
    if (c.citation && !quotes.has(c.annotation.id)) quotes.set(c.annotation.id, [c.annotation, c.citation]);
    const where = c.citation ? `${shortMd(c.citation)}${c.citation.url ? ` ${link(c.citation.url)}` : ''}` : 'source deleted';
    const extra: string[] = [];
    if (c.status === 'changed') extra.push(`*${escapeMarkdown(c.statusText)}* As cited: “${escapeMarkdown(c.quote)}”`);
    const shown: DossierAnnotation = c.status === 'orphaned' ? c.annotation : { ...c.annotation, note: '' };
    return quoteMarkdown({ ...shown, note: '' }, where, extra);
  };
  const doc = readDoc(note.bodyJson);
  out.push(doc ? documentMarkdown(doc, { headingShift: level, citation }) : plainParagraphs(note.text));
  return out.join('\n\n');
}

/** The whole dossier as one Markdown document. */
export function renderMarkdown(dossier: Readonly<DossierForExport>): string {
  const out: string[] = [];
  const marking = dossier.marking ? `**${escapeMarkdown(dossier.marking)}**` : null;
  if (marking) out.push(marking);
  out.push(`# ${escapeMarkdown(dossier.title || 'Untitled dossier')}`);
  if (dossier.subtitle) out.push(`*${escapeMarkdown(dossier.subtitle)}*`);
  const date = formatDate(dossier.date) ?? formatDate(dossier.generatedAt);
  const byline = [dossier.author ? escapeMarkdown(dossier.author) : null, date ? escapeMarkdown(date) : null]
    .filter(Boolean)
    .join(' · ');
  if (byline) out.push(byline);
  if (dossier.summary.text.trim()) {
    out.push('## Summary');
    const doc = readDoc(dossier.summary.json);
    out.push(doc ? documentMarkdown(doc, { headingShift: 2 }) : plainParagraphs(dossier.summary.text));
  }
  if (dossier.includeChronology) out.push(chronologyMarkdown(dossier.chronology, { escape: escapeMarkdown, cite: citationLineMarkdown }));
  if (dossier.items.length === 0) out.push(`*${EMPTY_DOSSIER_TEXT} Add sources, highlights or notes to it, then export again.*`);
  const quotes = new Map<string, [DossierAnnotation, DossierCitation]>();
  let level = 2;
  for (const item of dossier.items) {
    switch (item.kind) {
      case 'heading':
        out.push('---', `## ${escapeMarkdown(item.text)}`);
        level = 3;
        break;
      case 'article':
        out.push(articleMarkdown(item, level, quotes));
        break;
      case 'annotation':
        if (!quotes.has(item.annotation.id)) quotes.set(item.annotation.id, [item.annotation, item.citation]);
        out.push(quoteMarkdown(item.annotation, citationLineMarkdown(item.citation)));
        break;
      case 'note':
        out.push(noteMarkdown(item.note, level, quotes));
        break;
      case 'missing':
        out.push(
          item.refKind === 'annotation'
            ? `*${escapeMarkdown(item.message)}*`
            : `${'#'.repeat(level)} ${escapeMarkdown(item.refTitle || (item.refKind === 'article' ? 'Deleted source' : 'Deleted note'))}\n\n*${escapeMarkdown(item.message)}*`,
        );
        break;
    }
  }
  if (quotes.size) {
    out.push('---', '## Appendix: quotes by label');
    const order = new Map(dossier.labels.map((l, i) => [l.id, i]));
    const groups = new Map<string, { name: string; rank: number; entries: [DossierAnnotation, DossierCitation][] }>();
    for (const entry of quotes.values()) {
      const label = entry[0].label;
      const key = label?.id ?? '';
      const group = groups.get(key) ?? { name: label?.name ?? 'No label', rank: label ? (order.get(label.id) ?? 1e6) : 2e6, entries: [] };
      group.entries.push(entry);
      groups.set(key, group);
    }
    for (const group of [...groups.values()].sort((a, b) => a.rank - b.rank)) {
      out.push(`### ${escapeMarkdown(group.name)} (${group.entries.length})`);
      for (const [a, c] of group.entries) out.push(quoteMarkdown({ ...a, note: '' }, citationLineMarkdown(c)));
    }
  }
  if (marking) out.push('---', marking);
  return `${out.join('\n\n')}\n`;
}
