/**
 * Labels: the analyst's codes for highlights (Key quote, Claim, Evidence…), each with a colour,
 * a place in the list and an optional keyboard slot 1–9. A new library starts with a default set.
 */
import { newId, nowIso } from './ids.js';
import { NotFoundError, QuireError, UsageError } from './errors.js';
import { onLibraryOpen, type Library } from './library.js';
import {
  labelsSeeded,
  markLabelsSeeded,
  deleteLabelRow,
  findLabelRowByName,
  findLabelRowByShortcut,
  getLabelRow,
  insertLabelRow,
  labelCount,
  labelUsage,
  listLabelRows,
  reassignLabel,
  setLabelOrder,
  updateLabelRow,
  type LabelRow,
} from './db/labels.js';
import type { Db } from './db/open.js';

/** A label as the app and the CLI show it. `position` is 1-based (first in the list = 1). */
export interface Label {
  readonly id: string;
  readonly name: string;
  /** `#RRGGBB`, upper case. */
  readonly color: string;
  readonly position: number;
  /** The digit key that applies it in the reader, or null. */
  readonly shortcut: number | null;
  /** How many highlights use it. */
  readonly annotations: number;
}

/**
 * The Okabe–Ito palette: eight colours that stay distinguishable for readers with colour-vision
 * deficiencies, and readable as highlight backgrounds at reduced opacity.
 */
export const OKABE_ITO = ['#F0E442', '#E69F00', '#009E73', '#56B4E9', '#CC79A7', '#D55E00', '#0072B2', '#999999'] as const;

/** The labels a new library starts with; the analyst renames, recolours, reorders or deletes them at will. */
export const DEFAULT_LABELS: readonly { name: string; color: string; shortcut: number }[] = [
  { name: 'Key quote', color: '#F0E442', shortcut: 1 },
  { name: 'Claim', color: '#E69F00', shortcut: 2 },
  { name: 'Evidence', color: '#009E73', shortcut: 3 },
  { name: 'Person/Organisation', color: '#56B4E9', shortcut: 4 },
  { name: 'Place/Date', color: '#CC79A7', shortcut: 5 },
  { name: 'Question', color: '#D55E00', shortcut: 6 },
];

const MAX_NAME_LENGTH = 60;

function toLabel(row: LabelRow & { annotations?: number }, annotations?: number): Label {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    position: row.position + 1,
    shortcut: row.shortcut,
    annotations: annotations ?? row.annotations ?? 0,
  };
}

// ---- Seeding ----

/**
 * Gives a library the default labels once in its life (recorded in `library_meta`), so a library whose
 * analyst deleted every label never gets them back.
 */
export function seedDefaultLabels(db: Db): boolean {
  // Checked first without the write lock: every open after the first stops here.
  if (labelsSeeded(db)) return false;
  return db.transaction(() => {
    if (labelsSeeded(db)) return false;
    markLabelsSeeded(db, nowIso());
    if (labelCount(db) > 0) return false;
    DEFAULT_LABELS.forEach((label, position) => insertLabelRow(db, { id: newId('lbl'), position, ...label }));
    return true;
  }).immediate();
}

let seedingRegistered = false;

/** Registers the seeding hook with `openLibrary` (once, however many modules ask). */
export function registerLabelSeeding(): void {
  if (seedingRegistered) return;
  seedingRegistered = true;
  onLibraryOpen((library) => {
    seedDefaultLabels(library.db);
  });
}

// ---- Reading ----

export function listLabels(library: Library): Label[] {
  return listLabelRows(library.db).map((row) => toLabel(row));
}

export function getLabel(library: Library, id: string): Label {
  const row = getLabelRow(library.db, id);
  if (!row) throw new NotFoundError('label', id);
  return toLabel(row, labelUsage(library.db, id));
}

/** A label by name (any case) or id, as typed at the CLI. */
export function resolveLabel(library: Library, nameOrId: string): Label {
  const row = findLabelRowByName(library.db, cleanName(nameOrId)) ?? getLabelRow(library.db, nameOrId);
  if (!row) {
    const names = listLabelRows(library.db).map((l) => l.name);
    const known = names.length > 0 ? ` Labels: ${names.join(', ')}.` : ' The library has no labels yet.';
    throw new QuireError('not_found', `There is no label called “${nameOrId}”.${known}`);
  }
  return toLabel(row, labelUsage(library.db, row.id));
}

// ---- Validation ----

function cleanName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

function validName(db: Db, name: string, exceptId: string | null): string {
  const clean = cleanName(name);
  if (clean === '') throw new UsageError('A label needs a name.');
  if (clean.length > MAX_NAME_LENGTH) throw new UsageError(`A label name can be at most ${MAX_NAME_LENGTH} characters.`);
  const other = findLabelRowByName(db, clean);
  if (other && other.id !== exceptId) throw new QuireError('label_exists', `There is already a label called “${other.name}”.`);
  return clean;
}

/** Accepts `#RGB` or `#RRGGBB` (the `#` optional), returns `#RRGGBB` in upper case. */
export function normalizeColor(color: string): string {
  const hex = color.trim().replace(/^#/, '');
  if (/^[0-9a-fA-F]{3}$/.test(hex)) {
    return `#${[...hex].map((c) => c + c).join('')}`.toUpperCase();
  }
  if (/^[0-9a-fA-F]{6}$/.test(hex)) return `#${hex}`.toUpperCase();
  throw new UsageError(`“${color}” is not a colour: use a hex value such as #E69F00.`);
}

function validShortcut(db: Db, shortcut: number, exceptId: string | null): number {
  if (!Number.isInteger(shortcut) || shortcut < 1 || shortcut > 9) throw new UsageError('A label shortcut is a digit from 1 to 9.');
  const other = findLabelRowByShortcut(db, shortcut);
  if (other && other.id !== exceptId) {
    throw new QuireError('shortcut_taken', `Shortcut ${shortcut} is already used by the label “${other.name}”.`);
  }
  return shortcut;
}

function nextFreeShortcut(db: Db): number | null {
  for (let digit = 1; digit <= 9; digit++) if (!findLabelRowByShortcut(db, digit)) return digit;
  return null;
}

function nextColor(db: Db): string {
  const used = new Set(listLabelRows(db).map((l) => l.color.toUpperCase()));
  return OKABE_ITO.find((c) => !used.has(c)) ?? OKABE_ITO[listLabelRows(db).length % OKABE_ITO.length] ?? '#999999';
}

// ---- Changing ----

export interface NewLabel {
  readonly name: string;
  /** Default: the first Okabe–Ito colour not yet used. */
  readonly color?: string;
  /** Default: the first free digit 1–9 (none if all are taken). */
  readonly shortcut?: number | null;
}

/** Adds a label at the end of the list. */
export function createLabel(library: Library, input: NewLabel): Label {
  const db = library.db;
  return db.transaction(() => {
    const name = validName(db, input.name, null);
    const color = input.color !== undefined ? normalizeColor(input.color) : nextColor(db);
    const shortcut =
      input.shortcut === undefined ? nextFreeShortcut(db) : input.shortcut === null ? null : validShortcut(db, input.shortcut, null);
    const row: LabelRow = { id: newId('lbl'), name, color, position: labelCount(db), shortcut };
    insertLabelRow(db, row);
    return toLabel(row, 0);
  })();
}

export interface LabelPatch {
  readonly name?: string;
  readonly color?: string;
  /** A digit 1–9, or null to remove the shortcut. */
  readonly shortcut?: number | null;
}

/** Renames, recolours or changes the shortcut of a label. */
export function updateLabel(library: Library, id: string, patch: LabelPatch): Label {
  const db = library.db;
  return db.transaction(() => {
    const row = getLabelRow(db, id);
    if (!row) throw new NotFoundError('label', id);
    const name = patch.name !== undefined ? validName(db, patch.name, id) : undefined;
    const color = patch.color !== undefined ? normalizeColor(patch.color) : undefined;
    const shortcut =
      patch.shortcut === undefined ? undefined : patch.shortcut === null ? null : validShortcut(db, patch.shortcut, id);
    updateLabelRow(db, id, {
      ...(name !== undefined && name !== row.name ? { name } : {}),
      ...(color !== undefined ? { color } : {}),
      ...(shortcut !== undefined ? { shortcut } : {}),
    });
    return getLabel(library, id);
  })();
}

/** Sets the order of all labels. `ids` must name every label exactly once. */
export function reorderLabels(library: Library, ids: readonly string[]): Label[] {
  const db = library.db;
  return db.transaction(() => {
    const current = listLabelRows(db).map((l) => l.id);
    const given = new Set(ids);
    if (given.size !== ids.length || given.size !== current.length || current.some((id) => !given.has(id))) {
      throw new UsageError('The new order must list every label exactly once.');
    }
    setLabelOrder(db, ids);
    return listLabels(library);
  })();
}

/** Moves one label to a 1-based position in the list (clamped to the list). */
export function moveLabel(library: Library, id: string, position: number): Label[] {
  if (!Number.isInteger(position) || position < 1) throw new UsageError('A position is a whole number from 1.');
  const db = library.db;
  return db.transaction(() => {
    const ids = listLabelRows(db).map((l) => l.id);
    const from = ids.indexOf(id);
    if (from < 0) throw new NotFoundError('label', id);
    ids.splice(from, 1);
    ids.splice(Math.min(position - 1, ids.length), 0, id);
    return reorderLabels(library, ids);
  })();
}

/** What to do with the highlights of a label being deleted. Required when the label is in use. */
export type LabelDeleteOption = { readonly reassignTo: string } | { readonly clear: true };

export interface LabelDeleted {
  readonly id: string;
  readonly name: string;
  /** How many highlights were moved to another label or left without one. */
  readonly annotations: number;
  readonly reassignedTo: string | null;
}

/**
 * Deletes a label. If highlights use it, the caller must say whether they move to another label
 * (`reassignTo`) or are left without a label (`clear`); highlights themselves are never deleted.
 */
export function deleteLabel(library: Library, id: string, option?: LabelDeleteOption): LabelDeleted {
  const db = library.db;
  return db.transaction(() => {
    const row = getLabelRow(db, id);
    if (!row) throw new NotFoundError('label', id);
    const used = labelUsage(db, id);
    let reassignedTo: string | null = null;
    if (used > 0) {
      if (!option) {
        throw new QuireError(
          'label_in_use',
          `The label “${row.name}” is used by ${used} highlight${used === 1 ? '' : 's'}: ` +
            'say whether to move them to another label (reassign) or leave them without a label (clear).',
        );
      }
      if ('reassignTo' in option) {
        if (option.reassignTo === id) throw new UsageError('A label cannot be reassigned to itself.');
        const target = getLabelRow(db, option.reassignTo);
        if (!target) throw new NotFoundError('label', option.reassignTo);
        reassignedTo = target.id;
      }
    }
    const moved = used > 0 ? reassignLabel(db, id, reassignedTo, nowIso()) : 0;
    deleteLabelRow(db, id);
    setLabelOrder(
      db,
      listLabelRows(db).map((l) => l.id),
    );
    return { id, name: row.name, annotations: moved, reassignedTo };
  })();
}
