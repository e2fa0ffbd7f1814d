/**
 * The dossier's chronology: the timeline of its scope (its articles, whole or highlights-only, and the
 * articles of its highlights; see timeline/scope.ts), each event with the full citation of its source,
 * as the exporters print it. Read inside the caller's transaction, so it matches the items it sits with.
 */
import type { ArticleCitation } from '../citations.js';
import { getArticleCitation } from '../citations.js';
import type { Db } from '../db/open.js';
import type { TimelineEvent } from '../timeline/query.js';
import { listTimelineReady } from '../timeline/service.js';
import type { DossierChronologyEvent } from './model.js';

/** The date's place inside the event's sentence, for a mention whose offsets fall inside it. */
function markOf(event: TimelineEvent): DossierChronologyEvent['mark'] {
  if (event.kind !== 'mention' || event.start === null || event.end === null || event.sentenceStart === null) return null;
  const start = event.start - event.sentenceStart;
  const end = event.end - event.sentenceStart;
  return start >= 0 && end <= event.sentence.length && start < end ? { start, end } : null;
}

export function dossierChronology(db: Db, dossierId: string): DossierChronologyEvent[] {
  const citations = new Map<string, ArticleCitation | undefined>();
  const citationOf = (articleId: string): ArticleCitation | undefined => {
    if (!citations.has(articleId)) citations.set(articleId, getArticleCitation(db, articleId));
    return citations.get(articleId);
  };
  const out: DossierChronologyEvent[] = [];
  // Articles whose dates are not read yet (a library being back-filled) are read first: a printed chronology is complete.
  for (const event of listTimelineReady(db, { scope: { kind: 'dossier', id: dossierId } }).events) {
    const citation = citationOf(event.articleId);
    if (!citation) continue;
    out.push({
      date: event.date,
      precision: event.precision,
      kind: event.kind,
      title: event.title,
      sentence: event.sentence,
      mark: markOf(event),
      start: event.start,
      end: event.end,
      annotationId: event.annotationId,
      flags: [...event.flags],
      citation,
    });
  }
  return out;
}
