import type { timelineContract } from '../contract/timeline.js';
import { removeEvent } from '../../core/timeline/events.js';
import { listTimelineReady, promote, update } from '../../core/timeline/service.js';
import type { Handlers } from './types.js';

/**
 * How long one listing may spend reading the dates of articles not read yet (a library from before the
 * timeline, being back-filled in the background): the main process must stay responsive, so the rest
 * is reported as `pending` and the view lists again.
 */
const LIST_BUDGET_MS = 1500;

/** Drops the keys zod left undefined, so "absent" never reads as "cleared". */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export const timelineHandlers: Handlers<typeof timelineContract> = {
  'timeline.list': (ctx, { scope, after, before, precision }) =>
    listTimelineReady(
      ctx.library.db,
      { scope, ...(after !== undefined ? { after } : {}), ...(before !== undefined ? { before } : {}), ...(precision ? { precision } : {}) },
      { budgetMs: LIST_BUDGET_MS },
    ),

  'timeline.promote': (ctx, { annotationId, ...fields }) => promote(ctx.library.db, annotationId, fields),

  'timeline.updateEvent': (ctx, { id, ...patch }) => update(ctx.library.db, id, definedOnly(patch)),

  'timeline.removeEvent': (ctx, { id }) => {
    const row = removeEvent(ctx.library.db, id);
    return { id: row.id, annotationId: row.annotationId, date: row.date, precision: row.precision, title: row.title, sentence: row.sentence };
  },
};
