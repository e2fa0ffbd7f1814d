import { describe, expect, it } from 'vitest';
import { normaliseDate } from '../../../electron/core/importers/dates.js';

describe('publication dates', () => {
  it('keeps a day as a day and an instant as UTC', () => {
    expect(normaliseDate('2023-03-11')).toBe('2023-03-11');
    expect(normaliseDate('2023-03')).toBe('2023-03');
    expect(normaliseDate('2024-12-03T09:41:00Z')).toBe('2024-12-03T09:41:00.000Z');
    expect(normaliseDate('2024-10-01T08:00:00+03:00')).toBe('2024-10-01T05:00:00.000Z');
    expect(normaliseDate('December 3, 2024')).toBe('2024-12-03');
    expect(normaliseDate(new Date(Date.UTC(2023, 2, 11)))).toBe('2023-03-11');
  });

  it('returns null rather than a wrong date', () => {
    expect(normaliseDate('2023-02-30')).toBeNull();
    expect(normaliseDate('yesterday-ish')).toBeNull();
    expect(normaliseDate('0001-01-01')).toBeNull();
    expect(normaliseDate('')).toBeNull();
    expect(normaliseDate(null)).toBeNull();
  });
});
