import type { backupContract } from '../contract/backup.js';
import { checkLibrary } from '../../core/backup/check.js';
import type { CheckReport } from '../../core/backup/check-types.js';
import { createBackup } from '../../core/backup/create.js';
import { readBackupSettings, writeBackupSettings, DEFAULT_INTERVAL_HOURS } from '../../core/backup/settings.js';
import { DEFAULT_RETENTION } from '../../core/backup/rotation.js';
import { listBackups } from '../../core/backup/store.js';
import { QuireError } from '../../core/errors.js';
import type { ApiContext, Handlers } from './types.js';

/** The library folder, also in recovery mode (when `ctx.library` throws). */
function libraryDir(ctx: ApiContext): string {
  return ctx.session?.dir ?? ctx.library.dir;
}

function status(ctx: ApiContext) {
  const backups = listBackups(libraryDir(ctx));
  // In recovery mode the settings (in the damaged database) cannot be read: show the defaults.
  const settings = ctx.session?.damaged ? { intervalHours: DEFAULT_INTERVAL_HOURS, retention: DEFAULT_RETENTION } : readBackupSettings(ctx.library.db);
  return { last: backups[0] ?? null, backups, intervalHours: settings.intervalHours, retention: settings.retention };
}

function unreadableReport(problemText: string): CheckReport {
  return {
    healthy: false,
    problems: [{ kind: 'database_unreadable', message: problemText, articleId: null, file: 'quire.sqlite', repairable: false }],
    repaired: [],
    checked: { articles: 0, originals: 0, indexedArticles: 0 },
  };
}

export const backupHandlers: Handlers<typeof backupContract> = {
  'library.health': (ctx) => (ctx.session ? ctx.session.health() : { state: 'ok' as const }),

  'library.check': async (ctx, { repair }) => {
    const damage = ctx.session?.damaged;
    if (damage) return unreadableReport(damage.message);
    const report = await checkLibrary(ctx.library, { repair: repair === true });
    // The worker keeps its own copy of the index in memory: after a repair it reloads what was rebuilt.
    if (report.repaired.some((line) => line.startsWith('Rebuilt the search index'))) await ctx.search.rebuild();
    return report;
  },

  'backup.status': (ctx) => status(ctx),

  'backup.create': (ctx) => (ctx.session ? ctx.session.backupNow() : createBackup(ctx.library, { kind: 'manual' })),

  'backup.restore': async (ctx, { backup }) => {
    if (!ctx.session) throw new QuireError('restore_unavailable', 'Restoring needs the app or `quire serve`; from a terminal use `quire restore`.');
    return ctx.session.restore(backup);
  },

  'backup.setSettings': (ctx, input) => {
    writeBackupSettings(ctx.library.db, {
      intervalHours: input.intervalHours,
      retention: input.retention,
    });
    return status(ctx);
  },
};
