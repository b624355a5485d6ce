/**
 * @module decisions/org-calendar
 * Calendar questions asked in the organisation's time zone: which local day an instant falls on
 * (the charter in force, day counts in facts) and which monthly budget period it belongs to.
 *
 * The zone is consulted once per instant, for its local day (`localDate`: one cached Intl
 * formatter per zone); the arithmetic between days is then zone-free. Asking luxon for each
 * instant in the zone cost a decision on an order ~300 µs of Intl look-ups.
 */
import { DateTime } from 'luxon';
import { localDate } from '../hours/index.ts';

export { localDate };

/** The local day of an instant, as that date at midnight UTC (for calendar arithmetic only). */
function localDay(ms: number, zone: string): DateTime {
  const d = localDate(ms, zone);
  return DateTime.utc(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10)));
}

/**
 * The monthly budget period of an instant, `YYYY-MM`.
 * @example budgetPeriod(Date.parse('2026-11-30T23:30:00Z'), 'Europe/Berlin') // '2026-12'
 */
export function budgetPeriod(ms: number, zone: string): string {
  return localDate(ms, zone).slice(0, 7);
}

/**
 * Whole calendar days from the local day of `from` to the local day of `to` (DST days count once).
 * @example wholeDays(Date.parse('2026-11-01T22:00:00Z'), Date.parse('2026-11-03T09:00:00Z'), 'Europe/London') // 2
 */
export function wholeDays(from: number, to: number, zone: string): number {
  // A date-only ISO text parses as midnight UTC, so the difference is whole days.
  return Math.round((Date.parse(localDate(to, zone)) - Date.parse(localDate(from, zone))) / 86_400_000);
}

/**
 * Whole calendar months from the local day of `from` to the local day of `to` (luxon's month
 * arithmetic: Jan 31 to Feb 28 is one month).
 * @example wholeMonths(Date.parse('2026-01-31T12:00:00Z'), Date.parse('2026-03-30T12:00:00Z'), 'UTC') // 1
 */
export function wholeMonths(from: number, to: number, zone: string): number {
  return Math.trunc(localDay(to, zone).diff(localDay(from, zone), 'months').months);
}
