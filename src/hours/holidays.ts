/**
 * @module hours/holidays
 * Public holidays of a country or region from `date-holidays`, as local day numbers.
 * Codes are `CC`, `CC-STATE` or `CC-STATE-REGION` as date-holidays names them: `GB-ENG`, `US-NY`, `DE-BY`, `AU-NSW`.
 */

import Holidays from 'date-holidays';
import { dayNumber } from './civil-date.ts';

/** A validated holiday source. */
export interface HolidayRegion {
  /** The code as normalised, e.g. `GB-ENG`. */
  readonly code: string;
  readonly country: string;
  readonly state?: string;
  readonly region?: string;
}

let directory: Holidays | undefined;
const sources = new Map<string, Holidays>();
const yearCache = new Map<string, readonly number[]>();

/**
 * Checks a holiday code against date-holidays' list of countries, states and regions; null when unknown.
 * @example parseHolidayRegion('gb-eng') // { code: 'GB-ENG', country: 'GB', state: 'ENG' }
 * @example parseHolidayRegion('GB-XYZ') // null
 */
export function parseHolidayRegion(text: string): HolidayRegion | null {
  const code = text.trim().toUpperCase();
  const [country = '', state, region, ...rest] = code.split('-');
  if (rest.length > 0 || !/^[A-Z]{2}$/.test(country)) return null;
  directory ??= new Holidays();
  if (!(country in directory.getCountries())) return null;
  if (state === undefined) return { code, country };
  if (!(state in (directory.getStates(country) ?? {}))) return null;
  if (region === undefined) return { code, country, state };
  if (!(region in (directory.getRegions(country, state) ?? {}))) return null;
  return { code, country, state, region };
}

/**
 * The local days of the region's public holidays (type `public` only, substitute days included) in a year.
 * Each holiday is a whole local day, whatever hour date-holidays says it starts.
 * @example publicHolidayDays(parseHolidayRegion('GB-ENG')!, 2027).length // 10
 */
export function publicHolidayDays(source: HolidayRegion, year: number): readonly number[] {
  const key = `${source.code}/${year}`;
  const cached = yearCache.get(key);
  if (cached) return cached;
  const days = holidaysOf(source)
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => {
      // `date` is the local date first: "YYYY-MM-DD hh:mm:ss".
      const [y, m, d] = holiday.date.slice(0, 10).split('-').map(Number);
      return dayNumber(y!, m!, d!);
    });
  const unique = [...new Set(days)].sort((a, b) => a - b);
  yearCache.set(key, unique);
  return unique;
}

function holidaysOf(source: HolidayRegion): Holidays {
  let holidays = sources.get(source.code);
  if (!holidays) {
    holidays = new Holidays({
      country: source.country,
      ...(source.state === undefined ? {} : { state: source.state }),
      ...(source.region === undefined ? {} : { region: source.region }),
    });
    sources.set(source.code, holidays);
  }
  return holidays;
}
