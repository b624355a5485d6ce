/**
 * @module sla/clock-evaluate
 * Applies the targets in force to one timeline: budget, minutes used, due / warning / breach
 * instants, state, and the ledger.
 */

import type { CaseInstants } from './case-instants.ts';
import { budgetMinutes, sameBudget } from './clock-budget.ts';
import type { Segment } from './clock-scan.ts';
import { type Span, spanOf, walk, walked, walkLedger } from './clock-walk.ts';
import { type SlaIssue, slaIssue } from './issues.ts';
import type { AppliedTarget, Clock, ClockState, LedgerInterval } from './ledger.ts';
import type { PreparedTarget } from './target-memo.ts';
import { PROMISES } from './targets.ts';
import type { Timeline } from './timeline.ts';

/**
 * Appends the clocks of one timeline (one per promise that has a target) to `out`.
 *
 * @example
 * for (const timeline of scan.timelines) evaluateTimeline(timeline, scan.segments, instants, clocks, issues);
 */
export function evaluateTimeline(
  timeline: Timeline,
  segments: readonly Segment[],
  instants: CaseInstants,
  out: Clock[],
  issues: SlaIssue[],
): void {
  const stopAt = timeline.stopAt;
  const stopped = !Number.isNaN(stopAt);
  const end = stopped ? stopAt : instants.now;
  const start = timeline.startAt;
  const count = segments.length;
  let first = 0;
  while (first + 1 < count && (segments[first + 1] as Segment).from <= start) first++;
  let last = first + 1;
  while (last < count) {
    const from = (segments[last] as Segment).from;
    if (from > end || (from === end && stopped)) break;
    last++;
  }
  const slots = timeline.metricIndex * PROMISES.length; // see `targetSlot`
  for (let promise = 0; promise < PROMISES.length; promise++) {
    const slot = slots + promise;
    // The last segment targeting this metric and promise; none in [first, last): no clock.
    let finalIndex = last - 1;
    let finalTarget = (segments[finalIndex] as Segment).bySlot[slot] as PreparedTarget | null;
    while (finalTarget === null && finalIndex > first) {
      finalIndex--;
      finalTarget = (segments[finalIndex] as Segment).bySlot[slot] as PreparedTarget | null;
    }
    if (finalTarget !== null) {
      evaluatePromise(
        timeline,
        segments,
        first,
        last,
        finalIndex,
        finalTarget,
        promise,
        instants,
        out,
        issues,
      );
    }
  }
}

function evaluatePromise(
  timeline: Timeline,
  segments: readonly Segment[],
  first: number,
  last: number,
  finalIndex: number,
  finalTarget: PreparedTarget,
  promiseIndex: number,
  instants: CaseInstants,
  out: Clock[],
  issues: SlaIssue[],
): void {
  const now = instants.now;
  const span = spanOf(
    timeline,
    instants,
    finalIndex + 1 < last ? (segments[finalIndex + 1] as Segment) : null,
  );
  const start = timeline.startAt;

  // The final target is walked first: its walk gives the ledger, and its due instant is also that of
  // every earlier target with the same calendar and budget (a re-targeting that leaves this clock
  // alone), which then need no walk of their own. A due instant depends on nothing else.
  const finalBudget = budgetMinutes(finalTarget, start);
  let finalDue = Number.NaN;
  let warningAt = Number.NaN;
  let usedMinutes = 0;
  let intervals: LedgerInterval[] = [];
  let runningMinutes = 0;
  let pausedMinutes = 0;
  if (finalBudget !== null) {
    const warnBudget = finalTarget.warnAt !== null ? finalBudget * finalTarget.warnAt : Number.NaN;
    const calendar = finalTarget.calendar;
    intervals = walkLedger(calendar, instants.placementIn(calendar), timeline, span, finalBudget, warnBudget);
    finalDue = walked.due;
    warningAt = walked.warning;
    usedMinutes = walked.used;
    runningMinutes = walked.running;
    pausedMinutes = walked.paused;
  } // else the targets below report the first one (in time order) whose calendar never opens

  let applied: AppliedTarget[];
  let breachedAt: number | null = null;
  if (first === finalIndex && finalBudget !== null) {
    // One target over the whole clock (no re-targeting in its life): the common case.
    const segment = segments[first] as Segment;
    const dueAt = Number.isNaN(finalDue) ? null : finalDue;
    const from = Math.max(segment.from, start);
    const to = first + 1 < last ? (segments[first + 1] as Segment).from : span.end;
    if (dueAt !== null && dueAt < to) breachedAt = Math.max(dueAt, from);
    applied = [appliedTarget(finalTarget, segment, from, finalBudget, dueAt)];
  } else {
    // Sized up front, as the ledger's intervals (`push` onto `[]` would reserve room for 17), and cut
    // to length below in the rare case where a segment in between had no target for this clock.
    applied = new Array<AppliedTarget>(finalIndex - first + 1);
    let n = 0;
    let previous: PreparedTarget | null = null;
    let previousBudget: number | null = null;
    for (let k = first; k <= finalIndex; k++) {
      const segment = segments[k] as Segment;
      const prepared = segment.bySlot[finalTarget.slot] as PreparedTarget | null;
      if (prepared === null) continue;
      const budget: number | null = sameBudget(prepared, finalTarget)
        ? finalBudget
        : previous !== null && sameBudget(previous, prepared)
          ? previousBudget
          : budgetMinutes(prepared, start);
      previous = prepared;
      previousBudget = budget;
      if (budget === null) {
        issues.push(noOpening(prepared));
        return;
      }
      const due =
        prepared.calendar === finalTarget.calendar && budget === finalBudget
          ? finalDue
          : dueOver(prepared, instants, timeline, span, budget);
      const dueAt = Number.isNaN(due) ? null : due;
      const from = Math.max(segment.from, start);
      const to = k + 1 < last ? (segments[k + 1] as Segment).from : span.end;
      if (breachedAt === null && dueAt !== null && dueAt < to) breachedAt = Math.max(dueAt, from);
      applied[n++] = appliedTarget(prepared, segment, from, budget, dueAt);
    }
    if (n < applied.length) applied.length = n;
  }

  const target = applied[applied.length - 1] as AppliedTarget;
  const budget = target.budgetMinutes;
  const lastPaused = !timeline.runningAt(span.marks - 1);
  const active = Number.isNaN(span.stopAt);
  let state: ClockState;
  if (span.cancelled) state = 'cancelled';
  else if (breachedAt !== null) state = 'breached';
  else if (!active) state = 'met';
  else state = lastPaused ? 'paused' : 'running';
  const promise = PROMISES[promiseIndex] as Clock['promise'];
  const id = clockId(timeline, finalTarget.slot, promise);
  const stoppedAt = active ? null : span.stopAt;
  const dueAt = Number.isNaN(finalDue) ? null : finalDue;
  const warning = Number.isNaN(warningAt) ? null : warningAt;
  // Every value is ready before the object is built: with no call in between, the engine fills a
  // fresh object without a write barrier per field.
  out.push({
    id,
    metric: timeline.metric,
    promise,
    cycle: timeline.cycle,
    state,
    active,
    paused: active && lastPaused,
    startedAt: start,
    stoppedAt,
    stopWhy: span.stopWhy,
    target,
    targets: applied,
    intervals,
    budgetMinutes: budget,
    usedMinutes,
    remainingMinutes: budget - usedMinutes,
    runningMinutes,
    pausedMinutes,
    dueAt,
    warningAt: warning,
    breachedAt,
    asOf: now,
  });
}

/** The due instant (NaN: none) of a target no longer in force at the end of the span: no warning, no ledger. */
function dueOver(
  prepared: PreparedTarget,
  instants: CaseInstants,
  timeline: Timeline,
  span: Span,
  budget: number,
): number {
  const calendar = prepared.calendar;
  walk(calendar, instants.placementIn(calendar), timeline, span, budget, Number.NaN);
  return walked.due;
}

/** Ids of the first cycles by slot and cycle: the same few strings are needed for every case. */
const CACHED_CYCLES = 64;
const clockIds: string[][] = [];

function clockId(timeline: Timeline, slot: number, promise: Clock['promise']): string {
  const cycle = timeline.cycle;
  if (cycle >= CACHED_CYCLES) return `${timeline.metric}:${promise}:${cycle}`;
  let ids = clockIds[slot];
  if (ids === undefined) {
    ids = [];
    clockIds[slot] = ids;
  }
  let id = ids[cycle];
  if (id === undefined) {
    id = `${timeline.metric}:${promise}:${cycle}`;
    ids[cycle] = id;
  }
  return id;
}

function appliedTarget(
  prepared: PreparedTarget,
  segment: Segment,
  from: number,
  budgetMinutes: number,
  dueAt: number | null,
): AppliedTarget {
  return {
    from,
    why: segment.why,
    attributes: segment.attributes,
    policy: prepared.policy,
    rule: prepared.rule,
    duration: prepared.durationText,
    calendar: prepared.calendarName,
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
