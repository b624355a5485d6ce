/**
 * @module hours/open-intervals
 * The opening hours of any calendar over a span of time, e.g. to publish "hours of operation" for a week.
 */

import type { Calendar } from './calendar.ts';

/**
 * The open intervals overlapping [from, to), clipped to it, as [open, close) pairs of instants.
 * @example openIntervals(calendar, Date.parse('2027-01-04T00:00:00Z'), Date.parse('2027-01-05T00:00:00Z'))
 * // [[Date.parse('2027-01-04T09:00:00Z'), Date.parse('2027-01-04T12:30:00Z')], [… 13:30, … 17:30]]
 */
export function openIntervals(calendar: Calendar, from: number, to: number): [number, number][] {
  const result: [number, number][] = [];
  let at = from;
  while (at < to) {
    const open = calendar.nextOpening(at);
    if (open === null || open >= to) break;
    const close = calendar.nextClosing(open);
    const end = close === null || close > to ? to : close;
    result.push([open, end]);
    at = end;
  }
  return result;
}
