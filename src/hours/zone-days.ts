/**
 * @module hours/zone-days
 * A time zone's local days as UTC instants, through luxon: the midnight of each day, and wall times on a day.
 * Luxon's `DateTime.fromObject` resolves an ambiguous wall time with an offset guessed from the current clock,
 * so conversions here start from known instants (`fromMillis`, then `plus` / `set`): the guess is then the
 * offset in force earlier that day, which makes a repeated wall time (clocks going back) mean its first
 * occurrence, and a wall time in a gap (clocks going forward) move forward by the gap, as luxon does.
 */

import { DateTime, IANAZone } from 'luxon';
import { dayNumber } from './civil-date.ts';
import { DAY_MINUTES } from './parse-time.ts';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

interface ZoneYear {
  /** Local midnights of the year's days, plus the next year's first. */
  readonly midnights: Float64Array;
  /** 1 when the day has no offset change: exactly 24 hours, wall time = midnight + elapsed time. */
  readonly regular: Uint8Array;
}

const years = new Map<string, ZoneYear>();

/** The local days of a zone over whole years, as instants. */
export class ZoneDays {
  /** Day number of the first covered day. */
  readonly first: number;
  readonly #midnights: Float64Array;
  readonly #regular: Uint8Array;

  /**
   * Covers the local days from 1 January `fromYear` to 31 December `toYear`.
   * @example new ZoneDays('Europe/London', 2027, 2027).midnight(dayNumber(2027, 3, 29)) // 1774738800000
   */
  constructor(
    readonly zone: string,
    fromYear: number,
    toYear: number,
  ) {
    this.first = dayNumber(fromYear, 1, 1);
    const count = dayNumber(toYear + 1, 1, 1) - this.first;
    this.#midnights = new Float64Array(count + 1);
    this.#regular = new Uint8Array(count);
    let at = 0;
    for (let year = fromYear; year <= toYear; year++) {
      const table = zoneYear(zone, year);
      this.#midnights.set(table.midnights, at);
      this.#regular.set(table.regular, at);
      at += table.regular.length;
    }
  }

  /** The instant the local day starts (where midnight does not exist, the first instant of the day). */
  midnight(day: number): number {
    return this.#midnights[day - this.first]!;
  }

  /** The instant of a wall time (minutes after midnight, 1440 = the next midnight) on a local day. */
  wallTime(day: number, minute: number): number {
    const i = day - this.first;
    if (minute === DAY_MINUTES) return this.#midnights[i + 1]!;
    if (this.#regular[i] === 1) return this.#midnights[i]! + minute * MINUTE_MS;
    return DateTime.fromMillis(this.#midnights[i]!, { zone: this.zone })
      .set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 })
      .toMillis();
  }
}

function zoneYear(zone: string, year: number): ZoneYear {
  const key = `${zone}/${year}`;
  const cached = years.get(key);
  if (cached) return cached;
  const offsets = IANAZone.create(zone);
  const days = dayNumber(year + 1, 1, 1) - dayNumber(year, 1, 1);
  const midnights = new Float64Array(days + 1);
  const regular = new Uint8Array(days);
  let midnight = DateTime.fromMillis(Date.UTC(year, 0, 1), { zone })
    .set({ year, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 })
    .toMillis();
  let offset = offsets.offset(midnight);
  for (let i = 0; i < days; i++) {
    midnights[i] = midnight;
    // Same offset at both midnights: no change in between (zones never change twice within a day).
    const next = midnight + DAY_MS;
    const nextOffset = offsets.offset(next);
    if (nextOffset === offset) {
      regular[i] = 1;
      midnight = next;
    } else {
      midnight = DateTime.fromMillis(midnight, { zone }).plus({ days: 1 }).startOf('day').toMillis();
      offset = offsets.offset(midnight);
    }
  }
  midnights[days] = midnight;
  const table = { midnights, regular };
  years.set(key, table);
  return table;
}
