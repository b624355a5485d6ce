/**
 * @module sla/clock-walk
 * One pass over a timeline's intervals in one calendar: open minutes used, where a budget runs out,
 * and (for the target in force) the ledger's intervals. Results land in `walked` so the hot path
 * allocates only what the ledger keeps.
 */

import type { Calendar, InstantPlacement } from '../hours/calendar.ts';
import type { CaseInstants } from './case-instants.ts';
import type { Segment } from './clock-scan.ts';
import type { LedgerInterval } from './ledger.ts';
import type { Timeline, Why } from './timeline.ts';

const MINUTE = 60_000;

/** How far a clock's life is read: to its stop (or a withdrawal), else to "now". */
export interface Span {
  /** The stop (or withdrawal), NaN while counting: see `Timeline.stopAt`. */
  readonly stopAt: number;
  readonly stopWhy: Why | null;
  readonly cancelled: boolean;
  /** End of the last interval: the stop, else now. */
  readonly end: number;
  /** The event index of `end` (see `CasePositions`). */
  readonly endEvent: number;
  /** Marks [0, marks) of the timeline belong to the span. */
  readonly marks: number;
}

/** Clocks are evaluated one at a time, so one span object serves them all (valid until the next call). */
const span: { -readonly [K in keyof Span]: Span[K] } = {
  stopAt: Number.NaN,
  stopWhy: null,
  cancelled: false,
  end: 0,
  endEvent: 0,
  marks: 0,
};

/**
 * The span of a timeline: as the events left it (to its stop, else to "now"), or cut short where
 * `withdrawn` begins when its target was withdrawn then.
 */
export function spanOf(timeline: Timeline, instants: CaseInstants, withdrawn: Segment | null): Span {
  if (withdrawn === null) {
    const stopAt = timeline.stopAt;
    const active = Number.isNaN(stopAt);
    span.stopAt = stopAt;
    span.stopWhy = timeline.stopWhy;
    span.cancelled = timeline.cancelled;
    span.end = active ? instants.now : stopAt;
    span.endEvent = active ? instants.nowEvent : timeline.stopEvent;
    span.marks = timeline.marks;
    return span;
  }
  const withdrawal = withdrawn.from;
  let marks = 1;
  while (marks < timeline.marks && timeline.fromAt(marks) < withdrawal) marks++;
  span.stopAt = withdrawal;
  span.stopWhy = 'target withdrawn';
  span.cancelled = true;
  span.end = withdrawal;
  span.endEvent = withdrawn.event;
  span.marks = marks;
  return span;
}

/**
 * Results of the last `walk` or `walkLedger` (valid until the next call). Instants are NaN where the
 * ledger says null: number-only fields are stored in place, where `null | number` would box each store.
 */
export const walked = {
  used: 0,
  due: Number.NaN,
  warning: Number.NaN,
  /** Wall minutes of running and paused intervals, from `walkLedger`. */
  running: 0,
  paused: 0,
};

/**
 * Counts open minutes over the running intervals of the span and finds where `budget` (and
 * `warnBudget`, unless NaN) run out. Past the last interval the clock is taken to go on running: from
 * the last running interval while active, from the stop once stopped; never while paused now.
 * `placement`: the case's instants placed in `calendar` (`CaseInstants`), or null to ask the calendar.
 */
export function walk(
  calendar: Calendar,
  placement: InstantPlacement | null,
  timeline: Timeline,
  span: Span,
  budget: number,
  warnBudget: number,
): void {
  const { from: froms, running: runnings, event: events } = timeline.arena;
  const base = timeline.base;
  const last = span.marks - 1;
  let used = 0;
  let due = Number.NaN;
  // Like `due`, tried again until found; not wanted at all when `warnBudget` is NaN.
  let warning = Number.NaN;
  let warningDone = Number.isNaN(warnBudget);
  for (let i = 0; i <= last; i++) {
    if (runnings[base + i] !== 1) continue;
    const from = froms[base + i] as number;
    const openEnded = i === last;
    const to = openEnded ? span.end : (froms[base + i + 1] as number);
    const toEvent = openEnded ? span.endEvent : (events[base + i + 1] as number);
    const counted =
      to > from ? openMinutes(calendar, placement, from, to, events[base + i] as number, toEvent) : 0;
    if (Number.isNaN(due) && (openEnded || used + counted >= budget)) {
      due = reachFromMark(calendar, placement, timeline, i, openEnded, budget - used);
    }
    if (!warningDone && (openEnded || used + counted >= warnBudget)) {
      warning = reachFromMark(calendar, placement, timeline, i, openEnded, warnBudget - used);
      warningDone = !Number.isNaN(warning);
    }
    used += counted;
  }
  const stopAt = span.stopAt;
  if (!Number.isNaN(stopAt) && runnings[base + last] !== 1) {
    if (Number.isNaN(due)) due = reachFromStop(calendar, placement, span, budget - used);
    if (!warningDone) warning = reachFromStop(calendar, placement, span, warnBudget - used);
  }
  walked.used = used;
  walked.due = due;
  walked.warning = warning;
}

/**
 * `walk` for the target in force, building the ledger's intervals in the same pass (each with its
 * open minutes); wall-minute totals in `walked`.
 */
export function walkLedger(
  calendar: Calendar,
  placement: InstantPlacement | null,
  timeline: Timeline,
  span: Span,
  budget: number,
  warnBudget: number,
): LedgerInterval[] {
  const { from: froms, running: runnings, why: whys, event: events } = timeline.arena;
  const base = timeline.base;
  const marks = span.marks;
  const last = marks - 1;
  const stopAt = span.stopAt;
  const stopped = !Number.isNaN(stopAt);
  // Sized up front: `push` onto `[]` would reserve room for 17 (and a case has a dozen clocks or more).
  // Most clocks have one interval, whose array is built as a literal around it (cheaper still).
  const intervals = marks === 1 ? null : new Array<LedgerInterval>(marks);
  let only: LedgerInterval | null = null;
  let used = 0;
  let due = Number.NaN;
  let warning = Number.NaN;
  let warningDone = Number.isNaN(warnBudget);
  let runningWall = 0;
  let pausedWall = 0;
  for (let i = 0; i <= last; i++) {
    const from = froms[base + i] as number;
    const event = events[base + i] as number;
    const openEnded = i === last;
    const to = openEnded ? span.end : (froms[base + i + 1] as number);
    const wallMinutes = (to - from) / MINUTE;
    let counted = 0;
    const isRunning = runnings[base + i] === 1;
    if (isRunning) {
      runningWall += wallMinutes;
      if (to > from) {
        const toEvent = openEnded ? span.endEvent : (events[base + i + 1] as number);
        counted = openMinutes(calendar, placement, from, to, event, toEvent);
      }
      if (Number.isNaN(due) && (openEnded || used + counted >= budget)) {
        due = reachFromMark(calendar, placement, timeline, i, openEnded, budget - used);
      }
      if (!warningDone && (openEnded || used + counted >= warnBudget)) {
        warning = reachFromMark(calendar, placement, timeline, i, openEnded, warnBudget - used);
        warningDone = !Number.isNaN(warning);
      }
      used += counted;
    } else pausedWall += wallMinutes;
    const interval: LedgerInterval = {
      state: isRunning ? 'running' : 'paused',
      from,
      to: openEnded && !stopped ? null : to,
      why: whys[base + i] as Why,
      until: openEnded ? span.stopWhy : (whys[base + i + 1] as Why),
      event,
      wallMinutes,
      businessMinutes: counted,
    };
    if (intervals === null) only = interval;
    else intervals[i] = interval;
  }
  if (stopped && runnings[base + last] !== 1) {
    if (Number.isNaN(due)) due = reachFromStop(calendar, placement, span, budget - used);
    if (!warningDone) warning = reachFromStop(calendar, placement, span, warnBudget - used);
  }
  walked.used = used;
  walked.due = due;
  walked.warning = warning;
  walked.running = runningWall;
  walked.paused = pausedWall;
  return intervals ?? [only as LedgerInterval];
}

/** Open minutes from `from` to `to`, the instants of events `fromEvent` and `toEvent` of the case. */
function openMinutes(
  calendar: Calendar,
  placement: InstantPlacement | null,
  from: number,
  to: number,
  fromEvent: number,
  toEvent: number,
): number {
  if (placement === null) return calendar.elapsedMinutes(from, to);
  const positions = placement.positions;
  const minutes = ((positions[toEvent] as number) - (positions[fromEvent] as number)) / MINUTE;
  // NaN: an instant outside the calendar's years, which the calendar itself reports.
  return Number.isNaN(minutes) ? calendar.elapsedMinutes(from, to) : minutes;
}

/**
 * Where `minutes` from mark `i` run out, no later than the next mark unless `openEnded`; NaN when
 * never (the calendar never opens). Instants are read here rather than passed in: see `MarkArena`.
 */
function reachFromMark(
  calendar: Calendar,
  placement: InstantPlacement | null,
  timeline: Timeline,
  i: number,
  openEnded: boolean,
  minutes: number,
): number {
  const arena = timeline.arena;
  const slot = timeline.base + i;
  const budget = Math.max(minutes, 0);
  const at =
    placement === null
      ? calendar.addMinutes(arena.from[slot] as number, budget)
      : placement.addMinutes(arena.event[slot] as number, budget);
  if (!Number.isFinite(at)) return Number.NaN;
  return openEnded ? at : Math.min(at, arena.from[slot + 1] as number);
}

/** Where `minutes` from the span's stop run out; NaN when never. */
function reachFromStop(
  calendar: Calendar,
  placement: InstantPlacement | null,
  span: Span,
  minutes: number,
): number {
  const budget = Math.max(minutes, 0);
  const at =
    placement === null
      ? calendar.addMinutes(span.stopAt, budget)
      : placement.addMinutes(span.endEvent, budget);
  return Number.isFinite(at) ? at : Number.NaN;
}
