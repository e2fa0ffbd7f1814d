/**
 * Publication dates as stored: `YYYY-MM-DD` when the source gives a day only (no invented midnight),
 * else the instant in UTC (`2024-12-03T09:41:00.000Z`). Anything unreadable becomes null rather
 * than a wrong date.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const HAS_TIME = /\d{1,2}:\d{2}/;

function plausibleYear(year: number): boolean {
  return year >= 1000 && year <= 2999;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function normaliseDate(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()) || !plausibleYear(value.getUTCFullYear())) return null;
    // A date without time parsed by YAML or JSON arrives as UTC midnight: keep just the day.
    const midnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0 && value.getUTCMilliseconds() === 0;
    return midnight ? value.toISOString().slice(0, 10) : value.toISOString();
  }
  const text = value.trim();
  if (text === '') return null;
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [, y, m, d] = dateOnly;
    const year = Number(y);
    const month = Number(m);
    const day = d === undefined ? 1 : Number(d);
    const check = new Date(Date.UTC(year, month - 1, day));
    if (!plausibleYear(year) || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
    return d === undefined ? `${y}-${m}` : `${y}-${m}-${d}`;
  }
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime()) || !plausibleYear(parsed.getUTCFullYear())) return null;
  if (HAS_TIME.test(text)) return parsed.toISOString();
  // "December 3, 2024": a calendar day in no particular zone; JavaScript parsed it as local midnight.
  return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}
