/**
 * @module sla/calendars.test-support
 * Test-only calendars in UTC (a stand-in until `hours` exports `compileCalendar`): weekly opening
 * intervals in minutes of the day, plus closed dates. Not for production use.
 */

import type { Calendar } from '../hours/calendar.ts';

const DAY = 86_400_000;
const MINUTE = 60_000;
const HORIZON_DAYS = 800;

/** Opening intervals `[open, close)` in minutes since midnight UTC, per weekday (0 = Sunday). */
export type WeeklySchedule = Readonly<Record<number, readonly (readonly [number, number])[]>>;

/**
 * A UTC calendar from a weekly schedule and closed dates (`YYYY-MM-DD`).
 *
 * @example
 * const weekdays = weeklyCalendar('Support', { 1: [[540, 1020]], 2: [[540, 1020]] });
 */
export function weeklyCalendar(
  name: string,
  schedule: WeeklySchedule,
  closed: readonly string[] = [],
): Calendar {
  const closedDays = new Set(closed.map((date) => Date.parse(`${date}T00:00:00Z`) / DAY));
  function intervals(day: number): readonly (readonly [number, number])[] {
    if (closedDays.has(day)) return [];
    const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    return (schedule[weekday] ?? []).map(([open, close]) => [
      day * DAY + open * MINUTE,
      day * DAY + close * MINUTE,
    ]);
  }
  /** Open intervals that end after `at`, in order, up to the horizon. */
  function* from(at: number): Generator<readonly [number, number]> {
    const first = Math.floor(at / DAY);
    for (let day = first; day < first + HORIZON_DAYS; day++) {
      for (const interval of intervals(day)) if (interval[1] > at) yield interval;
    }
  }
  function elapsed(start: number, end: number): number {
    let total = 0;
    for (const [open, close] of from(start)) {
      if (open >= end) break;
      total += Math.min(close, end) - Math.max(open, start);
    }
    return total / MINUTE;
  }
  return {
    name,
    zone: 'UTC',
    addMinutes(start, minutes) {
      let left = minutes * MINUTE;
      for (const [open, close] of from(start)) {
        const begin = Math.max(open, start);
        if (left <= close - begin) return begin + left;
        left -= close - begin;
      }
      return Number.POSITIVE_INFINITY;
    },
    elapsedMinutes(start, end) {
      return end >= start ? elapsed(start, end) : -elapsed(end, start);
    },
    isOpen(at) {
      return intervals(Math.floor(at / DAY)).some(([open, close]) => open <= at && at < close);
    },
    nextOpening(at) {
      for (const [open] of from(at)) return Math.max(open, at);
      return null;
    },
    nextClosing(at) {
      for (const [, close] of from(at)) return close;
      return null;
    },
  };
}

const ALL_DAY: readonly (readonly [number, number])[] = [[0, 1440]];
const NINE_TO_FIVE: readonly (readonly [number, number])[] = [[540, 1020]];
const WITH_LUNCH: readonly (readonly [number, number])[] = [
  [540, 750],
  [810, 1050],
];

/** Open all the time. */
export const always = weeklyCalendar('24/7', {
  0: ALL_DAY,
  1: ALL_DAY,
  2: ALL_DAY,
  3: ALL_DAY,
  4: ALL_DAY,
  5: ALL_DAY,
  6: ALL_DAY,
});

/** Monday–Friday 09:00–17:00 UTC. */
export const weekdays = weeklyCalendar('Weekdays', {
  1: NINE_TO_FIVE,
  2: NINE_TO_FIVE,
  3: NINE_TO_FIVE,
  4: NINE_TO_FIVE,
  5: NINE_TO_FIVE,
});

/** Monday–Friday 09:00–12:30, 13:30–17:30; Saturday 10:00–14:00 UTC (the design's example, in UTC). */
export const lunchBreak = weeklyCalendar('Support', {
  1: WITH_LUNCH,
  2: WITH_LUNCH,
  3: WITH_LUNCH,
  4: WITH_LUNCH,
  5: WITH_LUNCH,
  6: [[600, 840]],
});
