import type { backupContract } from '../contract/backup.js';
import { QuireError } from '../../core/errors.js';
import type { Handlers } from './types.js';

/** Temporary: the contract is published first so the UI can build against it; the core lands next. */
function notYet(): never {
  throw new QuireError('not_ready', 'Backups are being built in this branch; this method is not wired yet.');
}

export const backupHandlers: Handlers<typeof backupContract> = {
  'library.health': () => notYet(),
  'library.check': () => notYet(),
  'backup.status': () => notYet(),
  'backup.create': () => notYet(),
  'backup.restore': () => notYet(),
  'backup.setSettings': () => notYet(),
};
