/**
 * @module sla/clock-evaluate
 * Applies the targets in force to one timeline: budget, minutes used, due / warning / breach
 * instants, state, and the ledger.
 */

import { budgetMinutes, sameBudget } from './clock-budget.ts';
import type { Segment } from './clock-scan.ts';
import { ledgerIntervals, type Span, spanOf, walk, walked } from './clock-walk.ts';
import { type SlaIssue, slaIssue } from './issues.ts';
import type { AppliedTarget, Clock, ClockState, LedgerInterval } from './ledger.ts';
import { type PreparedTarget, targetSlot } from './target-memo.ts';
import { PROMISES } from './targets.ts';
import type { Timeline } from './timeline.ts';

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
  const end = timeline.stoppedAt ?? now;
  let first = 0;
  while (first + 1 < segments.length && (segments[first + 1] as Segment).from <= timeline.start) first++;
  let last = first + 1;
  while (last < segments.length) {
    const from = (segments[last] as Segment).from;
    if (from > end || (from === end && timeline.stoppedAt !== null)) break;
    last++;
  }
  for (let promise = 0; promise < PROMISES.length; promise++) {
    const slot = targetSlot(timeline.metricIndex, promise);
    // The last segment targeting this metric and promise; none in [first, last): no clock.
    let finalIndex = last - 1;
    while (finalIndex >= first && targetOf(segments, finalIndex, slot) === null) finalIndex--;
    if (finalIndex >= first) {
      evaluatePromise(timeline, segments, first, last, finalIndex, slot, promise, now, out, issues);
    }
  }
}

function targetOf(segments: readonly Segment[], index: number, slot: number): PreparedTarget | null {
  return (segments[index] as Segment).targets.bySlot[slot] as PreparedTarget | null;
}

function evaluatePromise(
  timeline: Timeline,
  segments: readonly Segment[],
  first: number,
  last: number,
  finalIndex: number,
  slot: number,
  promiseIndex: number,
  now: number,
  out: Clock[],
  issues: SlaIssue[],
): void {
  const withdrawal = finalIndex + 1 < last ? (segments[finalIndex + 1] as Segment).from : null;
  const span = spanOf(timeline, now, withdrawal);
  const start = timeline.start;

  // The final target is walked first: its walk gives the ledger, and its due instant is also that of
  // every earlier target with the same calendar and budget (a re-targeting that leaves this clock
  // alone), which then need no walk of their own. A due instant depends on nothing else.
  const finalTarget = targetOf(segments, finalIndex, slot) as PreparedTarget;
  const finalBudget = budgetMinutes(finalTarget, start);
  let finalDue: number | null = null;
  let warningAt: number | null = null;
  let usedMinutes = 0;
  let intervals: LedgerInterval[] = [];
  let runningMinutes = 0;
  let pausedMinutes = 0;
  if (finalBudget !== null) {
    const warnBudget = finalTarget.warnAt !== null ? finalBudget * finalTarget.warnAt : Number.NaN;
    walk(finalTarget.calendar, timeline, span, finalBudget, warnBudget, true);
    finalDue = walked.due;
    warningAt = walked.warning;
    usedMinutes = walked.used;
    intervals = ledgerIntervals(timeline, span);
    runningMinutes = walked.running;
    pausedMinutes = walked.paused;
  } // else the loop below reports the first target (in time order) whose calendar never opens

  // Sized up front, as the ledger's intervals (`push` onto `[]` would reserve room for 17), and cut
  // to length below in the rare case where a segment in between had no target for this clock.
  const applied = new Array<AppliedTarget>(finalIndex - first + 1);
  let n = 0;
  let breachedAt: number | null = null;
  let previous: PreparedTarget | null = null;
  let previousBudget: number | null = null;
  for (let k = first; k <= finalIndex; k++) {
    const segment = segments[k] as Segment;
    const prepared = targetOf(segments, k, slot);
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
    const dueAt =
      prepared.calendar === finalTarget.calendar && budget === finalBudget
        ? finalDue
        : dueOver(prepared, timeline, span, budget);
    const from = Math.max(segment.from, start);
    const to = k + 1 < last ? (segments[k + 1] as Segment).from : span.end;
    if (breachedAt === null && dueAt !== null && dueAt < to) breachedAt = Math.max(dueAt, from);
    applied[n++] = appliedTarget(prepared, segment, from, budget, dueAt);
  }

  if (n < applied.length) applied.length = n;
  const target = applied[n - 1] as AppliedTarget;
  const budget = target.budgetMinutes;
  const lastPaused = !timeline.runningAt(span.marks - 1);
  const active = span.stopAt === null;
  let state: ClockState;
  if (span.cancelled) state = 'cancelled';
  else if (breachedAt !== null) state = 'breached';
  else if (!active) state = 'met';
  else state = lastPaused ? 'paused' : 'running';
  const promise = PROMISES[promiseIndex] as Clock['promise'];
  out.push({
    id: clockId(timeline, slot, promise),
    metric: timeline.metric,
    promise,
    cycle: timeline.cycle,
    state,
    active,
    paused: active && lastPaused,
    startedAt: start,
    stoppedAt: span.stopAt,
    stopWhy: span.stopWhy,
    target,
    targets: applied,
    intervals,
    budgetMinutes: budget,
    usedMinutes,
    remainingMinutes: budget - usedMinutes,
    runningMinutes,
    pausedMinutes,
    dueAt: finalDue,
    warningAt,
    breachedAt,
    asOf: now,
  });
}

/** The due instant of a target that no longer applies at the end of the span (no warning, no ledger). */
function dueOver(prepared: PreparedTarget, timeline: Timeline, span: Span, budget: number): number | null {
  walk(prepared.calendar, timeline, span, budget, Number.NaN, false);
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
