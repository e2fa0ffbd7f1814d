/**
 * THE API: every operation the UI can ask of the main process, merged from the domain contracts in
 * `contract/`. The preload's exposed names, the ipcMain channels, the browser-mode routes, the
 * renderer's typed client and the handler types all derive from this one object.
 *
 * Pure (zod only): the renderer imports it for types; keep Node and Electron out of every domain file.
 */
import { mergeContracts, type Client, type MethodName } from './define.js';
import { annotationsContract } from './contract/annotations.js';
import { articlesContract } from './contract/articles.js';
import { backupContract } from './contract/backup.js';
import { dossiersContract } from './contract/dossiers.js';
import { exportContract } from './contract/export.js';
import { importContract } from './contract/import.js';
import { notesContract } from './contract/notes.js';
import { searchContract } from './contract/search.js';
import { timelineContract } from './contract/timeline.js';

export const apiContract = mergeContracts(
  articlesContract,
  importContract,
  searchContract,
  annotationsContract,
  notesContract,
  dossiersContract,
  exportContract,
  timelineContract,
  backupContract,
);

export type ApiContract = typeof apiContract;
export type Api = Client<ApiContract>;
export type ApiMethod = MethodName<ApiContract>;

/** The method names, sorted: what the preload exposes and the IPC layer registers. */
export const apiMethodNames: readonly ApiMethod[] = (Object.keys(apiContract) as ApiMethod[]).sort();
