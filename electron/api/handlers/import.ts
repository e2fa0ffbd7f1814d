import type { importContract } from '../contract/import.js';
import { DEFAULT_IMPORT_MAX_MB, type ImportOutcomeResult, type ImportReport } from '../contract/import.js';
import { importFile, importPaths, importText, type ImportOutcome } from '../../core/import.js';
import type { Handlers } from './types.js';

const megabytes = (mb: number | undefined): number => Math.round((mb ?? DEFAULT_IMPORT_MAX_MB) * 1024 * 1024);

/** The API's outcome shape: `path` is always present (null for pasted text). */
function toResult(outcome: ImportOutcome, path: string | null): ImportOutcomeResult {
  if (outcome.status !== 'imported') return outcome;
  return { status: 'imported', article: { ...outcome.article, path: outcome.article.path ?? path } };
}

export const importHandlers: Handlers<typeof importContract> = {
  'import.files': async (ctx, input) => {
    const report: ImportReport = { imported: [], duplicates: [], failed: [] };
    for (const file of input.files) {
      const outcome = await importFile(ctx.library, {
        name: file.name,
        bytes: Buffer.from(file.dataBase64, 'base64'),
        tags: [...(input.tags ?? []), ...(file.tags ?? [])],
        maxBytes: megabytes(input.maxSizeMb),
        ...(file.mediaType ? { mediaTypeHint: file.mediaType } : {}),
      });
      const result = toResult(outcome, file.name);
      if (result.status === 'imported') report.imported.push(result.article);
      else if (result.status === 'duplicate') report.duplicates.push({ path: file.name, id: result.id });
      else report.failed.push({ path: file.name, error: result.error });
    }
    return report;
  },

  'import.paths': async (ctx, input) => {
    const report = await importPaths(ctx.library, input.paths, {
      tags: input.tags ?? [],
      maxBytes: megabytes(input.maxSizeMb),
    });
    return { ...report, imported: report.imported.map((a) => ({ ...a, path: a.path ?? null })) };
  },

  'import.text': async (ctx, input) =>
    toResult(
      await importText(ctx.library, {
        text: input.text,
        ...(input.html !== undefined ? { html: input.html } : {}),
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.tags !== undefined ? { tags: input.tags } : {}),
      }),
      null,
    ),
};
