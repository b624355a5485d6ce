/**
 * @module hours/local-date
 * The calendar day of an instant in a time zone. Which policy is in force, which budget period an
 * approval debits and what "today" means are questions of the organisation's day, not of UTC.
 */

const formats = new Map<string, Intl.DateTimeFormat>();
/**
 * Per zone, the last few minutes asked about and their days: requests arriving together share a
 * minute, and one request asks about now and an order's dates in turn.
 */
const recent = new Map<string, { minute: number; date: string }[]>();
const RECENT = 4;
const MINUTE = 60_000;
const SINCE_1972 = Date.UTC(1972, 0, 1);

/**
 * @example localDate(Date.parse('2026-11-23T23:30:00Z'), 'Europe/Paris') // '2026-11-24'
 */
export function localDate(ms: number, timeZone: string): string {
  // Since 1972 every zone's offset is whole minutes, so a local day never changes inside a UTC minute.
  const minute = ms >= SINCE_1972 ? Math.floor(ms / MINUTE) : Number.NaN;
  let seen = recent.get(timeZone);
  if (seen === undefined) {
    seen = [];
    recent.set(timeZone, seen);
  }
  for (const m of seen) if (m.minute === minute) return m.date;
  let f = formats.get(timeZone);
  if (!f) {
    // Building a formatter costs far more than formatting with it: one per zone. en-CA writes ISO days.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, f);
  }
  const date = f.format(ms);
  if (seen.length >= RECENT) seen.shift();
  seen.push({ minute, date });
  return date;
}
