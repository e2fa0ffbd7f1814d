import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentFromPlainText } from '../../../electron/common/document.js';
import { annotationsContract } from '../../../electron/api/contract/annotations.js';
import type { InputOf, OutputOf } from '../../../electron/api/define.js';
import { annotationsHandlers } from '../../../electron/api/handlers/annotations.js';
import type { ApiContext } from '../../../electron/api/handlers/types.js';
import type { SearchService } from '../../../electron/core/search/types.js';
import { addArticle, paragraphs, tempLibrary, type TempLibrary } from './helpers.js';

type C = typeof annotationsContract;
type Method = keyof C & string;

let t: TempLibrary;
let ctx: ApiContext;
beforeEach(() => {
  t = tempLibrary();
  // These handlers never search; the service is not needed.
  ctx = { library: t.library, search: undefined as unknown as SearchService };
});
afterEach(() => t.cleanup());

/** Calls a handler the way the transports do: input parsed by the contract, output checked against it. */
async function call<K extends Method>(method: K, input: InputOf<C, K>): Promise<OutputOf<C, K>> {
  const spec = annotationsContract[method];
  const parsed = spec.input.parse(input) as never;
  const handler = annotationsHandlers[method] as (c: ApiContext, i: never) => unknown;
  const output = await handler(ctx, parsed);
  return spec.output.parse(output) as OutputOf<C, K>;
}

const ENGLISH = readFileSync('tests/fixtures/bahrain-iran-coordination.txt', 'utf8').trim().split(/\n\s*\n/);

describe('annotations API', () => {
  it('labels: list, create, update, reorder, delete with reassign', async () => {
    const labels = await call('labels.list', {});
    expect(labels).toHaveLength(6);
    const added = await call('labels.create', { name: 'Source check' });
    expect(added).toMatchObject({ shortcut: 7, position: 7 });
    const renamed = await call('labels.update', { id: added.id, patch: { name: 'Sourcing', shortcut: null } });
    expect(renamed).toMatchObject({ name: 'Sourcing', shortcut: null });
    const order = await call('labels.reorder', { ids: [added.id, ...labels.map((l) => l.id)] });
    expect(order[0]?.id).toBe(added.id);
    const { id } = addArticle(t.library, 'A', paragraphs('Alpha beta gamma.'));
    await call('annotations.create', { articleId: id, start: 6, end: 10, quote: 'beta', labelId: added.id });
    await expect(call('labels.delete', { id: added.id })).rejects.toMatchObject({ code: 'label_in_use' });
    const deleted = await call('labels.delete', { id: added.id, reassignTo: labels[0]?.id as string });
    expect(deleted).toMatchObject({ annotations: 1 });
  });

  it('highlights from offsets with the quote checked; update, delete and restore; attach an orphan', async () => {
    const { id, text } = addArticle(t.library, 'Bahrain', paragraphs(...ENGLISH));
    const start = text.indexOf('King Hamad bin Isa Al Khalifa');
    const end = start + 'King Hamad bin Isa Al Khalifa'.length;
    await expect(call('annotations.create', { articleId: id, start, end, quote: 'someone else' })).rejects.toMatchObject({ code: 'quote_mismatch' });
    const noteDoc = JSON.stringify(documentFromPlainText('The king himself.'));
    const a = await call('annotations.create', { articleId: id, start, end, quote: 'King Hamad bin Isa Al Khalifa', note: { json: noteDoc, text: '' }, tags: ['royals'] });
    expect(a).toMatchObject({ note: 'The king himself.', noteJson: noteDoc, tags: ['royals'], status: 'anchored' });
    const updated = await call('annotations.update', { id: a.id, note: null, tags: [] });
    expect(updated).toMatchObject({ note: '', noteJson: null, tags: [] });
    const { snapshot } = await call('annotations.delete', { id: a.id });
    expect(await call('annotations.list', { articleId: id })).toEqual([]);
    expect(await call('annotations.restore', { snapshot })).toMatchObject({ id: a.id, start, end });

    const edited = await call('articles.replaceText', { articleId: id, text: ENGLISH.filter((p) => !p.includes('King Hamad bin Isa')).join('\n\n') });
    expect(edited.annotations[0]).toMatchObject({ id: a.id, status: 'orphaned', method: 'orphaned', previous: { start, end, status: 'anchored' } });
    const orphans = await call('annotations.list', { status: 'orphaned' });
    expect(orphans.map((o) => o.id)).toEqual([a.id]);
    const at = edited.text.indexOf('King Hamad of Bahrain');
    const attached = await call('annotations.attach', { id: a.id, start: at, end: at + 'King Hamad of Bahrain'.length });
    expect(attached).toMatchObject({ status: 'anchored', quote: 'King Hamad of Bahrain' });
  });

  it('saves an edit from the reader with its marks', async () => {
    const { id, text } = addArticle(t.library, 'A', paragraphs('First paragraph here.', 'Second paragraph with a quote.'));
    const a = await call('annotations.create', { articleId: id, start: text.indexOf('a quote'), end: text.indexOf('a quote') + 7 });
    const newText = 'A new opening.\n\nFirst paragraph here.\n\nSecond paragraph with a good quote.';
    const s = newText.indexOf('a good quote');
    const result = await call('articles.saveEdit', {
      articleId: id,
      bodyJson: JSON.stringify(documentFromPlainText(newText)),
      marks: [{ id: a.id, start: s, end: s + 'a good quote'.length }],
    });
    expect(result).toMatchObject({ textChanged: true, text: newText, counts: { anchored: 1, orphaned: 0 } });
    expect(result.annotations[0]).toMatchObject({ method: 'mark', quote: 'a good quote' });
  });

  it('rejects malformed input before it reaches the core', () => {
    expect(() => annotationsContract['annotations.create'].input.parse({ articleId: 'x', start: -1, end: 3 })).toThrow();
    expect(() => annotationsContract['labels.delete'].input.parse({ id: 'x', clear: false })).toThrow();
    expect(() => annotationsContract['articles.saveEdit'].input.parse({ articleId: 'x', bodyJson: '{}', marks: [{ id: 'a', start: 1 }] })).toThrow();
  });
});
