/**
 * The human output of `quire timeline`: events grouped by year, then month, one line each:
 * date · sentence (trimmed) · source. Year-precision events head their year; a month's events follow
 * its month heading. Pure, so it is tested without a library.
 */
import { MONTH_NAMES, formatEventDate } from '../common/event-date.js';
import type { TimelineEvent } from '../core/timeline/query.js';

const SENTENCE_MAX = 110;

export function trimSentence(sentence: string, max = SENTENCE_MAX): string {
  const flat = sentence.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  // Cut at the last whole word (the cut may already fall just before a space).
  const space = flat[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space).trimEnd() : cut}…`;
}

/**
 * A sentence cut to `max` characters so that the date in it ([markStart, markEnd)) stays visible:
 * from the start when the date is early enough, else a window around it with an ellipsis in front.
 */
export function trimAround(sentence: string, markStart: number, markEnd: number, max = SENTENCE_MAX): string {
  if (sentence.length <= max || markEnd <= max - 10) return trimSentence(sentence, max);
  let from = Math.max(0, Math.min(markStart - Math.floor((max - (markEnd - markStart)) / 2), sentence.length - max + 1));
  const space = sentence.indexOf(' ', from);
  if (space !== -1 && space < markStart) from = space + 1;
  return `…${trimSentence(sentence.slice(from), max - 1)}`;
}

function eventLine(event: TimelineEvent): string {
  const sentence =
    event.sentenceStart !== null && event.start !== null && event.end !== null && !event.title
      ? trimAround(event.sentence, event.start - event.sentenceStart, event.end - event.sentenceStart)
      : trimSentence(event.title ? `${event.title}: ${event.sentence}` : event.sentence);
  const parts = [formatEventDate(event.date), sentence, event.source ?? trimSentence(event.articleTitle, 60)];
  const marks: string[] = [];
  if (event.kind === 'highlight') marks.push(`highlight ${event.id}`);
  for (const flag of event.flags) if (flag !== 'relative') marks.push(flag);
  return `${parts.join(' · ')}${marks.length ? `  [${marks.join(', ')}]` : ''}`;
}

export function formatTimeline(events: readonly TimelineEvent[]): string[] {
  const lines: string[] = [];
  let year: string | null = null;
  let month: string | null = null;
  for (const event of events) {
    const eventYear = event.date.slice(0, 4);
    if (eventYear !== year) {
      if (year !== null) lines.push('');
      lines.push(eventYear);
      year = eventYear;
      month = null;
    }
    if (event.precision === 'year') {
      lines.push(`  ${eventLine(event)}`);
      continue;
    }
    const eventMonth = event.date.slice(0, 7);
    if (eventMonth !== month) {
      lines.push(`  ${MONTH_NAMES[Number(event.date.slice(5, 7)) - 1] ?? eventMonth}`);
      month = eventMonth;
    }
    lines.push(`    ${eventLine(event)}`);
  }
  return lines;
}
