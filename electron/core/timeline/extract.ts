/**
 * Date extraction for one article: every extractor over the text, overlaps resolved, each date given
 * its sentence and checked against the anchor (anchor.ts). Pure: text in, mentions out. It never
 * throws for odd text — an extractor that fails on a pathological input loses its dates, not the import.
 */
import { anchorFrom, futureAfter } from './anchor.js';
import { extractArabicNumeric, extractArabicScript } from './arabic-script.js';
import { extractEnglish } from './english.js';
import { foldText } from './fold.js';
import { extractRelativeWords } from './relative-words.js';
import { clipSentence, sentenceAround, splitSentences, type SentenceSpan } from './sentences.js';
import type { Candidate, DateMention, ExtractionInput, MentionFlag } from './types.js';
import { createLogger } from '../log.js';

const log = createLogger('timeline');

/**
 * Bump when extraction changes in a way that should re-read stored articles: libraries re-extract
 * articles read by an older version in the background (backfill.ts).
 */
export const EXTRACTOR_VERSION = 1;

export interface ExtractOptions {
  /** The article's published date as stored (ISO 8601), or null. */
  readonly publishedAt: string | null;
  /** Today (`YYYY-MM-DD`): the `future` limit when there is no published date. */
  readonly today?: string;
}

const ARABIC_SCRIPT = /[\u0600-\u06ff]/g;
const LATIN = /[A-Za-z]/g;

/** Whether a sentence is mostly in Arabic script (its numeric dates read day/month/year, not English month/day). */
function isArabicScript(text: string): boolean {
  return (text.match(ARABIC_SCRIPT)?.length ?? 0) > (text.match(LATIN)?.length ?? 0);
}

function safely(name: string, run: () => Candidate[]): Candidate[] {
  try {
    return run();
  } catch (error) {
    log.warn(`the ${name} date extractor failed on an article; its dates are skipped`, error);
    return [];
  }
}

const DATE_SHAPE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** What the table's constraints demand: a non-empty span inside the text and ordered, well-formed days. */
function wellFormed(c: Candidate, length: number): boolean {
  return (
    Number.isInteger(c.start) &&
    Number.isInteger(c.end) &&
    c.start >= 0 &&
    c.end > c.start &&
    c.end <= length &&
    DATE_SHAPE.test(c.date) &&
    DAY_SHAPE.test(c.startDay) &&
    DAY_SHAPE.test(c.endDay) &&
    c.startDay <= c.endDay
  );
}

/** Keeps the longest of overlapping candidates (the more specific reading); the earliest on a tie. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function extractDates(text: string, options: ExtractOptions): DateMention[] {
  const anchor = anchorFrom(options.publishedAt);
  const input: ExtractionInput = { text, folded: foldText(text), anchor };
  const sentences = splitSentences(text);
  const scriptOf = new Map<SentenceSpan, boolean>();
  const arabicAt = (c: Candidate): boolean => {
    const s = sentenceAround(sentences, c.start, c.end);
    const key = sentences.find((x) => x.start === s.start) ?? s;
    let arabic = scriptOf.get(key);
    if (arabic === undefined) {
      arabic = isArabicScript(text.slice(s.start, s.end));
      scriptOf.set(key, arabic);
    }
    return arabic;
  };
  const candidates = [
    ...safely('Arabic-script', () => extractArabicScript(input)),
    ...safely('Arabic-script relative', () => extractRelativeWords(input)),
    ...safely('numeric', () => extractArabicNumeric(input)).filter(arabicAt),
    ...safely('English', () => extractEnglish(input)).filter((c) => !arabicAt(c)),
  ];
  const limit = futureAfter(anchor, options.today ?? new Date().toISOString().slice(0, 10));
  // A malformed candidate (an extractor's bug on odd input) is dropped, so it can never fail the import's insert.
  return resolveOverlaps(candidates.filter((c) => wellFormed(c, text.length))).map((c) => {
    const sentence = clipSentence(text, sentenceAround(sentences, c.start, c.end), c.start, c.end);
    const flags: MentionFlag[] = [...new Set(c.flags)];
    if (c.startDay > limit && !flags.includes('future')) flags.push('future');
    return {
      ...c,
      flags,
      text: text.slice(c.start, c.end),
      sentence: text.slice(sentence.start, sentence.end),
      sentenceStart: sentence.start,
      sentenceEnd: sentence.end,
    };
  });
}
