/**
 * @module sla/clock-evaluate
 * Applies the targets in force to one timeline: budget, minutes used, due / warning / breach
 * instants, state, and the ledger.
 */

import { budgetMinutes, sameBudget } from './clock-budget.ts';
import type { Segment } from './clock-scan.ts';
import { ledgerIntervals, timelineSpan, walk, walked, withdrawnSpan } from './clock-walk.ts';
import { type SlaIssue, slaIssue } from './issues.ts';
import type { AppliedTarget, Clock, ClockState } from './ledger.ts';
import type { PreparedTarget } from './target-memo.ts';
import type { PromiseKind } from './targets.ts';
import type { Timeline } from './timeline.ts';

const PROMISES: readonly PromiseKind[] = ['customer', 'internal'];

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
    const dueAt = walked.due;
    const to = k + 1 < last ? (segments[k + 1] as Segment).from : span.end;
    if (breachedAt === null && dueAt !== null && dueAt < to) breachedAt = Math.max(dueAt, from);
    applied.push(appliedTarget(prepared, segment, from, budget, dueAt));
  }
  const target = applied[applied.length - 1] as AppliedTarget;
  const dueAt = walked.due;
  const warningAt = walked.warning;
  const usedMinutes = walked.used;
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
    runningMinutes: walked.running,
    pausedMinutes: walked.paused,
    dueAt,
    warningAt,
    breachedAt,
    asOf: now,
  });
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
