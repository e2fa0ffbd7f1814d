/**
 * Rotation over a synthetic 400-day history (the clock is injected): the pure rule, and the same rule
 * applied day after day as the app would, which must end with the same set.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, selectKept } from '../../../electron/core/backup/rotation.js';

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1, 3, 0, 0); // 2025-01-01 03:00 UTC

function history(days: number): { createdAt: string }[] {
  return Array.from({ length: days }, (_, i) => ({ createdAt: new Date(START + i * DAY).toISOString() }));
}

const day = (b: { createdAt: string }): string => b.createdAt.slice(0, 10);

// Worked out by hand for 400 daily backups, 2025-01-01 … 2026-02-04 (a Wednesday):
const EXPECTED = [
  // 7 daily
  '2026-02-04', '2026-02-03', '2026-02-02', '2026-02-01', '2026-01-31', '2026-01-30', '2026-01-29',
  // 4 weekly (newest of ISO weeks 2026-W06, W05, W04, W03): Feb 4 and Feb 1 already kept
  '2026-01-25', '2026-01-18',
  // 12 monthly (newest of Feb 2026 … Mar 2025): Feb 4 and Jan 31 already kept
  '2025-12-31', '2025-11-30', '2025-10-31', '2025-09-30', '2025-08-31', '2025-07-31', '2025-06-30', '2025-05-31', '2025-04-30', '2025-03-31',
].sort();

describe('selectKept', () => {
  it('keeps 7 daily, 4 weekly and 12 monthly of a 400-day history', () => {
    const kept = [...selectKept(history(400), DEFAULT_RETENTION)].map(day).sort();
    expect(kept).toEqual(EXPECTED);
  });

  it('ends with the same set when applied every day as backups are made', () => {
    let kept: { createdAt: string }[] = [];
    for (const backup of history(400)) kept = [...selectKept([...kept, backup], DEFAULT_RETENTION)];
    expect(kept.map(day).sort()).toEqual(EXPECTED);
  });

  it('keeps the newest of several backups on one day', () => {
    const sameDay = ['2026-03-01T08:00:00.000Z', '2026-03-01T18:00:00.000Z', '2026-03-01T12:00:00.000Z'].map((createdAt) => ({ createdAt }));
    expect([...selectKept(sameDay, DEFAULT_RETENTION)].map((b) => b.createdAt)).toEqual(['2026-03-01T18:00:00.000Z']);
  });

  it('always keeps the newest, even when every count is 0', () => {
    const kept = selectKept(history(30), { daily: 0, weekly: 0, monthly: 0 });
    expect([...kept].map(day)).toEqual(['2025-01-30']);
  });

  it('honours other settings', () => {
    const kept = [...selectKept(history(400), { daily: 2, weekly: 0, monthly: 3 })].map(day).sort();
    expect(kept).toEqual(['2025-12-31', '2026-01-31', '2026-02-03', '2026-02-04']);
  });
});
