/** What the extractors produce and the store keeps. */
import type { ResolvedDate } from './calendar.js';
import type { Anchor } from './anchor.js';

/**
 * Flags a mention may carry (documented in the API contract and docs/timeline.md):
 * `future`, `relative`, `ambiguous`, `solar-hijri`, `range`.
 */
export type MentionFlag = 'future' | 'relative' | 'ambiguous' | 'solar-hijri' | 'range';

/** A date found by one extractor, before overlaps are resolved and sentences attached. */
export interface Candidate extends ResolvedDate {
  /** [start, end) of the date's text in the article's plain text. */
  readonly start: number;
  readonly end: number;
  readonly flags: readonly MentionFlag[];
}

/** A stored date mention. */
export interface DateMention extends Candidate {
  readonly text: string;
  readonly sentence: string;
  readonly sentenceStart: number;
  readonly sentenceEnd: number;
}

/** What an extractor is given: the text (and its folded copy for Arabic script), the anchor. */
export interface ExtractionInput {
  readonly text: string;
  /** `foldText(text)`: same offsets. */
  readonly folded: string;
  readonly anchor: Anchor | null;
}
