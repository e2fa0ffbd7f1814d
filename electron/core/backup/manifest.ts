/**
 * The small JSON manifest beside every backup: what was verified (integrity, row counts, the snapshot's
 * SHA-256), which originals it refers to (originals are content-addressed and never rewritten, so a
 * backup lists their hashes instead of copying them), and the change fingerprint that tells whether the
 * library changed since.
 */
import { readFileSync } from 'node:fs';
import type { Db } from '../db/open.js';
import { latestChangeSeq } from '../db/changes.js';

export const MANIFEST_FORMAT = 1;

export type BackupKind = 'auto' | 'manual' | 'archive';

export interface RowCounts {
  readonly articles: number;
  readonly annotations: number;
  readonly notes: number;
  readonly dossiers: number;
  readonly labels: number;
}

export interface BackupManifest {
  readonly format: number;
  readonly kind: BackupKind;
  readonly createdAt: string;
  /** The snapshot's file name, beside the manifest. */
  readonly database: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly schemaVersion: number;
  readonly counts: RowCounts;
  /** `integrity_check` said ok on the copy. */
  readonly verified: true;
  readonly fingerprint: string;
  /** SHA-256 of every original the snapshot's articles refer to. */
  readonly originals: readonly string[];
}

export function countRows(db: Db): RowCounts {
  const count = (table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    articles: count('articles'),
    annotations: count('annotations'),
    notes: count('notes'),
    dossiers: count('dossiers'),
    labels: count('labels'),
  };
}

/**
 * What "changed since the last backup" is measured by. The change log covers articles, tags, highlights,
 * notes and label renames (triggers); dossiers and labels have no triggers (and adding them needs a
 * migration), so their counts and newest edit are folded in. `empty` for a library nothing was ever written to.
 */
export function changeFingerprint(db: Db): string {
  const seq = latestChangeSeq(db);
  const dossiers = db
    .prepare(`SELECT COUNT(*) AS n, COALESCE(MAX(updated_at), '') AS at, (SELECT COUNT(*) FROM dossier_items) AS items FROM dossiers`)
    .get() as { n: number; at: string; items: number };
  if (seq === 0 && dossiers.n === 0) return 'empty';
  const labels = db.prepare(`SELECT COUNT(*) AS n FROM labels`).get() as { n: number };
  return `seq=${seq};dossiers=${dossiers.n}@${dossiers.at};items=${dossiers.items};labels=${labels.n}`;
}

export function referencedOriginals(db: Db): string[] {
  return (
    db.prepare(`SELECT DISTINCT original_sha256 AS h FROM articles WHERE original_sha256 IS NOT NULL ORDER BY 1`).all() as { h: string }[]
  ).map((row) => row.h);
}

/** Reads a manifest; null when it is missing, unreadable or not one of ours (such a backup does not count). */
export function readManifest(path: string): BackupManifest | null {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
  const m = value as Partial<BackupManifest> | null;
  if (
    typeof m !== 'object' ||
    m === null ||
    m.format !== MANIFEST_FORMAT ||
    m.verified !== true ||
    typeof m.createdAt !== 'string' ||
    Number.isNaN(Date.parse(m.createdAt)) ||
    typeof m.database !== 'string' ||
    typeof m.counts !== 'object' ||
    m.counts === null ||
    !Array.isArray(m.originals)
  ) {
    return null;
  }
  return m as BackupManifest;
}
