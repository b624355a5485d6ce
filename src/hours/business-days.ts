/**
 * @module hours/business-days
 * `P{n}D` in a calendar: the same local time on the n-th following business day.
 */

import { IANAZone } from 'luxon';
import type { Calendar } from './calendar.ts';

const DAY = 86_400_000;
/** Zone offsets change only at quarter hours (UTC) in modern tz data, so they are cached per quarter. */
const QUARTER = 900_000;
const CACHE_LIMIT = 100_000;

/** Local wall time ⇄ UTC for one zone, with a cached offset per quarter hour. */
class ZoneTime {
  private readonly offsets = new Map<number, number>();
  constructor(private readonly zone: IANAZone | null) {}

  offset(utc: number): number {
    if (this.zone === null) return 0;
    const bucket = Math.floor(utc / QUARTER);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      if (this.offsets.size >= CACHE_LIMIT) this.offsets.clear();
      offset = this.zone.offset(bucket * QUARTER) * 60_000;
      this.offsets.set(bucket, offset);
    }
    return offset;
  }

  toLocal(utc: number): number {
    return utc + this.offset(utc);
  }

  /** The instant of a local wall time; a wall time skipped by a DST change moves forward by the gap. */
  toUtc(local: number): number {
    const first = local - this.offset(local);
    const offset = this.offset(first);
    const second = local - offset;
    const check = this.offset(second);
    return check === offset ? second : Math.max(second, local - check);
  }
}

const zones = new Map<string, ZoneTime | null>();

function zoneTime(name: string): ZoneTime | null {
  let zone = zones.get(name);
  if (zone === undefined) {
    if (name === 'UTC' || name === 'Etc/UTC' || name === 'GMT') zone = new ZoneTime(null);
    else {
      const iana = IANAZone.create(name);
      zone = iana.isValid ? new ZoneTime(iana) : null;
    }
    zones.set(name, zone);
  }
  return zone;
}

/**
 * The due instant of `days` business days from `start` in `calendar`: the clock starts counting at
 * the first opening at or after `start`; a business day is a local date with open time; the due
 * instant is that opening's local time of day on the `days`-th following business day. When the
 * calendar is closed then, it is clamped into that day's hours: the latest closing before it, or the
 * day's first opening when it falls before the day opens. `null` when the calendar never opens
 * (within its horizon) or names an unknown zone.
 *
 * A shift running past midnight makes the next local date look like a business day; calendars with
 * such shifts should state durations in hours.
 *
 * @example
 * // Monday–Friday 09:00–17:00 UTC; Friday 15:00 + P1D → Monday 15:00
 * businessDaysDue(weekdays, Date.parse('2027-01-08T15:00:00Z'), 1); // Date.parse('2027-01-11T15:00:00Z')
 */
export function businessDaysDue(calendar: Calendar, start: number, days: number): number | null {
  const zone = zoneTime(calendar.zone);
  const opening = calendar.nextOpening(start);
  if (zone === null || opening === null) return null;
  const local = zone.toLocal(opening);
  const day = Math.floor(local / DAY);
  const timeOfDay = local - day * DAY;
  const target = targetDay(calendar, zone, day, days);
  if (target === null) return null;
  const candidate = zone.toUtc(target * DAY + timeOfDay);
  if (days === 0 || calendar.isOpen(candidate)) return candidate;
  return clampIntoDay(calendar, zone.toUtc(target * DAY), zone.toUtc((target + 1) * DAY), candidate);
}

/** Local days (since the epoch) of business days, `days` after `day`, cached per calendar. */
const targetDays = new WeakMap<Calendar, Map<number, number | null>>();

function targetDay(calendar: Calendar, zone: ZoneTime, day: number, days: number): number | null {
  let cache = targetDays.get(calendar);
  if (cache === undefined) {
    cache = new Map();
    targetDays.set(calendar, cache);
  }
  const key = day * 1024 + days;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let target: number | null = day;
  for (let i = 0; i < days && target !== null; i++) {
    const next = calendar.nextOpening(zone.toUtc((target + 1) * DAY));
    target = next === null ? null : Math.floor(zone.toLocal(next) / DAY);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  if (days < 1024) cache.set(key, target);
  return target;
}

function clampIntoDay(calendar: Calendar, dayStart: number, dayEnd: number, at: number): number | null {
  const first = calendar.nextOpening(dayStart);
  let open = first;
  let lastClose: number | null = null;
  for (let guard = 0; open !== null && open < dayEnd && open < at && guard < 64; guard++) {
    const close = calendar.nextClosing(open);
    if (close === null || close >= at) return close ?? at;
    lastClose = close;
    open = calendar.nextOpening(close);
  }
  return lastClose ?? first;
}
