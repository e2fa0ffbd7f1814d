/**
 * The timeline's entry points for the API and the CLI: listing a scope once its articles' dates are
 * read, and the highlight-event operations returning the event as listed.
 */
import type { Db } from '../db/open.js';
import { NotFoundError } from '../errors.js';
import { backfillDates } from './backfill.js';
import { promoteHighlight, updateEvent, type EventFields, type EventPatch } from './events.js';
import { getHighlightEvent, listTimeline, type TimelineEvent, type TimelineFilter } from './query.js';
import { resolveScope } from './scope.js';

export interface ReadyOptions {
  /** How long to spend reading not-yet-read articles first (ms); absent: as long as it takes. */
  readonly budgetMs?: number;
  readonly onProgress?: (done: number) => void;
}

export interface TimelineListing {
  readonly events: TimelineEvent[];
  /** Articles of the scope whose dates are not read yet (only with a budget that ran out). */
  readonly pending: number;
}

/** Reads the pending articles of the scope (within the budget), then lists it. */
export function listTimelineReady(db: Db, filter: TimelineFilter, options: ReadyOptions = {}): TimelineListing {
  const scope = resolveScope(db, filter.scope);
  const { remaining } = backfillDates(db, {
    ...(scope ? { ids: [...scope.keys()] } : {}),
    ...(options.budgetMs !== undefined ? { budgetMs: options.budgetMs } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return { events: listTimeline(db, filter), pending: remaining };
}

function requireEvent(db: Db, id: string): TimelineEvent {
  const event = getHighlightEvent(db, id);
  if (!event) throw new NotFoundError('timeline event', id);
  return event;
}

export function promote(db: Db, annotationId: string, fields: EventFields): TimelineEvent {
  return requireEvent(db, promoteHighlight(db, annotationId, fields));
}

export function update(db: Db, id: string, patch: EventPatch): TimelineEvent {
  updateEvent(db, id, patch);
  return requireEvent(db, id);
}
