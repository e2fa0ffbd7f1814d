/** Reading a timeline event's fields the way the view needs them. */
import type { TimelineEvent } from './types';

/** Warnings: the analyst should check these dates in the text. */
export type FlagName = 'future' | 'ambiguous' | 'orphaned';
/** Notes on how a date was read: worth knowing, nothing to check. */
export type NoteName = 'relative' | 'solar-hijri';

export const FLAG_TEXT: Record<FlagName, { short: string; long: string }> = {
  future: { short: 'Future date', long: 'This date is later than the article was published: check it in the text.' },
  ambiguous: { short: 'Ambiguous', long: 'The text allows another reading of this date (a two-digit year, a weekday that does not match): check it in the text.' },
  orphaned: { short: 'Text gone', long: 'The highlight’s passage is no longer in the article’s text.' },
};

export const NOTE_TEXT: Record<NoteName, { short: string; long: string }> = {
  relative: { short: 'Year from publication', long: 'The text gives no year (“In October”): it was taken from the article’s published date.' },
  'solar-hijri': { short: 'Solar Hijri', long: 'Converted from the Solar Hijri calendar: the month spans two Gregorian months.' },
};

/** The event's warnings, in a fixed order. */
export function eventFlags(event: Pick<TimelineEvent, 'flags'>): FlagName[] {
  return (['future', 'ambiguous', 'orphaned'] as const).filter((f) => event.flags.includes(f));
}

/** How the date was read, when that is worth saying. */
export function eventNotes(event: Pick<TimelineEvent, 'flags'>): NoteName[] {
  return (['relative', 'solar-hijri'] as const).filter((f) => event.flags.includes(f));
}

/** The date mention's place inside the event's sentence (offsets in the sentence), or null. */
export function mentionInSentence(event: Pick<TimelineEvent, 'kind' | 'start' | 'end' | 'sentenceStart' | 'sentence'>): { start: number; end: number } | null {
  if (event.kind !== 'mention' || event.start === null || event.end === null || event.sentenceStart === null) return null;
  const start = event.start - event.sentenceStart;
  const end = event.end - event.sentenceStart;
  return start >= 0 && end <= event.sentence.length && start < end ? { start, end } : null;
}
