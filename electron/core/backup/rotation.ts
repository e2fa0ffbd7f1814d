/**
 * Which automatic backups to keep: the newest in each of the last N days, weeks and months that have
 * one (like restic/borg `--keep-daily/--keep-weekly/--keep-monthly`). Pure (the clock is the backups'
 * own dates), so a 400-day history is tested without waiting 400 days.
 */
export interface Retention {
  readonly daily: number;
  readonly weekly: number;
  readonly monthly: number;
}

export const DEFAULT_RETENTION: Retention = { daily: 7, weekly: 4, monthly: 12 };

interface Dated {
  readonly createdAt: string;
}

function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday), in UTC. */
function weekKey(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function monthKey(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/**
 * Returns the backups to keep (a subset of `backups`, same objects). The newest is always kept,
 * whatever the settings, so rotation can never leave a library without a backup.
 */
export function selectKept<T extends Dated>(backups: readonly T[], retention: Retention): Set<T> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const kept = new Set<T>();
  const first = newestFirst[0];
  if (first) kept.add(first);
  const rules: [number, (date: Date) => string][] = [
    [retention.daily, dayKey],
    [retention.weekly, weekKey],
    [retention.monthly, monthKey],
  ];
  for (const [count, key] of rules) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      if (seen.size >= count) break;
      const bucket = key(new Date(backup.createdAt));
      if (seen.has(bucket)) continue;
      seen.add(bucket);
      kept.add(backup);
    }
  }
  return kept;
}
