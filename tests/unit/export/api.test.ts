import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportContract } from '../../../electron/api/contract/export.js';
import { exportHandlers } from '../../../electron/api/handlers/export.js';
import { dispatch } from '../../../electron/api/handlers.js';
import type { ApiContext } from '../../../electron/api/handlers/types.js';
import { UsageError } from '../../../electron/core/errors.js';
import { buildCorpusLibrary, DOSSIER_TITLE, type CorpusLibrary } from './corpus-library.js';
import { inertProblems } from './inert-html.js';

let lib: CorpusLibrary;
let ctx: ApiContext;

beforeAll(async () => {
  lib = await buildCorpusLibrary();
  // The export handlers use only the library; the search service is not part of this test.
  ctx = { library: lib.library } as unknown as ApiContext;
}, 60_000);
afterAll(() => lib?.dispose());

describe('export API', () => {
  test('export.preview returns the print view', async () => {
    const input = exportContract['export.preview'].input.parse({ dossierId: lib.dossierId });
    const output = exportContract['export.preview'].output.parse(await exportHandlers['export.preview'](ctx, input));
    expect(output.html).toContain(DOSSIER_TITLE);
    expect(inertProblems(output.html)).toEqual([]);
  });

  test('export.dossier without a save path returns the bytes for a download', async () => {
    const input = exportContract['export.dossier'].input.parse({ dossierId: lib.dossierId, format: 'md' });
    const output = exportContract['export.dossier'].output.parse(await exportHandlers['export.dossier'](ctx, input));
    expect(output).toMatchObject({ format: 'md', filename: 'bahrain-iran-rapprochement.md', path: null });
    const text = Buffer.from(output.data ?? '', 'base64').toString('utf8');
    expect(text).toContain(`# ${DOSSIER_TITLE}`);
    expect(output.size).toBe(Buffer.byteLength(text));
  });

  test('export.dossier with a save path writes the file there', async () => {
    const savePath = join(lib.dir, 'out.html');
    const input = exportContract['export.dossier'].input.parse({ dossierId: lib.dossierId, format: 'html', paper: 'letter', savePath });
    const output = await exportHandlers['export.dossier'](ctx, input);
    expect(output.path).toBe(savePath);
    expect(output.data).toBeNull();
    expect(readFileSync(savePath, 'utf8')).toContain('size:letter');
  });

  test('a save path must be absolute and carry the format’s extension', async () => {
    const bad = [
      { format: 'html' as const, savePath: 'relative.html' },
      { format: 'pdf' as const, savePath: join(lib.dir, '.bashrc') },
      { format: 'md' as const, savePath: join(lib.dir, 'x.html') },
    ];
    for (const b of bad) {
      await expect(exportHandlers['export.dossier'](ctx, { dossierId: lib.dossierId, ...b })).rejects.toBeInstanceOf(UsageError);
      expect(existsSync(b.savePath)).toBe(false);
    }
  });

  test('the contract refuses unknown formats and papers', () => {
    expect(() => exportContract['export.dossier'].input.parse({ dossierId: 'd', format: 'docx' })).toThrow();
    expect(() => exportContract['export.preview'].input.parse({ dossierId: 'd', paper: 'a3' })).toThrow();
  });

  test('is part of the merged API: reachable through dispatch, with input checked', async () => {
    const ok = await dispatch(ctx, 'export.dossier', { dossierId: lib.dossierId, format: 'html' });
    expect(ok.ok).toBe(true);
    const bad = await dispatch(ctx, 'export.dossier', { dossierId: lib.dossierId, format: 'docx' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const missing = await dispatch(ctx, 'export.preview', { dossierId: 'dos_nope' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
