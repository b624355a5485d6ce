/**
 * @module decisions/org-calendar
 * Calendar questions asked in the organisation's time zone: which local day an instant falls on
 * (the charter in force, day counts in facts) and which monthly budget period it belongs to.
 *
 * The zone is consulted once per instant, for its local day (`localDate`: one cached Intl
 * formatter per zone); the arithmetic between days is then plain calendar arithmetic. Asking luxon
 * for each instant in the zone cost a decision on an order ~300 µs of Intl look-ups.
 */
import { localDate } from '../hours/index.ts';

export { localDate };

/** The local day of an instant as [year, month (1–12), day]. */
function localDay(ms: number, zone: string): [number, number, number] {
  const d = localDate(ms, zone);
  return [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

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
 * Whole calendar months from the local day of `from` to the local day of `to`, counted as luxon
 * counts them (adding a month to the 31st lands on the month's last day: Jan 31 to Feb 28 is one
 * month); the tests hold it to luxon's answer. Luxon itself cost ~70 µs a call here.
 * @example wholeMonths(Date.parse('2026-01-31T12:00:00Z'), Date.parse('2026-03-30T12:00:00Z'), 'UTC') // 1
 */
export function wholeMonths(from: number, to: number, zone: string): number {
  if (to < from) return -wholeMonths(to, from, zone);
  const [ay, am, ad] = localDay(from, zone);
  const [by, bm, bd] = localDay(to, zone);
  let months = (by - ay) * 12 + (bm - am);
  // `from` moved on by that many months, its day clamped to the month's length, must not pass `to`.
  if (months > 0 && Math.min(ad, daysIn(by, bm)) > bd) months--;
  return months;
}
