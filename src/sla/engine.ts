/**
 * @module sla/engine
 * `computeClocks` and the reusable engine behind it: one resolver and one set of calendars,
 * memoised across cases (the fast path for queues, replays and benchmarks).
 */

import { CaseInstants } from './case-instants.ts';
import { evaluateTimeline } from './clock-evaluate.ts';
import { CaseScanner, scanCase } from './clock-scan.ts';
import { type CaseEvent, eventOrder, eventTimes } from './events.ts';
import { type Instant, toEpochMs } from './instant.ts';
import { type SlaIssue, slaIssue } from './issues.ts';
import type { Clock } from './ledger.ts';
import { TargetMemo } from './target-memo.ts';
import type { CalendarSource, TargetResolver } from './targets.ts';
import { MarkArena, type Timeline } from './timeline.ts';

/** The clocks of a case as of a moment, and what got in the way (see `SlaIssue`). */
export interface SlaResult {
  readonly clocks: readonly Clock[];
  readonly issues: readonly SlaIssue[];
}

export interface SlaEngineOptions {
  readonly resolver: TargetResolver;
  readonly calendars: CalendarSource;
}

/** Computes clocks for many cases with one resolver and one set of calendars. */
export interface SlaEngine {
  /** The clocks of one case as of `now`; events after `now` are ignored. */
  compute(events: readonly CaseEvent[], now: Instant): SlaResult;
}

const NO_CREATED: SlaIssue = slaIssue({ code: 'no-created-event' });

/**
 * An engine that memoises the resolver per attribute set (by object identity, then by value) and
 * reuses parsed durations and calendar look-ups. The resolver must be pure.
 *
 * @example
 * const engine = createSlaEngine({ resolver, calendars: { Support: support } });
 * const { clocks } = engine.compute(events, '2027-01-04T12:00:00Z');
 * nextDeadline(clocks); // the instant the case's queue position is ordered by
 */
export function createSlaEngine(options: SlaEngineOptions): SlaEngine {
  const memo = new TargetMemo(options.resolver, options.calendars);
  let buffer: Float64Array = new Float64Array(64);
  const scanner = new CaseScanner(new MarkArena());
  const instants = new CaseInstants();
  let busy = false; // a resolver computing clocks itself must not share the buffer, scanner and instants
  return {
    compute(events, now) {
      const asOf = toEpochMs(now);
      if (busy) {
        const fresh = new CaseScanner(new MarkArena());
        return computeCase(events, eventTimes(events), asOf, memo, fresh, new CaseInstants());
      }
      const times = eventTimes(events, buffer);
      buffer = times;
      busy = true;
      try {
        return computeCase(events, times, asOf, memo, scanner, instants);
      } finally {
        busy = false;
      }
    },
  };
}

function computeCase(
  events: readonly CaseEvent[],
  times: Float64Array,
  asOf: number,
  memo: TargetMemo,
  scanner: CaseScanner,
  instants: CaseInstants,
): SlaResult {
  const scan = scanCase(events, times, eventOrder(times, events.length), asOf, memo, scanner);
  if (scan === null) return { clocks: [], issues: [NO_CREATED] };
  instants.reset(times, events.length, asOf);
  const clocks: Clock[] = [];
  const issues: SlaIssue[] = [];
  for (const segment of scan.segments) {
    for (const issue of segment.targets.issues) if (!issues.includes(issue)) issues.push(issue);
  }
  const { timelines, count, segments } = scan;
  for (let t = 0; t < count; t++)
    evaluateTimeline(timelines[t] as Timeline, segments, instants, clocks, issues);
  return { clocks, issues };
}

const engines = new WeakMap<TargetResolver, WeakMap<object, SlaEngine>>();

/**
 * The clocks of one case as of `now`: one per metric cycle and promise that the policy targets, each
 * with its ledger. Engines are cached per (resolver, calendars) pair, so repeated calls with the same
 * two objects share the resolver memo.
 *
 * @example
 * const { clocks, issues } = computeClocks(
 *   [
 *     { type: 'created', at: '2027-01-04T09:00:00Z', attributes: { priority: 'high', channel: 'email' } },
 *     { type: 'agent_reply', at: '2027-01-04T10:30:00Z' },
 *   ],
 *   resolver,
 *   { Support: support },
 *   '2027-01-04T12:00:00Z',
 * );
 * clocks[0]?.state; // 'met'
 */
export function computeClocks(
  events: readonly CaseEvent[],
  resolver: TargetResolver,
  calendars: CalendarSource,
  now: Instant,
): SlaResult {
  let byCalendars = engines.get(resolver);
  if (byCalendars === undefined) {
    byCalendars = new WeakMap();
    engines.set(resolver, byCalendars);
  }
  let engine = byCalendars.get(calendars);
  if (engine === undefined) {
    engine = createSlaEngine({ resolver, calendars });
    byCalendars.set(calendars, engine);
  }
  return engine.compute(events, now);
}
