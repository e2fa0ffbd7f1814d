/**
 * The notes and dossiers API domains: each handler's answer must satisfy its contract's output schema
 * (the dispatcher refuses anything else), and inputs go through the input schema as they do in main.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { dossiersContract } from '../../../electron/api/contract/dossiers.js';
import { notesContract } from '../../../electron/api/contract/notes.js';
import type { ContractShape } from '../../../electron/api/define.js';
import { dossiersHandlers } from '../../../electron/api/handlers/dossiers.js';
import { notesHandlers } from '../../../electron/api/handlers/notes.js';
import type { ApiContext } from '../../../electron/api/handlers/types.js';
import type { SearchService } from '../../../electron/core/search/types.js';
import { ENGLISH, addArticle, addHighlight, tempLibrary, type TestLibrary } from './library-fixture.js';

let t: TestLibrary;
let ctx: ApiContext;
beforeEach(() => {
  t = tempLibrary();
  // These domains never search; a service that refuses makes any accidental use visible.
  const search: SearchService = {
    search: () => Promise.reject(new Error('not used')),
    refresh: () => Promise.resolve(),
    rebuild: () => Promise.reject(new Error('not used')),
    close: () => Promise.resolve(),
  };
  ctx = { library: t.library, search };
});
afterEach(() => t.dispose());

type AnyHandlers = Record<string, (ctx: ApiContext, input: unknown) => unknown>;

async function call(contract: ContractShape, handlers: unknown, method: string, input: unknown): Promise<unknown> {
  const spec = contract[method];
  if (!spec) throw new Error(`no method ${method}`);
  const parsed = spec.input.parse(input);
  const value = await (handlers as AnyHandlers)[method]?.(ctx, parsed);
  const checked = spec.output.safeParse(value);
  if (!checked.success) throw new Error(`${method} output does not match its contract: ${JSON.stringify(checked.error.issues.slice(0, 3))}`);
  return checked.data;
}

const notes = (method: keyof typeof notesContract, input: unknown) => call(notesContract, notesHandlers, method, input);
const dossiers = (method: keyof typeof dossiersContract, input: unknown) => call(dossiersContract, dossiersHandlers, method, input);

describe('notes and dossiers API', () => {
  it('every method answers in its contract’s shape', async () => {
    const articleId = addArticle(t.library, { title: 'Coast guards', text: ENGLISH });
    const h1 = addHighlight(t.library, articleId, 'restore coordination');
    const citation = (await notes('notes.citation', { annotationId: h1 })) as z.output<(typeof notesContract)['notes.citation']['output']>;
    expect(citation).toMatchObject({ type: 'citation', annotationId: h1, quote: 'restore coordination' });

    const note = (await notes('notes.create', { title: 'N', text: 'Body', cite: [h1], articleId })) as { id: string };
    await notes('notes.update', { id: note.id, patch: { title: 'N2' } });
    expect(await notes('notes.get', { id: note.id })).toMatchObject({ title: 'N2', citations: [{ status: 'current' }] });
    expect(await notes('notes.list', {})).toMatchObject({ notes: [{ id: note.id, citationCount: 1 }] });
    expect(await notes('notes.backlinks', { articleId })).toMatchObject({ notes: [{ id: note.id, attached: true, annotationIds: [h1] }] });

    const d = (await dossiers('dossiers.create', { title: 'D', marking: 'SECRET' })) as { id: string };
    const added = (await dossiers('dossiers.addItems', { dossierId: d.id, ids: [articleId, note.id], heading: 'Part one' })) as {
      dossier: { items: { id: string }[] };
    };
    expect(added.dossier.items).toHaveLength(3);
    const [first, second, third] = added.dossier.items.map((i) => i.id);
    await dossiers('dossiers.moveItem', { dossierId: d.id, itemId: third, position: 0 });
    await dossiers('dossiers.reorder', { dossierId: d.id, itemIds: [first, second, third] });
    await dossiers('dossiers.setItemOptions', { dossierId: d.id, itemId: second, highlightsOnly: true });
    await dossiers('dossiers.update', { id: d.id, patch: { subtitle: 'Sub', summaryText: 'Summary' } });
    expect(await dossiers('dossiers.get', { id: d.id })).toMatchObject({
      subtitle: 'Sub',
      summaryText: 'Summary',
      items: [{ kind: 'heading' }, { kind: 'article', options: { highlightsOnly: true } }, { kind: 'note' }],
    });
    expect(await dossiers('dossiers.list', { containing: articleId })).toMatchObject({ dossiers: [{ id: d.id, contains: true, itemCount: 3 }] });
    const removed = (await dossiers('dossiers.removeItem', { dossierId: d.id, itemId: articleId })) as { removed: { refId: string } };
    expect(removed.removed.refId).toBe(articleId);
    const copy = (await dossiers('dossiers.duplicate', { id: d.id })) as { id: string; title: string };
    expect(copy.title).toBe('D (copy)');

    // Delete and undo, for notes and dossiers.
    const deletedDossier = (await dossiers('dossiers.delete', { id: d.id })) as { snapshot: unknown };
    expect(await dossiers('dossiers.list', {})).toMatchObject({ dossiers: [{ id: copy.id }] });
    expect(await dossiers('dossiers.restore', { snapshot: deletedDossier.snapshot })).toMatchObject({ id: d.id, items: [{}, {}] });
    const deletedNote = (await notes('notes.delete', { id: note.id })) as { snapshot: unknown };
    expect(await notes('notes.list', {})).toEqual({ notes: [] });
    expect(await notes('notes.restore', { snapshot: deletedNote.snapshot })).toMatchObject({ id: note.id, title: 'N2', articleId, citations: [{ annotationId: h1 }] });
  });

  it('clears a field with null but leaves absent fields alone', async () => {
    const d = (await dossiers('dossiers.create', { title: 'D', marking: 'SECRET', author: 'Me' })) as { id: string };
    expect(await dossiers('dossiers.update', { id: d.id, patch: { marking: null } })).toMatchObject({ marking: null, author: 'Me' });
  });

  it('rejects bad input with the analyst’s words', async () => {
    await expect(dossiers('dossiers.get', { id: 'dos_nope' })).rejects.toThrow(/No dossier with id dos_nope/);
    await expect(notes('notes.create', { title: '' })).rejects.toThrow(/needs a title/);
  });
});
