import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BRIDGE_ARGUMENT, CHANNELS } from '../../../electron/api/bridge.js';
import { apiContract, apiMethodNames, type ApiContract } from '../../../electron/api/contract.js';
import { METHOD_NAME_PATTERN, defineContract, mergeContracts, type MethodSpec } from '../../../electron/api/define.js';
import { apiHandlers, assertHandlersComplete } from '../../../electron/api/handlers.js';
import type { Handlers } from '../../../electron/api/handlers/types.js';
import { articlesContract } from '../../../electron/api/contract/articles.js';
import { articlesHandlers } from '../../../electron/api/handlers/articles.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('the contract and the handlers match', () => {
  it('every contract method has a handler and every handler a method (runtime)', () => {
    expect(Object.keys(apiHandlers).sort()).toEqual(Object.keys(apiContract).sort());
    for (const name of Object.keys(apiContract)) expect(typeof (apiHandlers as Record<string, unknown>)[name], name).toBe('function');
    expect(() => assertHandlersComplete()).not.toThrow();
  });

  it('the completeness check names what is missing or extra', () => {
    expect(() => assertHandlersComplete({ 'a.one': {}, 'a.two': {} }, { 'a.one': () => 1 })).toThrow(/no handler for a\.two/);
    expect(() => assertHandlersComplete({ 'a.one': {} }, { 'a.one': () => 1, 'a.ghost': () => 2 })).toThrow(/a\.ghost/);
  });

  it('a handler object missing a method does not type-check', () => {
    const { 'articles.list': _dropped, ...partial } = articlesHandlers;
    // @ts-expect-error - 'articles.list' is missing: Handlers<C> requires every method of C.
    const incomplete: Handlers<typeof articlesContract> = partial;
    expect(Object.keys(incomplete)).not.toContain('articles.list');
    // The merged handlers are typed against the merged contract (a missing domain would fail typecheck).
    const whole: Handlers<ApiContract> = apiHandlers;
    expect(whole).toBe(apiHandlers);
  });

  it('every method name is domain.verb, has a summary, and zod schemas', () => {
    expect(apiMethodNames.length).toBe(Object.keys(apiContract).length);
    for (const [name, spec] of Object.entries(apiContract as unknown as Record<string, MethodSpec>)) {
      expect(name).toMatch(METHOD_NAME_PATTERN);
      expect(spec.summary.length, name).toBeGreaterThan(5);
      expect(spec.input).toBeInstanceOf(z.ZodType);
      expect(spec.output).toBeInstanceOf(z.ZodType);
    }
  });

  it('merging refuses two domains declaring the same method', () => {
    const a = defineContract({ 'x.get': { summary: 'One.', input: z.object({}), output: z.object({}) } });
    const b = defineContract({ 'x.get': { summary: 'Two.', input: z.object({}), output: z.object({}) } });
    expect(() => mergeContracts(a, b)).toThrow(/x\.get is declared by two contracts/);
    const bad = defineContract({ Bad: { summary: 'Bad name.', input: z.object({}), output: z.object({}) } });
    expect(() => mergeContracts(bad)).toThrow(/not of the form/);
  });

  it('the API covers the domains the app needs', () => {
    const domains = new Set(apiMethodNames.map((m) => m.split('.')[0]));
    for (const domain of ['library', 'articles', 'samples', 'import', 'search', 'labels', 'annotations', 'notes', 'dossiers', 'export']) {
      expect(domains, domain).toContain(domain);
    }
  });
});

describe('the preload', () => {
  const preload = readFileSync(join(ROOT, 'electron', 'preload', 'index.ts'), 'utf8');

  it('reads its configuration from the same switch main writes', () => {
    expect(preload).toContain(`const ARGUMENT = '${BRIDGE_ARGUMENT}'`);
    expect(CHANNELS.apiPrefix).toBe('api:');
  });

  it('imports nothing at run time but electron (a sandboxed preload cannot)', () => {
    const runtimeImports = [...preload.matchAll(/^import\s+(?!type\b)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(runtimeImports).toEqual(['electron']);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
    expect(JSON.parse(readFileSync(join(ROOT, 'electron', 'preload', 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
  });
});
