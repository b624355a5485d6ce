/**
 * @module hours/local-date
 * The calendar day of an instant in a time zone. Which policy is in force, which budget period an
 * approval debits and what "today" means are questions of the organisation's day, not of UTC.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * @example localDate(Date.parse('2026-11-23T23:30:00Z'), 'Europe/Paris') // '2026-11-24'
 */
export function localDate(ms: number, timeZone: string): string {
  let f = formats.get(timeZone);
  if (!f) {
    // Building a formatter costs far more than formatting with it: one per zone. en-CA writes ISO days.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, f);
  }
  return f.format(ms);
}
