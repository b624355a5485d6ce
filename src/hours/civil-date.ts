/**
 * @module hours/civil-date
 * Local calendar dates as day numbers (days since 1970-01-01), with no time zone involved:
 * `Date.UTC` is used only as proleptic-Gregorian date arithmetic.
 */

const DAY_MS = 86_400_000;

/** A local date without a zone. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * The day number of a local date.
 * @example dayNumber(1970, 1, 2) // 1
 */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/**
 * The local date of a day number.
 * @example civilDate(1) // { year: 1970, month: 1, day: 2 }
 */
export function civilDate(day: number): CivilDate {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The weekday of a day number, Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday).
 * @example weekday(0) // 3
 */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/**
 * Parses a strict `YYYY-MM-DD` date that exists in the calendar; null otherwise.
 * @example parseIsoDate('2027-02-29') // null
 */
export function parseIsoDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  const n = dayNumber(year, month, day);
  // Date.UTC rolls 2027-02-30 over to March: a round trip catches it.
  return civilDate(n).month === month ? n : null;
}
