import type { annotationsContract } from '../contract/annotations.js';
import {
  attachAnnotation,
  createAnnotation,
  deleteAnnotation,
  ensureAnnotationsRegistered,
  getAnnotation,
  listAnnotations,
  restoreAnnotation,
  saveArticleEdit,
  updateAnnotation,
  updateArticleText,
  type NoteInput,
} from '../../core/annotations.js';
import { UsageError } from '../../core/errors.js';
import { createLabel, deleteLabel, listLabels, reorderLabels, updateLabel } from '../../core/labels.js';
import type { Handlers } from './types.js';

// Seeds default labels into new libraries and adds "annotations" to article details.
ensureAnnotationsRegistered();

function note(input: { json: string; text: string } | null | undefined): NoteInput | null | undefined {
  if (input === undefined || input === null) return input;
  return { json: input.json, text: input.text };
}

export const annotationsHandlers: Handlers<typeof annotationsContract> = {
  'labels.list': (ctx) => listLabels(ctx.library),

  'labels.create': (ctx, input) =>
    createLabel(ctx.library, {
      name: input.name,
      ...(input.color !== undefined ? { color: input.color } : {}),
      ...(input.shortcut !== undefined ? { shortcut: input.shortcut } : {}),
    }),

  'labels.update': (ctx, { id, patch }) =>
    updateLabel(ctx.library, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.color !== undefined ? { color: patch.color } : {}),
      ...(patch.shortcut !== undefined ? { shortcut: patch.shortcut } : {}),
    }),

  'labels.reorder': (ctx, { ids }) => reorderLabels(ctx.library, ids),

  'labels.delete': (ctx, { id, reassignTo, clear }) => {
    if (reassignTo !== undefined && clear) throw new UsageError('Either reassign the highlights or clear their label, not both.');
    const option = reassignTo !== undefined ? { reassignTo } : clear ? ({ clear: true } as const) : undefined;
    return deleteLabel(ctx.library, id, option);
  },

  'annotations.list': (ctx, { articleId, status }) =>
    listAnnotations(ctx.library, {
      ...(articleId !== undefined ? { articleId } : {}),
      ...(status !== undefined ? { status } : {}),
    }),

  'annotations.get': (ctx, { id }) => getAnnotation(ctx.library, id),

  'annotations.create': (ctx, input) =>
    createAnnotation(ctx.library, {
      articleId: input.articleId,
      target: input.quote === undefined ? { start: input.start, end: input.end } : { start: input.start, end: input.end, quote: input.quote },
      labelId: input.labelId ?? null,
      note: note(input.note) ?? null,
      tags: input.tags ?? [],
    }),

  'annotations.update': (ctx, { id, labelId, note: noteValue, tags }) =>
    updateAnnotation(ctx.library, id, {
      ...(labelId !== undefined ? { labelId } : {}),
      ...(noteValue !== undefined ? { note: note(noteValue) ?? null } : {}),
      ...(tags !== undefined ? { tags } : {}),
    }),

  'annotations.delete': (ctx, { id }) => {
    const snapshot = deleteAnnotation(ctx.library, id);
    return { id: snapshot.id, snapshot };
  },

  'annotations.restore': (ctx, { snapshot }) => restoreAnnotation(ctx.library, snapshot),

  'annotations.attach': (ctx, { id, start, end, quote }) =>
    attachAnnotation(ctx.library, id, quote === undefined ? { start, end } : { start, end, quote }),

  'articles.saveEdit': (ctx, { articleId, bodyJson, marks }) => saveArticleEdit(ctx.library, articleId, { bodyJson, marks }),

  'articles.replaceText': (ctx, { articleId, text }) => updateArticleText(ctx.library, articleId, { text }),
};
