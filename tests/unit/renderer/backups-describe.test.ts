/** Backups in the analyst's words: times, sizes, counts, the restore comparison and the check headline. */
import { describe, expect, it } from 'vitest';
import type { CheckReportDto } from '../../../electron/api/contract/backup.js';
import {
  countChanges,
  describeCheck,
  describeCounts,
  describeInterval,
  describeLoss,
  describeRestore,
  formatBytes,
  relativeTime,
} from '../../../renderer/app/backups/describe.js';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const ago = (ms: number): string => new Date(NOW - ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('relativeTime', () => {
  it('reads like speech from seconds to years', () => {
    expect(relativeTime(ago(10_000), NOW)).toBe('just now');
    expect(relativeTime(ago(5 * MINUTE), NOW)).toBe('5 minutes ago');
    expect(relativeTime(ago(3 * HOUR), NOW)).toBe('3 hours ago');
    expect(relativeTime(ago(DAY), NOW)).toBe('yesterday');
    expect(relativeTime(ago(12 * DAY), NOW)).toBe('12 days ago');
    expect(relativeTime(ago(90 * DAY), NOW)).toBe('3 months ago');
    expect(relativeTime(ago(800 * DAY), NOW)).toBe('2 years ago');
  });
  it('treats a clock slightly ahead as now, and keeps what it cannot parse', () => {
    expect(relativeTime(new Date(NOW + 20_000).toISOString(), NOW)).toBe('just now');
    expect(relativeTime('not a date', NOW)).toBe('not a date');
  });
});

describe('sizes, counts and intervals', () => {
  it('formats sizes in the unit an analyst expects', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(812)).toBe('812 bytes');
    expect(formatBytes(48 * 1024)).toBe('48 KB');
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(formatBytes(3.4 * 1024 ** 3)).toBe('3.4 GB');
  });
  it('names every count with its plural', () => {
    expect(describeCounts({ articles: 12, annotations: 1, notes: 0, dossiers: 2 })).toBe('12 articles, 1 highlight, 0 notes and 2 dossiers');
    expect(describeCounts({ articles: 1234, annotations: 2, notes: 1, dossiers: 1 })).toBe('1,234 articles, 2 highlights, 1 note and 1 dossier');
  });
  it('says the interval in days or hours', () => {
    expect(describeInterval(24)).toBe('every day');
    expect(describeInterval(168)).toBe('every week');
    expect(describeInterval(48)).toBe('every 2 days');
    expect(describeInterval(12)).toBe('every 12 hours');
    expect(describeInterval(1)).toBe('every hour');
  });
});

describe('the restore comparison', () => {
  const now = { articles: 14, annotations: 40, notes: 3, dossiers: 2 };
  const backup = { articles: 12, annotations: 40, notes: 4, dossiers: 1 };
  it('lists before → after for each count', () => {
    expect(countChanges(now, backup)).toEqual([
      { title: 'Articles', before: 14, after: 12 },
      { title: 'Highlights', before: 40, after: 40 },
      { title: 'Notes', before: 3, after: 4 },
      { title: 'Dossiers', before: 2, after: 1 },
    ]);
  });
  it('names only what would be fewer', () => {
    expect(describeLoss(now, backup)).toBe('2 articles and 1 dossier fewer than now');
    expect(describeLoss(backup, backup)).toBeNull();
  });
});

describe('describeCheck', () => {
  const checked = { articles: 3, originals: 3, indexedArticles: 3 };
  it('says healthy, and what was checked', () => {
    const report: CheckReportDto = { healthy: true, problems: [], repaired: [], checked };
    expect(describeCheck(report)).toEqual({
      headline: 'The library is healthy.',
      detail: 'Checked the database, 3 articles, 3 original files (each against its SHA-256) and the search index.',
    });
  });
  it('counts problems and how many Repair can fix', () => {
    const problem = (repairable: boolean): CheckReportDto['problems'][number] => ({
      kind: repairable ? 'temp_file' : 'original_tampered',
      message: 'x',
      articleId: null,
      file: null,
      repairable,
    });
    expect(describeCheck({ healthy: false, problems: [problem(false)], repaired: [], checked }).headline).toBe(
      'Found 1 problem; none can be repaired automatically.',
    );
    expect(describeCheck({ healthy: false, problems: [problem(true)], repaired: [], checked }).headline).toBe('Found 1 problem; it can be repaired without guessing.');
    expect(describeCheck({ healthy: false, problems: [problem(true), problem(false)], repaired: [], checked }).headline).toBe(
      'Found 2 problems; 1 can be repaired without guessing.',
    );
  });
});

describe('describeRestore', () => {
  const restored = { id: 'b', path: '/lib/backups/b.sqlite', createdAt: '2026-12-02T17:40:11.203Z', kind: 'auto' as const, articles: 2, annotations: 1, notes: 1, dossiers: 1, bytes: 4096 };
  const result = { restored, damagedCopy: '/lib/quire.sqlite.damaged-2026-12-03T08-00-00Z', articles: 2, annotations: 1, notes: 1, dossiers: 1, warnings: [] };
  it('says what came back and where the replaced database is kept', () => {
    const text = describeRestore(result, 'damaged');
    expect(text).toMatch(/^Restored the backup from .*2026.*: 2 articles, 1 highlight, 1 note and 1 dossier\. /);
    expect(text.endsWith('The damaged database is kept as quire.sqlite.damaged-2026-12-03T08-00-00Z.')).toBe(true);
    expect(describeRestore({ ...result, damagedCopy: null }, 'previous')).not.toContain('kept');
  });
  it('names the first warning and points to the check for the rest', () => {
    const text = describeRestore({ ...result, warnings: ['originals/ab12 is missing', 'originals/cd34 is missing'] }, 'previous');
    expect(text).toContain('The previous database is kept');
    expect(text).toContain('2 warnings: originals/ab12 is missing (Check library lists them all)');
  });
});
