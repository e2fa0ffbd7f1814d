import type { dossiersContract } from '../contract/dossiers.js';
import '../../core/dossiers/import-hook.js';
import {
  addItems,
  createDossier,
  deleteDossierWithSnapshot,
  duplicateDossier,
  getDossierView,
  listDossiers,
  moveItem,
  removeItem,
  reorderItems,
  restoreDossier,
  setItemOptions,
  updateDossier,
  type DossierPatch,
} from '../../core/dossiers/dossiers.js';
import type { Handlers } from './types.js';

/** Drops the keys zod left undefined, so "absent" never reads as "cleared". */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export const dossiersHandlers: Handlers<typeof dossiersContract> = {
  'dossiers.list': (ctx, { containing }) => ({
    dossiers: listDossiers(ctx.library.db, containing !== undefined ? { containing } : {}),
  }),

  'dossiers.get': (ctx, { id }) => getDossierView(ctx.library.db, id),

  'dossiers.create': (ctx, input) => createDossier(ctx.library.db, { ...(definedOnly(input) as DossierPatch), title: input.title }),

  'dossiers.update': (ctx, { id, patch }) => updateDossier(ctx.library.db, id, definedOnly(patch) as DossierPatch),

  'dossiers.duplicate': (ctx, { id, title }) => duplicateDossier(ctx.library.db, id, title),

  'dossiers.delete': (ctx, { id }) => {
    const snapshot = deleteDossierWithSnapshot(ctx.library.db, id);
    return { id, title: snapshot.dossier.title, snapshot };
  },

  'dossiers.restore': (ctx, { snapshot }) => restoreDossier(ctx.library.db, snapshot),

  'dossiers.addItems': (ctx, { dossierId, ...input }) => {
    const result = addItems(ctx.library.db, dossierId, definedOnly(input));
    return { dossier: getDossierView(ctx.library.db, dossierId), added: [...result.added], skipped: [...result.skipped] };
  },

  'dossiers.removeItem': (ctx, { dossierId, itemId }) => {
    const removed = removeItem(ctx.library.db, dossierId, itemId);
    return { dossier: getDossierView(ctx.library.db, dossierId), removed };
  },

  'dossiers.moveItem': (ctx, { dossierId, itemId, position }) => {
    moveItem(ctx.library.db, dossierId, itemId, position);
    return getDossierView(ctx.library.db, dossierId);
  },

  'dossiers.reorder': (ctx, { dossierId, itemIds }) => {
    reorderItems(ctx.library.db, dossierId, itemIds);
    return getDossierView(ctx.library.db, dossierId);
  },

  'dossiers.setItemOptions': (ctx, { dossierId, itemId, highlightsOnly, heading }) => {
    setItemOptions(ctx.library.db, dossierId, itemId, definedOnly({ highlightsOnly, heading }));
    return getDossierView(ctx.library.db, dossierId);
  },
};
