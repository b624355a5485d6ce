/**
 * @module hours/build-timeline
 * Lays a week template over real local days: holidays and `Closed:` dates removed as whole local days, wall
 * times turned into instants in the calendar's zone, the result an `OpenTimeline` over whole years.
 */

import { dayNumber, weekday } from './civil-date.ts';
import { type HolidayRegion, publicHolidayDays } from './holidays.ts';
import { OpenTimeline } from './open-timeline.ts';
import type { WeekTemplate } from './parse-day-table.ts';
import { DAY_MINUTES } from './parse-time.ts';
import { ZoneDays } from './zone-days.ts';

/** Everything a calendar is made of, checked. */
export interface CalendarSpec {
  readonly zone: string;
  readonly week: WeekTemplate;
  readonly holidays: readonly HolidayRegion[];
  /** Local day numbers of the `Closed:` dates. */
  readonly closedDays: readonly number[];
}

/**
 * The open intervals from local midnight on 1 January `fromYear` to local midnight after 31 December `toYear`
 * (the timeline's [lo, hi]). Intervals of the day before are included so that a shift running past midnight
 * into 1 January is there, and the last day's shift is kept whole.
 * @example buildTimeline(spec, 2027, 2027).n // number of open intervals in 2027
 */
export function buildTimeline(spec: CalendarSpec, fromYear: number, toYear: number): OpenTimeline {
  const zoneDays = new ZoneDays(spec.zone, fromYear - 1, toYear + 1);
  const firstDay = dayNumber(fromYear, 1, 1) - 1;
  const lastDay = dayNumber(toYear + 1, 1, 1) - 1;

  // closed[d - firstDay] for every day generated and the day after the last (for shifts past midnight).
  const closed = new Uint8Array(lastDay - firstDay + 2);
  const markClosed = (day: number) => {
    if (day >= firstDay && day <= lastDay + 1) closed[day - firstDay] = 1;
  };
  spec.closedDays.forEach(markClosed);
  for (const region of spec.holidays) {
    for (let year = fromYear - 1; year <= toYear + 1; year++)
      publicHolidayDays(region, year).forEach(markClosed);
  }

  const opens: number[] = [];
  const closes: number[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    if (closed[day - firstDay] === 1) continue;
    for (const span of spec.week[weekday(day)]!) {
      opens.push(zoneDays.wallTime(day, span.open));
      if (span.close <= DAY_MINUTES) closes.push(zoneDays.wallTime(day, span.close));
      // A shift past midnight belongs to the day it starts; a closed next day still ends it at midnight.
      else if (closed[day + 1 - firstDay] === 1) closes.push(zoneDays.midnight(day + 1));
      else closes.push(zoneDays.wallTime(day + 1, span.close - DAY_MINUTES));
    }
  }
  return new OpenTimeline(opens, closes, zoneDays.midnight(firstDay + 1), zoneDays.midnight(lastDay + 1));
}
