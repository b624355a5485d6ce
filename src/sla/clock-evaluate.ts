/**
 * @module sla/clock-evaluate
 * Applies the targets in force to one timeline: budget, minutes used, due / warning / breach
 * instants, state, and the ledger.
 */

import type { Calendar } from '../hours/calendar.ts';
import { businessDaysDue } from './business-days.ts';
import type { Segment } from './clock-scan.ts';
import { type SlaIssue, slaIssue } from './issues.ts';
import type { AppliedTarget, Clock, ClockState, LedgerInterval } from './ledger.ts';
import type { PreparedTarget } from './target-memo.ts';
import type { PromiseKind } from './targets.ts';
import type { Timeline, Why } from './timeline.ts';

const PROMISES: readonly PromiseKind[] = ['customer', 'internal'];
const MINUTE = 60_000;

/** How far a clock's life is read: to its stop (or a withdrawal), else to "now". */
interface Span {
  readonly stopAt: number | null;
  readonly stopWhy: Why | null;
  readonly cancelled: boolean;
  /** End of the last interval: `stopAt ?? now`. */
  readonly end: number;
  /** Marks [0, marks) of the timeline belong to the span. */
  readonly marks: number;
}

/**
 * Appends the clocks of one timeline (one per promise that has a target) to `out`.
 *
 * @example
 * for (const timeline of scan.timelines) evaluateTimeline(timeline, scan.segments, now, clocks, issues);
 */
export function evaluateTimeline(
  timeline: Timeline,
  segments: readonly Segment[],
  now: number,
  out: Clock[],
  issues: SlaIssue[],
): void {
  const metric = timeline.metricIndex;
  const end = timeline.stoppedAt ?? now;
  let first = 0;
  while (first + 1 < segments.length && (segments[first + 1] as Segment).from <= timeline.start) first++;
  let last = first + 1;
  while (last < segments.length) {
    const from = (segments[last] as Segment).from;
    if (from > end || (from === end && timeline.stoppedAt !== null)) break;
    last++;
  }
  for (const promise of PROMISES) {
    let any = false;
    for (let k = first; k < last && !any; k++) any = find(segments[k] as Segment, metric, promise) !== null;
    if (any) evaluatePromise(timeline, segments, first, last, metric, promise, now, out, issues);
  }
}

function find(segment: Segment, metric: number, promise: PromiseKind): PreparedTarget | null {
  const targets = segment.targets.byMetric[metric] as readonly PreparedTarget[];
  for (const target of targets) if (target.target.promise === promise) return target;
  return null;
}

function evaluatePromise(
  timeline: Timeline,
  segments: readonly Segment[],
  first: number,
  last: number,
  metric: number,
  promise: PromiseKind,
  now: number,
  out: Clock[],
  issues: SlaIssue[],
): void {
  let finalIndex = last - 1;
  while (finalIndex >= first && find(segments[finalIndex] as Segment, metric, promise) === null) finalIndex--;
  const withdrawal = finalIndex + 1 < last ? (segments[finalIndex + 1] as Segment).from : null;
  const span = withdrawal === null ? timelineSpan(timeline, now) : withdrawnSpan(timeline, withdrawal);
  const applied: AppliedTarget[] = [];
  let breachedAt: number | null = null;
  let previous: PreparedTarget | null = null;
  let previousBudget: number | null = null;
  for (let k = first; k <= finalIndex; k++) {
    const segment = segments[k] as Segment;
    const prepared = find(segment, metric, promise);
    if (prepared === null) continue;
    const from = Math.max(segment.from, timeline.start);
    const same = previous !== null && sameBudget(previous, prepared);
    const budget: number | null = same ? previousBudget : budgetMinutes(prepared, timeline.start);
    previous = prepared;
    previousBudget = budget;
    if (budget === null) {
      issues.push(noOpening(prepared));
      return;
    }
    const isFinal = k === finalIndex;
    const warnBudget = isFinal && prepared.warnAt !== null ? budget * prepared.warnAt : Number.NaN;
    walk(prepared.calendar, timeline, span, budget, warnBudget, isFinal);
    const dueAt = walkDue;
    const to = k + 1 < last ? (segments[k + 1] as Segment).from : span.end;
    if (breachedAt === null && dueAt !== null && dueAt < to) breachedAt = Math.max(dueAt, from);
    applied.push(appliedTarget(prepared, segment, from, budget, dueAt));
  }
  const target = applied[applied.length - 1] as AppliedTarget;
  const dueAt = walkDue;
  const warningAt = walkWarning;
  const usedMinutes = walkUsed;
  const finalBudget = target.budgetMinutes;
  const intervals = ledgerIntervals(timeline, span);
  const lastPaused = !(timeline.running[span.marks - 1] as boolean);
  const active = span.stopAt === null;
  let state: ClockState;
  if (span.cancelled) state = 'cancelled';
  else if (breachedAt !== null) state = 'breached';
  else if (!active) state = 'met';
  else state = lastPaused ? 'paused' : 'running';
  out.push({
    id: `${timeline.metric}:${promise}:${timeline.cycle}`,
    metric: timeline.metric,
    promise,
    cycle: timeline.cycle,
    state,
    active,
    paused: active && lastPaused,
    startedAt: timeline.start,
    stoppedAt: span.stopAt,
    stopWhy: span.stopWhy,
    target,
    targets: applied,
    intervals,
    budgetMinutes: finalBudget,
    usedMinutes,
    remainingMinutes: finalBudget - usedMinutes,
    runningMinutes: ledgerRunning,
    pausedMinutes: ledgerPaused,
    dueAt,
    warningAt,
    breachedAt,
    asOf: now,
  });
}

function timelineSpan(timeline: Timeline, now: number): Span {
  const stopAt = timeline.stoppedAt;
  return {
    stopAt,
    stopWhy: timeline.stopWhy,
    cancelled: timeline.cancelled,
    end: stopAt ?? now,
    marks: timeline.from.length,
  };
}

function withdrawnSpan(timeline: Timeline, at: number): Span {
  let marks = 1;
  while (marks < timeline.from.length && (timeline.from[marks] as number) < at) marks++;
  return { stopAt: at, stopWhy: 'target withdrawn', cancelled: true, end: at, marks };
}

function sameBudget(a: PreparedTarget, b: PreparedTarget): boolean {
  return (
    a.calendar === b.calendar &&
    a.duration.days === b.duration.days &&
    a.duration.minutes === b.duration.minutes
  );
}

/** Open minutes of the budget, counted from the clock's start (`P1D` depends on where it starts). */
function budgetMinutes(prepared: PreparedTarget, start: number): number | null {
  const { days, minutes } = prepared.duration;
  if (days === 0) return minutes;
  const due = businessDaysDue(prepared.calendar, start, days);
  if (due === null) return null;
  return prepared.calendar.elapsedMinutes(start, due) + minutes;
}

function appliedTarget(
  prepared: PreparedTarget,
  segment: Segment,
  from: number,
  budgetMinutes: number,
  dueAt: number | null,
): AppliedTarget {
  const { target, set } = prepared;
  return {
    from,
    why: segment.why,
    attributes: segment.targets.attributes,
    policy: set.policy,
    rule: set.rule,
    duration: target.duration,
    calendar: target.calendar,
    budgetMinutes,
    warnAt: prepared.warnAt,
    dueAt,
  };
}

function noOpening(prepared: PreparedTarget): SlaIssue {
  const { target, set } = prepared;
  return slaIssue({
    code: 'no-opening',
    metric: target.metric,
    promise: target.promise,
    calendar: target.calendar,
    policy: set.policy,
    rule: set.rule,
  });
}

// Results of `walk` and `ledgerIntervals`, kept in module scope so the hot path allocates less.
let walkMinutes = new Float64Array(16);
let walkUsed = 0;
let walkDue: number | null = null;
let walkWarning: number | null = null;

/**
 * Counts open minutes over the running intervals of the span and finds where `budget` (and
 * `warnBudget`, unless NaN) run out. Past the last interval the clock is taken to go on running: from
 * the last running interval while active, from the stop once stopped; never while paused now.
 * With `keepMinutes`, leaves each interval's open minutes (0 when paused) in `walkMinutes`.
 */
function walk(
  calendar: Calendar,
  timeline: Timeline,
  span: Span,
  budget: number,
  warnBudget: number,
  keepMinutes: boolean,
): void {
  if (keepMinutes && walkMinutes.length < span.marks) walkMinutes = new Float64Array(span.marks * 2);
  let used = 0;
  let due: number | null = null;
  let warning: number | null = Number.isNaN(warnBudget) ? Number.NaN : null;
  const last = span.marks - 1;
  for (let i = 0; i <= last; i++) {
    if (!(timeline.running[i] as boolean)) {
      if (keepMinutes) walkMinutes[i] = 0;
      continue;
    }
    const from = timeline.from[i] as number;
    const to = i < last ? (timeline.from[i + 1] as number) : span.end;
    const counted = to > from ? calendar.elapsedMinutes(from, to) : 0;
    if (keepMinutes) walkMinutes[i] = counted;
    const openEnded = i === last;
    if (due === null && (openEnded || used + counted >= budget)) {
      due = reach(calendar, from, budget - used, openEnded ? Number.POSITIVE_INFINITY : to);
    }
    if (warning === null && (openEnded || used + counted >= warnBudget)) {
      warning = reach(calendar, from, warnBudget - used, openEnded ? Number.POSITIVE_INFINITY : to);
    }
    used += counted;
  }
  if (span.stopAt !== null && !(timeline.running[last] as boolean)) {
    if (due === null) due = reach(calendar, span.stopAt, budget - used, Number.POSITIVE_INFINITY);
    if (warning === null) warning = reach(calendar, span.stopAt, warnBudget - used, Number.POSITIVE_INFINITY);
  }
  walkUsed = used;
  walkDue = due;
  walkWarning = warning !== null && Number.isNaN(warning) ? null : warning;
}

function reach(calendar: Calendar, from: number, minutes: number, limit: number): number | null {
  if (minutes < 0) minutes = 0;
  const at = calendar.addMinutes(from, minutes);
  if (!Number.isFinite(at)) return null;
  return Math.min(at, limit);
}

let ledgerRunning = 0;
let ledgerPaused = 0;

/** The ledger's intervals, with the minutes `walk` left; wall-minute totals in `ledgerRunning/Paused`. */
function ledgerIntervals(timeline: Timeline, span: Span): LedgerInterval[] {
  const intervals: LedgerInterval[] = [];
  let running = 0;
  let paused = 0;
  const last = span.marks - 1;
  for (let i = 0; i <= last; i++) {
    const from = timeline.from[i] as number;
    const closed = i < last || span.stopAt !== null;
    const to = i < last ? (timeline.from[i + 1] as number) : span.end;
    const wallMinutes = (to - from) / MINUTE;
    const isRunning = timeline.running[i] as boolean;
    if (isRunning) running += wallMinutes;
    else paused += wallMinutes;
    intervals.push({
      state: isRunning ? 'running' : 'paused',
      from,
      to: closed ? to : null,
      why: timeline.why[i] as Why,
      until: i < last ? (timeline.why[i + 1] as Why) : span.stopWhy,
      event: timeline.event[i] as number,
      wallMinutes,
      businessMinutes: walkMinutes[i] as number,
    });
  }
  ledgerRunning = running;
  ledgerPaused = paused;
  return intervals;
}
