/**
 * Originals a backup refers to. Backups list originals by SHA-256 instead of copying them, so an original
 * must outlive its article while a backup still needs it: deleting an article keeps its original file
 * when a backup refers to it (see OriginalsStore.remove), and `quire check` does not call it unreferenced.
 */
import { listBackupEntries } from './store.js';

export function originalsReferencedByBackups(libraryDir: string): Set<string> {
  const referenced = new Set<string>();
  for (const entry of listBackupEntries(libraryDir)) for (const hash of entry.manifest.originals) referenced.add(hash);
  return referenced;
}
