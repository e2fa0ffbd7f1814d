import type { notesContract } from '../contract/notes.js';
import {
  citableHighlights,
  citationFor,
  createNote,
  deleteNoteWithSnapshot,
  getNote,
  listNotes,
  noteBacklinks,
  restoreNote,
  updateNote,
} from '../../core/notes.js';
import type { Handlers } from './types.js';

export const notesHandlers: Handlers<typeof notesContract> = {
  'notes.list': (ctx, { articleId }) => ({ notes: listNotes(ctx.library.db, articleId !== undefined ? { articleId } : {}) }),

  'notes.get': (ctx, { id }) => getNote(ctx.library.db, id),

  'notes.create': (ctx, input) =>
    createNote(ctx.library.db, {
      title: input.title,
      ...(input.articleId !== undefined ? { articleId: input.articleId } : {}),
      ...(input.bodyJson !== undefined ? { bodyJson: input.bodyJson } : {}),
      ...(input.markdown !== undefined ? { markdown: input.markdown } : {}),
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(input.cite !== undefined ? { cite: input.cite } : {}),
    }),

  'notes.update': (ctx, { id, patch }) =>
    updateNote(ctx.library.db, id, {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.bodyJson !== undefined ? { bodyJson: patch.bodyJson } : {}),
      ...(patch.articleId !== undefined ? { articleId: patch.articleId } : {}),
    }),

  'notes.delete': (ctx, { id }) => {
    const snapshot = deleteNoteWithSnapshot(ctx.library.db, id);
    return { id, title: snapshot.title, snapshot };
  },

  'notes.restore': (ctx, { snapshot }) => restoreNote(ctx.library.db, snapshot),

  'notes.backlinks': (ctx, { articleId }) => ({ notes: noteBacklinks(ctx.library.db, articleId) }),

  'notes.citable': (ctx, input) => ({ highlights: citableHighlights(ctx.library.db, input) }),

  'notes.citation': (ctx, { annotationId }) => citationFor(ctx.library.db, annotationId),
};
