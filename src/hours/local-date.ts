/**
 * @module hours/local-date
 * The calendar day of an instant in a time zone. Which policy is in force, which budget period an
 * approval debits and what "today" means are questions of the organisation's day, not of UTC.
 */

const formats = new Map<string, Intl.DateTimeFormat>();
/** Per zone, the last minute asked about and its day: requests arriving together share a minute. */
const lastMinute = new Map<string, { minute: number; date: string }>();
const MINUTE = 60_000;
const SINCE_1972 = Date.UTC(1972, 0, 1);

/**
 * @example localDate(Date.parse('2026-11-23T23:30:00Z'), 'Europe/Paris') // '2026-11-24'
 */
export function localDate(ms: number, timeZone: string): string {
  // Since 1972 every zone's offset is whole minutes, so a local day never changes inside a UTC minute.
  const minute = ms >= SINCE_1972 ? Math.floor(ms / MINUTE) : Number.NaN;
  const last = lastMinute.get(timeZone);
  if (last !== undefined && last.minute === minute) return last.date;
  let f = formats.get(timeZone);
  if (!f) {
    // Building a formatter costs far more than formatting with it: one per zone. en-CA writes ISO days.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, f);
  }
  const date = f.format(ms);
  lastMinute.set(timeZone, { minute, date });
  return date;
}
