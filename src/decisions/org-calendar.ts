/**
 * @module decisions/org-calendar
 * Calendar questions asked in the organisation's time zone: which local day an instant falls on
 * (the charter in force, day counts in facts) and which monthly budget period it belongs to.
 */
import { DateTime } from 'luxon';

function local(ms: number, zone: string): DateTime {
  const d = DateTime.fromMillis(ms, { zone });
  // An unknown zone is a configuration error, not the caller's: fail loudly.
  if (!d.isValid) throw new Error(`Invalid time zone ${zone}: ${d.invalidExplanation ?? ''}`);
  return d;
}

export { localDate } from '../hours/index.ts';

/**
 * The monthly budget period of an instant, `YYYY-MM`.
 * @example budgetPeriod(Date.parse('2026-11-30T23:30:00Z'), 'Europe/Berlin') // '2026-12'
 */
export function budgetPeriod(ms: number, zone: string): string {
  return local(ms, zone).toFormat('yyyy-MM');
}

/**
 * Whole calendar days from the local day of `from` to the local day of `to` (DST days count once).
 * @example wholeDays(Date.parse('2026-11-01T22:00:00Z'), Date.parse('2026-11-03T09:00:00Z'), 'Europe/London') // 2
 */
export function wholeDays(from: number, to: number, zone: string): number {
  const day = (ms: number) => {
    const d = local(ms, zone);
    return Date.UTC(d.year, d.month - 1, d.day);
  };
  return Math.round((day(to) - day(from)) / 86_400_000);
}

/**
 * Whole calendar months from the local day of `from` to the local day of `to`.
 * @example wholeMonths(Date.parse('2026-01-31T12:00:00Z'), Date.parse('2026-03-30T12:00:00Z'), 'UTC') // 1
 */
export function wholeMonths(from: number, to: number, zone: string): number {
  const a = local(from, zone).startOf('day');
  const b = local(to, zone).startOf('day');
  return Math.trunc(b.diff(a, 'months').months);
}
