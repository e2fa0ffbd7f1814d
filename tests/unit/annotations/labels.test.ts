import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotation, getAnnotation } from '../../../electron/core/annotations.js';
import { openLibrary } from '../../../electron/core/library.js';
import {
  createLabel,
  DEFAULT_LABELS,
  deleteLabel,
  listLabels,
  moveLabel,
  reorderLabels,
  resolveLabel,
  updateLabel,
} from '../../../electron/core/labels.js';
import { addArticle, paragraphs, tempLibrary, type TempLibrary } from './helpers.js';

let t: TempLibrary;
beforeEach(() => {
  t = tempLibrary();
});
afterEach(() => t.cleanup());

describe('labels', () => {
  it('a new library starts with the default labels, shortcuts 1–6, Okabe–Ito colours', () => {
    const labels = listLabels(t.library);
    expect(labels.map((l) => l.name)).toEqual(DEFAULT_LABELS.map((l) => l.name));
    expect(labels.map((l) => l.shortcut)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(labels.map((l) => l.position)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const l of labels) expect(l.color).toMatch(/^#[0-9A-F]{6}$/);
  });

  it('is not seeded again into a library in use whose labels were all deleted', () => {
    const { id } = addArticle(t.library, 'A', paragraphs('Some text to highlight here.'));
    createAnnotation(t.library, { articleId: id, target: { quote: 'text' } });
    for (const l of listLabels(t.library)) deleteLabel(t.library, l.id);
    t.library.close();
    const again = openLibrary({ dir: t.dir });
    try {
      expect(listLabels(again)).toEqual([]);
    } finally {
      again.close();
    }
  });

  it('is not seeded again into an unused library whose labels were all deleted', () => {
    for (const l of listLabels(t.library)) deleteLabel(t.library, l.id);
    t.library.close();
    const again = openLibrary({ dir: t.dir });
    try {
      expect(listLabels(again)).toEqual([]);
    } finally {
      again.close();
    }
  });

  it('adds with the next free shortcut and an unused colour; refuses duplicates and taken shortcuts', () => {
    const added = createLabel(t.library, { name: '  Source  check ' });
    expect(added).toMatchObject({ name: 'Source check', shortcut: 7, position: 7, annotations: 0 });
    expect(listLabels(t.library).map((l) => l.color)).not.toContain(undefined);
    expect(() => createLabel(t.library, { name: 'claim' })).toThrow(/already a label called “Claim”/);
    expect(() => createLabel(t.library, { name: 'X', shortcut: 2 })).toThrow(/Shortcut 2 is already used by the label “Claim”/);
    expect(() => createLabel(t.library, { name: 'Y', color: 'red' })).toThrow(/not a colour/);
    expect(createLabel(t.library, { name: 'Z', color: '#abc', shortcut: null })).toMatchObject({ color: '#AABBCC', shortcut: null });
  });

  it('renames, recolours, reorders and moves', () => {
    const claim = resolveLabel(t.library, 'CLAIM');
    expect(updateLabel(t.library, claim.id, { name: 'Assertion', color: '#0072b2' })).toMatchObject({ name: 'Assertion', color: '#0072B2' });
    const moved = moveLabel(t.library, claim.id, 6);
    expect(moved.map((l) => l.name)).toEqual(['Key quote', 'Evidence', 'Person/Organisation', 'Place/Date', 'Question', 'Assertion']);
    const reversed = reorderLabels(t.library, [...moved].reverse().map((l) => l.id));
    expect(reversed[0]?.name).toBe('Assertion');
    expect(() => reorderLabels(t.library, [claim.id])).toThrow(/every label exactly once/);
    expect(() => resolveLabel(t.library, 'Nope')).toThrow(/no label called “Nope”/);
  });

  it('deleting a label in use needs reassign or clear, and never deletes highlights', () => {
    const { id } = addArticle(t.library, 'A', paragraphs('Alpha beta gamma delta epsilon.'));
    const claim = resolveLabel(t.library, 'Claim');
    const evidence = resolveLabel(t.library, 'Evidence');
    const a1 = createAnnotation(t.library, { articleId: id, target: { quote: 'beta' }, labelId: claim.id });
    const a2 = createAnnotation(t.library, { articleId: id, target: { quote: 'delta' }, labelId: evidence.id });
    expect(() => deleteLabel(t.library, claim.id)).toThrow(/used by 1 highlight/);
    expect(deleteLabel(t.library, claim.id, { reassignTo: evidence.id })).toMatchObject({ annotations: 1, reassignedTo: evidence.id });
    expect(getAnnotation(t.library, a1.id).label).toBe('Evidence');
    expect(deleteLabel(t.library, evidence.id, { clear: true })).toMatchObject({ annotations: 2, reassignedTo: null });
    expect(getAnnotation(t.library, a1.id).label).toBeNull();
    expect(getAnnotation(t.library, a2.id).labelId).toBeNull();
    expect(listLabels(t.library).map((l) => l.position)).toEqual([1, 2, 3, 4]);
  });
});
