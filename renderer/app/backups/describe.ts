/**
 * Backups and the library check in the analyst's words: when (relative and absolute), how big, what a
 * backup holds, and what each kind of check problem means. Pure, so it is unit-tested
 * (tests/unit/renderer/backups-describe.test.ts) and shared by the Backups page and the recovery screen.
 */
import type { BackupDto, BackupRestoreResultDto, CheckProblemDto, CheckReportDto } from '../../../electron/api/contract/backup.js';

export interface LibraryCounts {
  readonly articles: number;
  readonly annotations: number;
  readonly notes: number;
  readonly dossiers: number;
}

const absoluteFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const relativeFormat = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });

/** "Thu, 3 Dec 2026, 07:15" in the analyst's own time zone; anything unparseable as stored. */
export function absoluteTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : absoluteFormat.format(date);
}

/** "just now", "5 minutes ago", "3 hours ago", "yesterday", "12 days ago", "3 months ago". */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((then - now) / 1000);
  // A clock a little ahead (another machine's archive) still reads as "just now", not "in 3 seconds".
  if (Math.abs(seconds) < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return relativeFormat.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relativeFormat.format(hours, 'hour');
  const days = Math.round(hours / 24);
  if (Math.abs(days) < 45) return relativeFormat.format(days, 'day');
  const months = Math.round(days / 30.44);
  if (Math.abs(months) < 12) return relativeFormat.format(months, 'month');
  return relativeFormat.format(Math.round(days / 365.25), 'year');
}

/** 812 bytes, 48 KB, 1.2 MB, 3.4 GB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** The four things an analyst counts on, in the order the app shows them. */
export const COUNT_NAMES: ReadonlyArray<{ readonly key: keyof LibraryCounts; readonly one: string; readonly title: string }> = [
  { key: 'articles', one: 'article', title: 'Articles' },
  { key: 'annotations', one: 'highlight', title: 'Highlights' },
  { key: 'notes', one: 'note', title: 'Notes' },
  { key: 'dossiers', one: 'dossier', title: 'Dossiers' },
];

/** "12 articles, 40 highlights, 3 notes and 2 dossiers". */
export function describeCounts(counts: LibraryCounts): string {
  const parts = COUNT_NAMES.map((c) => plural(counts[c.key], c.one));
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export function kindName(kind: BackupDto['kind']): string {
  if (kind === 'auto') return 'Automatic';
  if (kind === 'manual') return 'Made by hand';
  return 'Portable archive';
}

/** The kind inside a sentence: "an automatic backup", "a backup made by hand", "a portable archive". */
export function kindPhrase(kind: BackupDto['kind']): string {
  if (kind === 'auto') return 'an automatic backup';
  if (kind === 'manual') return 'a backup made by hand';
  return 'a portable archive';
}

/** "every day", "every 12 hours", "every 3 days", "every week". */
export function describeInterval(hours: number): string {
  if (hours === 24) return 'every day';
  if (hours === 168) return 'every week';
  if (hours % 24 === 0) return `every ${hours / 24} days`;
  return `every ${plural(hours, 'hour')}`.replace('every 1 hour', 'every hour');
}

/** One row of the "now → after restore" comparison. */
export interface CountChange {
  readonly title: string;
  readonly before: number;
  readonly after: number;
}

export function countChanges(before: LibraryCounts, after: LibraryCounts): CountChange[] {
  return COUNT_NAMES.map((c) => ({ title: c.title, before: before[c.key], after: after[c.key] }));
}

/** What a restore would lose, said plainly ("3 articles and 12 highlights fewer than now"), or null. */
export function describeLoss(before: LibraryCounts, after: LibraryCounts): string | null {
  const fewer = COUNT_NAMES.filter((c) => after[c.key] < before[c.key]).map((c) => plural(before[c.key] - after[c.key], c.one));
  if (fewer.length === 0) return null;
  const list = fewer.length === 1 ? fewer[0]! : `${fewer.slice(0, -1).join(', ')} and ${fewer[fewer.length - 1]}`;
  return `${list} fewer than now`;
}

const PROBLEM_TITLES: Readonly<Record<CheckProblemDto['kind'], string>> = {
  integrity: 'The database reports damage',
  foreign_key: 'Records point to something that no longer exists',
  database_unreadable: 'The database cannot be read',
  original_tampered: 'An original file was changed after import',
  original_missing: 'An original file is missing',
  original_unreferenced: 'A file in originals/ belongs to no article',
  temp_file: 'A leftover temporary file',
  index_missing: 'The search index is missing',
  index_stale: 'The search index is behind the library',
  index_damaged: 'The search index cannot be read',
};

export function problemTitle(kind: CheckProblemDto['kind']): string {
  return PROBLEM_TITLES[kind];
}

/** What the analyst can do about a problem Repair does not fix, or null when there is nothing to add. */
export function problemAdvice(kind: CheckProblemDto['kind']): string | null {
  if (kind === 'original_tampered') return 'The article’s text and highlights are intact, but this file no longer matches what was imported. Put the unchanged file back if you have a copy.';
  if (kind === 'original_missing') return 'The article’s text and highlights are intact. Put the file back from a copy to keep the source with the article.';
  if (kind === 'foreign_key') return 'Restore the newest backup if this appeared after a crash or a sync; otherwise note the ids and report it.';
  return null;
}

/** The check report's headline: healthy, or how many problems and how many Repair can fix. */
export function describeCheck(report: CheckReportDto): { readonly headline: string; readonly detail: string } {
  const { articles, originals } = report.checked;
  // The saved index may lag the database by design (it catches up from the change log), so its own
  // article count would read as a problem when it is not one: only problems speak about the index.
  const detail = `Checked the database, ${plural(articles, 'article')}, ${plural(originals, 'original file')} (each against its SHA-256) and the search index.`;
  if (report.healthy) return { headline: 'The library is healthy.', detail };
  const repairable = report.problems.filter((p) => p.repairable).length;
  const count = plural(report.problems.length, 'problem');
  const fixable =
    repairable === 0
      ? 'none can be repaired automatically'
      : repairable === report.problems.length
        ? `${repairable === 1 ? 'it' : 'all'} can be repaired without guessing`
        : `${repairable} can be repaired without guessing`;
  return { headline: `Found ${count}; ${fixable}.`, detail };
}

/**
 * What a finished restore says: which backup, what came back, where the replaced database is kept
 * (`replaced`: "previous" from the Backups page, "damaged" from the recovery screen), and whether
 * anything needs a look (originals neither the library nor the backup has).
 */
export function describeRestore(result: BackupRestoreResultDto, replaced: 'previous' | 'damaged'): string {
  const kept = result.damagedCopy ? ` The ${replaced} database is kept as ${result.damagedCopy.split(/[\\/]/).pop()}.` : '';
  const warned =
    result.warnings.length > 0
      ? ` ${plural(result.warnings.length, 'warning')}: ${result.warnings[0]}${result.warnings.length > 1 ? ' (Check library lists them all)' : ''}`
      : '';
  return `Restored the backup from ${absoluteTime(result.restored.createdAt)}: ${describeCounts(result)}.${kept}${warned}`;
}
