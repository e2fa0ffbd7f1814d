/**
 * The chronology section in Markdown: a list per year, each event as its date in bold, the sentence
 * with the date mention in bold, and its citation. A right-to-left sentence is wrapped in Unicode
 * isolates (FSI … PDI): invisible, and they keep the sentence's words in order next to the
 * left-to-right date and citation in any viewer.
 */
import { formatEventDate } from '../../common/event-date.js';
import { EMPTY_CHRONOLOGY_TEXT, sentenceDirection } from './print-chronology.js';
import type { DossierChronologyEvent, DossierCitation } from './types.js';

const FSI = '\u2068';
const PDI = '\u2069';

export interface MarkdownChronologyOptions {
  readonly escape: (text: string) => string;
  /** The full citation line, as the other quotes of the Markdown export have it. */
  readonly cite: (citation: DossierCitation) => string;
}

function sentence(event: DossierChronologyEvent, escape: (text: string) => string): string {
  const { mark } = event;
  const flat = (text: string): string => escape(text.replace(/\s*\n\s*/g, ' '));
  let body: string;
  if (!mark || mark.start < 0 || mark.end > event.sentence.length || mark.start >= mark.end) body = flat(event.sentence);
  else {
    body =
      flat(event.sentence.slice(0, mark.start)) +
      `**${flat(event.sentence.slice(mark.start, mark.end)).trim()}**` +
      flat(event.sentence.slice(mark.end));
  }
  return sentenceDirection(event.sentence, event.citation.direction) === 'rtl' ? `${FSI}${body}${PDI}` : body;
}

/** `## Chronology` with one `### YYYY` list per year. */
export function chronologyMarkdown(events: readonly DossierChronologyEvent[], options: MarkdownChronologyOptions): string {
  const out = ['## Chronology'];
  if (events.length === 0) {
    out.push(`*${options.escape(EMPTY_CHRONOLOGY_TEXT)}*`);
    return out.join('\n\n');
  }
  let year = '';
  let list: string[] = [];
  const flush = (): void => {
    if (list.length) out.push(list.join('\n'));
    list = [];
  };
  for (const event of events) {
    const y = event.date.slice(0, 4);
    if (y !== year) {
      flush();
      year = y;
      out.push(`### ${y}`);
    }
    const notes: string[] = [];
    if (event.kind === 'highlight') notes.push('analyst’s highlight');
    if (event.flags.includes('future')) notes.push('later than publication: check');
    if (event.flags.includes('ambiguous')) notes.push('date uncertain');
    const note = notes.length ? ` *(${notes.join('; ')})*` : '';
    const title = event.title ? `*${options.escape(event.title)}.* ` : '';
    list.push(`- **${formatEventDate(event.date)}**: ${title}${sentence(event, options.escape)}${note} — ${options.cite(event.citation)}`);
  }
  flush();
  return out.join('\n\n');
}
