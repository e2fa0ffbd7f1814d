/**
 * Backup settings, stored in the library itself (`library_meta`, keys `backup.*`), so they travel with it
 * and the app and the CLI agree.
 */
import type { Db } from '../db/open.js';
import { UsageError } from '../errors.js';
import { DEFAULT_RETENTION, type Retention } from './rotation.js';

export interface BackupSettings {
  readonly intervalHours: number;
  readonly retention: Retention;
}

export const DEFAULT_INTERVAL_HOURS = 24;

const KEYS = {
  intervalHours: 'backup.interval_hours',
  daily: 'backup.keep_daily',
  weekly: 'backup.keep_weekly',
  monthly: 'backup.keep_monthly',
} as const;

function readNumber(db: Db, key: string, fallback: number): number {
  const row = db.prepare(`SELECT value FROM library_meta WHERE key = ?`).get(key) as { value: string } | undefined;
  const value = row === undefined ? Number.NaN : Number(row.value);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

export function readBackupSettings(db: Db): BackupSettings {
  return {
    intervalHours: readNumber(db, KEYS.intervalHours, DEFAULT_INTERVAL_HOURS) || DEFAULT_INTERVAL_HOURS,
    retention: {
      daily: Math.floor(readNumber(db, KEYS.daily, DEFAULT_RETENTION.daily)),
      weekly: Math.floor(readNumber(db, KEYS.weekly, DEFAULT_RETENTION.weekly)),
      monthly: Math.floor(readNumber(db, KEYS.monthly, DEFAULT_RETENTION.monthly)),
    },
  };
}

export interface BackupSettingsPatch {
  readonly intervalHours?: number | undefined;
  readonly retention?: Partial<Retention> | undefined;
}

export function writeBackupSettings(db: Db, patch: BackupSettingsPatch): BackupSettings {
  const pairs: [string, number][] = [];
  if (patch.intervalHours !== undefined) {
    if (!(patch.intervalHours >= 1 && patch.intervalHours <= 24 * 30)) throw new UsageError('The backup interval is between 1 hour and 30 days.');
    pairs.push([KEYS.intervalHours, patch.intervalHours]);
  }
  for (const key of ['daily', 'weekly', 'monthly'] as const) {
    const value = patch.retention?.[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0) throw new UsageError(`Keep ${key}: a whole number of backups, 0 or more.`);
    pairs.push([KEYS[key], value]);
  }
  const upsert = db.prepare(`INSERT INTO library_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  db.transaction(() => {
    for (const [key, value] of pairs) upsert.run(key, String(value));
  })();
  return readBackupSettings(db);
}
