/**
 * @module sla/clock-walk
 * One pass over a timeline's intervals in one calendar: open minutes used, where a budget runs out,
 * and the ledger's intervals. Results land in `walked` so the hot path allocates little.
 */

import type { Calendar } from '../hours/calendar.ts';
import type { LedgerInterval } from './ledger.ts';
import type { Timeline, Why } from './timeline.ts';

const MINUTE = 60_000;

/** How far a clock's life is read: to its stop (or a withdrawal), else to "now". */
export interface Span {
  readonly stopAt: number | null;
  readonly stopWhy: Why | null;
  readonly cancelled: boolean;
  /** End of the last interval: `stopAt ?? now`. */
  readonly end: number;
  /** Marks [0, marks) of the timeline belong to the span. */
  readonly marks: number;
}

/** Clocks are evaluated one at a time, so one span object serves them all (valid until the next call). */
const span: { -readonly [K in keyof Span]: Span[K] } = {
  stopAt: null,
  stopWhy: null,
  cancelled: false,
  end: 0,
  marks: 0,
};

/**
 * The span of a timeline: as the events left it (to its stop, else to "now"), or cut short at
 * `withdrawal` when its target was withdrawn then.
 */
export function spanOf(timeline: Timeline, now: number, withdrawal: number | null): Span {
  if (withdrawal === null) {
    span.stopAt = timeline.stoppedAt;
    span.stopWhy = timeline.stopWhy;
    span.cancelled = timeline.cancelled;
    span.end = timeline.stoppedAt ?? now;
    span.marks = timeline.marks;
    return span;
  }
  let marks = 1;
  while (marks < timeline.marks && timeline.fromAt(marks) < withdrawal) marks++;
  span.stopAt = withdrawal;
  span.stopWhy = 'target withdrawn';
  span.cancelled = true;
  span.end = withdrawal;
  span.marks = marks;
  return span;
}

/** Results of the last `walk` and `ledgerIntervals` (valid until the next call). */
export const walked = {
  /** Open minutes of each interval (0 when paused), when `keepMinutes` was asked. */
  minutes: new Float64Array(16),
  used: 0,
  due: null as number | null,
  warning: null as number | null,
  /** Wall minutes of running and paused intervals, from `ledgerIntervals`. */
  running: 0,
  paused: 0,
};

/**
 * Counts open minutes over the running intervals of the span and finds where `budget` (and
 * `warnBudget`, unless NaN) run out. Past the last interval the clock is taken to go on running: from
 * the last running interval while active, from the stop once stopped; never while paused now.
 * With `keepMinutes`, leaves each interval's open minutes in `walked.minutes`.
 */
export function walk(
  calendar: Calendar,
  timeline: Timeline,
  span: Span,
  budget: number,
  warnBudget: number,
  keepMinutes: boolean,
): void {
  if (keepMinutes && walked.minutes.length < span.marks) walked.minutes = new Float64Array(span.marks * 2);
  const minutes = walked.minutes;
  let used = 0;
  let due: number | null = null;
  let warning: number | null = Number.isNaN(warnBudget) ? Number.NaN : null;
  const last = span.marks - 1;
  for (let i = 0; i <= last; i++) {
    if (!timeline.runningAt(i)) {
      if (keepMinutes) minutes[i] = 0;
      continue;
    }
    const from = timeline.fromAt(i);
    const to = i < last ? timeline.fromAt(i + 1) : span.end;
    const counted = to > from ? calendar.elapsedMinutes(from, to) : 0;
    if (keepMinutes) minutes[i] = counted;
    const openEnded = i === last;
    if (due === null && (openEnded || used + counted >= budget)) {
      due = reach(calendar, from, budget - used, openEnded ? Number.POSITIVE_INFINITY : to);
    }
    if (warning === null && (openEnded || used + counted >= warnBudget)) {
      warning = reach(calendar, from, warnBudget - used, openEnded ? Number.POSITIVE_INFINITY : to);
    }
    used += counted;
  }
  if (span.stopAt !== null && !timeline.runningAt(last)) {
    if (due === null) due = reach(calendar, span.stopAt, budget - used, Number.POSITIVE_INFINITY);
    if (warning === null) warning = reach(calendar, span.stopAt, warnBudget - used, Number.POSITIVE_INFINITY);
  }
  walked.used = used;
  walked.due = due;
  walked.warning = warning !== null && Number.isNaN(warning) ? null : warning;
}

function reach(calendar: Calendar, from: number, minutes: number, limit: number): number | null {
  if (minutes < 0) minutes = 0;
  const at = calendar.addMinutes(from, minutes);
  if (!Number.isFinite(at)) return null;
  return Math.min(at, limit);
}

/** The ledger's intervals, with the minutes `walk` left; wall-minute totals in `walked`. */
export function ledgerIntervals(timeline: Timeline, span: Span): LedgerInterval[] {
  // Sized up front: `push` onto `[]` would reserve room for 17 (and a case has a dozen clocks or more).
  const intervals = new Array<LedgerInterval>(span.marks);
  let running = 0;
  let paused = 0;
  const last = span.marks - 1;
  for (let i = 0; i <= last; i++) {
    const from = timeline.fromAt(i);
    const closed = i < last || span.stopAt !== null;
    const to = i < last ? timeline.fromAt(i + 1) : span.end;
    const wallMinutes = (to - from) / MINUTE;
    const isRunning = timeline.runningAt(i);
    if (isRunning) running += wallMinutes;
    else paused += wallMinutes;
    intervals[i] = {
      state: isRunning ? 'running' : 'paused',
      from,
      to: closed ? to : null,
      why: timeline.whyAt(i),
      until: i < last ? timeline.whyAt(i + 1) : span.stopWhy,
      event: timeline.eventAt(i),
      wallMinutes,
      businessMinutes: walked.minutes[i] as number,
    };
  }
  walked.running = running;
  walked.paused = paused;
  return intervals;
}
