import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dispatch, createDispatcher, httpStatusFor, type AnyHandler } from '../../../electron/api/handlers.js';
import { defineContract, type MethodSpec } from '../../../electron/api/define.js';
import { NotFoundError, QuireError } from '../../../electron/core/errors.js';
import { apiFixture, type ApiFixture } from './helpers.js';

let f: ApiFixture;
beforeEach(() => {
  f = apiFixture();
});
afterEach(() => f.cleanup());

describe('dispatch validates input before any handler runs', () => {
  it('refuses an unknown method, and names that are not domain.verb', async () => {
    for (const name of ['articles.nope', 'constructor', '__proto__', 'articles.list.extra', 'toString', '']) {
      const result = await dispatch(f.ctx, name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    expect(httpStatusFor('unknown_method')).toBe(400);
  });

  it('refuses a wrong type with a message naming the field', async () => {
    const result = await dispatch(f.ctx, 'articles.get', { id: 5 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toMatch(/^Invalid input for articles\.get: id: /);
    expect(httpStatusFor(result.error.code)).toBe(400);
  });

  it('refuses a missing field, an unknown extra field and a non-object', async () => {
    const missing = await dispatch(f.ctx, 'articles.get', {});
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const extra = await dispatch(f.ctx, 'articles.get', { id: 'x', sql: 'DROP TABLE articles' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!extra.ok) expect(extra.error.message).toContain('sql');
    const notObject = await dispatch(f.ctx, 'articles.list', 'everything');
    expect(notObject).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('treats a missing input as an empty object', async () => {
    const result = await dispatch(f.ctx, 'library.info', undefined);
    expect(result).toMatchObject({ ok: true, value: { articles: 0 } });
  });
});

describe('dispatch maps errors', () => {
  it('passes QuireErrors through with their code and message', async () => {
    const result = await dispatch(f.ctx, 'articles.get', { id: 'art_missing' });
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'No article with id art_missing.' } });
    expect(httpStatusFor('not_found')).toBe(404);
  });

  it('reports an unexpected error in plain words, without its details', async () => {
    f.library.db.close(); // every query now throws a TypeError from better-sqlite3
    const result = await dispatch(f.ctx, 'articles.list', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(result.error.message).toBe('Something went wrong in Quire (articles.list). The details were logged.');
    expect(httpStatusFor('internal')).toBe(500);
  });
});

describe('a dispatcher over a small contract', () => {
  const contract = defineContract({
    'demo.echo': { summary: 'Echo.', input: z.object({ n: z.number() }).strict(), output: z.object({ n: z.number() }) },
    'demo.broken': { summary: 'Returns the wrong shape.', input: z.object({}).strict(), output: z.object({ n: z.number() }) },
    'demo.write': { summary: 'A write.', input: z.object({}).strict(), output: z.object({}), mutates: true },
    'demo.refuse': { summary: 'Refuses.', input: z.object({}).strict(), output: z.object({}), mutates: true },
  });
  const handlers: Record<string, AnyHandler> = {
    'demo.echo': (_ctx, input) => input,
    'demo.broken': () => ({ n: 'not a number' }),
    'demo.write': () => ({}),
    'demo.refuse': () => {
      throw new QuireError('refused', 'No.');
    },
  };
  const run = createDispatcher(contract as unknown as Record<string, MethodSpec>, handlers);

  it('checks outputs against the contract', async () => {
    expect(await run(f.ctx, 'demo.echo', { n: 2 })).toEqual({ ok: true, value: { n: 2 } });
    const broken = await run(f.ctx, 'demo.broken', {});
    expect(broken).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('asks search to catch up after a successful write, not after a read or a refused write', async () => {
    await run(f.ctx, 'demo.echo', { n: 1 });
    expect(f.search.refreshes).toBe(0);
    await run(f.ctx, 'demo.refuse', {});
    expect(f.search.refreshes).toBe(0);
    await run(f.ctx, 'demo.write', {});
    expect(f.search.refreshes).toBe(1);
  });

  it('answers a write even when the search index is slow to catch up', async () => {
    f.search.refreshDelayMs = 5_000;
    const started = Date.now();
    const result = await run(f.ctx, 'demo.write', {}, { refreshWaitMs: 50 });
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('maps other QuireError codes to 422 and conflicts to 409', async () => {
    expect(await run(f.ctx, 'demo.refuse', {})).toEqual({ ok: false, error: { code: 'refused', message: 'No.' } });
    expect(httpStatusFor('refused')).toBe(422);
    expect(httpStatusFor('already_exists')).toBe(409);
    expect(new NotFoundError('article', 'x').code).toBe('not_found');
  });
});

describe('API writes refresh search', () => {
  it('setTags is a write: search is asked to catch up', async () => {
    const { id } = await f.call('samples.openBundled', {});
    const before = f.search.refreshes;
    await f.call('articles.setTags', { id, tags: ['x'] });
    expect(f.search.refreshes).toBe(before + 1);
    await f.call('articles.get', { id });
    expect(f.search.refreshes).toBe(before + 1);
  });
});
