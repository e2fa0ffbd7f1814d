import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importContract } from '../../../electron/api/contract/import.js';
import { importHandlers } from '../../../electron/api/handlers/import.js';
import type { ApiContext } from '../../../electron/api/handlers/types.js';
import type { SearchService } from '../../../electron/core/search/types.js';
import { FIXTURES, pngBytes, tempLibrary, type TempLibrary } from '../importers/fixtures.js';

/** The import handlers never search; a search service that records refreshes is all the context needs. */
const search: SearchService = {
  search: () => Promise.resolve({ total: 0, results: [], ready: true }),
  refresh: () => Promise.resolve(),
  rebuild: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

let t: TempLibrary;
let ctx: ApiContext;
beforeEach(() => {
  t = tempLibrary();
  ctx = { library: t.library, search };
});
afterEach(() => t.dispose());

/** Parses the input and checks the output exactly as the dispatcher does. */
async function call<K extends keyof typeof importContract>(method: K, input: unknown): Promise<unknown> {
  const spec = importContract[method];
  const parsed = spec.input.parse(input) as never;
  const output = await (importHandlers[method] as (c: ApiContext, i: never) => unknown)(ctx, parsed);
  return spec.output.parse(output);
}

describe('import API', () => {
  it('import.files imports uploads and reports per file with the CLI fields', async () => {
    const md = readFileSync(join(FIXTURES, 'beijing-deal-briefing.md')).toString('base64');
    const result = await call('import.files', {
      files: [
        { name: 'beijing-deal-briefing.md', dataBase64: md, tags: ['upload'] },
        { name: 'again.md', dataBase64: md },
        { name: 'photo.md', dataBase64: Buffer.from(pngBytes()).toString('base64') },
      ],
      tags: ['batch'],
    });
    expect(result).toMatchObject({
      imported: [{ title: 'Beijing-brokered deal: Tehran and Riyadh agree to restore relations', path: 'beijing-deal-briefing.md', language: 'en', direction: 'ltr' }],
      duplicates: [{ path: 'again.md' }],
      failed: [{ path: 'photo.md', error: 'photo.md: This file is a PNG image, not a document.' }],
    });
  });

  it('import.paths reads files and folders from disk', async () => {
    const result = (await call('import.paths', { paths: [join(FIXTURES, 'manama-tehran-talks.fa.txt')], maxSizeMb: 1 })) as {
      imported: { language: string; direction: string; path: string }[];
    };
    expect(result.imported).toEqual([expect.objectContaining({ language: 'fa', direction: 'rtl', path: join(FIXTURES, 'manama-tehran-talks.fa.txt') })]);
  });

  it('import.text makes an article from a paste', async () => {
    const result = await call('import.text', { text: 'Pasted title\n\nPasted body text of the note.', tags: ['clip'] });
    expect(result).toEqual({
      status: 'imported',
      article: expect.objectContaining({ title: 'Pasted title', path: null, language: expect.anything(), direction: 'ltr' }),
    });
  });

  it('rejects malformed input before it reaches the library', () => {
    expect(() => importContract['import.files'].input.parse({ files: [] })).toThrow();
    expect(() => importContract['import.paths'].input.parse({ paths: ['a'], extra: 1 })).toThrow();
    expect(() => importContract['import.text'].input.parse({})).toThrow();
  });
});
