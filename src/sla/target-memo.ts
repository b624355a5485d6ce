/**
 * @module sla/target-memo
 * The resolver's answers, checked once and memoised per attribute set: calendars looked up, durations
 * parsed, targets grouped by metric.
 */

import type { Calendar } from '../hours/calendar.ts';
import { type BusinessDuration, isDurationError, readBusinessDuration } from '../hours/index.ts';
import type { AttributeValue, CaseAttributes } from './events.ts';
import { type SlaIssue, slaIssue } from './issues.ts';
import {
  attributeKey,
  type CalendarSource,
  lookupCalendar,
  METRICS,
  type Metric,
  type PolicyRef,
  PROMISES,
  type RuleRef,
  type Target,
  type TargetResolver,
  type TargetSet,
} from './targets.ts';

/**
 * A target ready to run: its calendar and parsed duration, and (copied out of `target` and `set`, so
 * that a clock reads one object) what its ledger shows.
 */
export interface PreparedTarget {
  readonly target: Target;
  readonly set: TargetSet;
  readonly calendar: Calendar;
  readonly duration: BusinessDuration;
  /** `duration.days` and `duration.minutes`. */
  readonly days: number;
  readonly minutes: number;
  readonly warnAt: number | null;
  /** Where it sits in `PreparedTargets.bySlot` (see `targetSlot`). */
  readonly slot: number;
  /** `target.duration` and `target.calendar`, as the policy wrote them. */
  readonly durationText: string;
  readonly calendarName: string;
  readonly policy: PolicyRef;
  readonly rule: RuleRef;
}

/** The resolver's answer for one attribute set. */
export interface PreparedTargets {
  readonly attributes: CaseAttributes;
  /**
   * The target of each (metric, promise), at `targetSlot(metricIndex, promiseIndex)`, or `null`:
   * clocks look their target up once per segment, so this is an index rather than a search.
   */
  readonly bySlot: readonly (PreparedTarget | null)[];
  /** Bit `1 << METRICS.indexOf(metric)` set when the metric has a target. */
  readonly mask: number;
  readonly issues: readonly SlaIssue[];
  /** Where attribute changes lead from here (keyed by `attributeKey(changes)`); `null`: no change. */
  readonly transitions: Map<string, Transition | null>;
  /** The same for one-attribute changes, by name then value (no key to build). */
  readonly single: Map<string, Map<AttributeValue, Transition | null>>;
}

/** The targets after an attribute change, and the change in words (`priority → urgent`). */
export interface Transition {
  readonly targets: PreparedTargets;
  readonly why: string;
}

const MEMO_LIMIT = 10_000;

/**
 * Where the target of a metric (index in `METRICS`) and promise (index in `PROMISES`) sits in `bySlot`.
 *
 * @example
 * targetSlot(METRICS.indexOf('resolution'), PROMISES.indexOf('internal')); // 7
 */
export function targetSlot(metricIndex: number, promiseIndex: number): number {
  return metricIndex * PROMISES.length + promiseIndex;
}

const METRIC_INDEX: Readonly<Record<Metric, number>> = {
  first_reply: 0,
  next_reply: 1,
  periodic_update: 2,
  resolution: 3,
  follow_up: 4,
};

/**
 * A memoising front of a resolver: by attribute-object identity first, then by attribute values.
 *
 * @example
 * const targets = new TargetMemo(resolver, { Support: support });
 * targets.get({ priority: 'high', tier: 'gold' }).mask; // metrics with a target, as bits
 */
export class TargetMemo {
  private readonly byObject = new WeakMap<CaseAttributes, PreparedTargets>();
  private readonly byKey = new Map<string, PreparedTargets>();
  /**
   * The attribute values last looked up by value, and their answer: cases in a row often have the same
   * attributes in different objects, and comparing a few values is cheaper than a hash look-up. A copy,
   * so that a caller changing its object afterwards changes nothing here.
   */
  private lastNames: readonly string[] = [];
  private lastValues: readonly AttributeValue[] = [];
  private lastPrepared: PreparedTargets | null = null;

  constructor(
    private readonly resolver: TargetResolver,
    private readonly calendars: CalendarSource,
  ) {}

  get(attributes: CaseAttributes): PreparedTargets {
    if (this.lastPrepared !== null && this.isLast(attributes)) return this.lastPrepared;
    let prepared = this.byObject.get(attributes);
    if (prepared !== undefined) return prepared;
    const key = attributeKey(attributes);
    prepared = this.byKey.get(key);
    if (prepared === undefined) {
      if (this.byKey.size >= MEMO_LIMIT) this.byKey.clear();
      prepared = prepare(attributes, this.resolver(attributes), this.calendars);
      this.byKey.set(key, prepared);
    }
    this.byObject.set(attributes, prepared);
    this.lastNames = Object.keys(attributes);
    this.lastValues = this.lastNames.map((name) => attributes[name] as AttributeValue);
    this.lastPrepared = prepared;
    return prepared;
  }

  /** Whether `attributes` has exactly the own names and values last looked up by value (same key). */
  private isLast(attributes: CaseAttributes): boolean {
    const names = this.lastNames;
    let count = 0;
    for (const name in attributes) {
      if (!Object.hasOwn(attributes, name)) return false;
      let k = 0;
      while (k < names.length && names[k] !== name) k++; // a plain loop: a handful of names
      if (k === names.length || this.lastValues[k] !== attributes[name]) return false;
      count++;
    }
    return count === names.length;
  }

  /** The targets after `changes` (only the changed names), or `null` when nothing actually changes. */
  change(from: PreparedTargets, changes: CaseAttributes): Transition | null {
    const names = Object.keys(changes);
    if (names.length === 1) {
      const name = names[0] as string;
      const value = changes[name] as AttributeValue;
      let byValue = from.single.get(name);
      if (byValue === undefined) {
        byValue = new Map();
        from.single.set(name, byValue);
      }
      let transition = byValue.get(value);
      if (transition === undefined) {
        transition = this.transition(from, changes, names);
        byValue.set(value, transition);
      }
      return transition;
    }
    const key = attributeKey(changes);
    let transition = from.transitions.get(key);
    if (transition === undefined) {
      transition = this.transition(from, changes, names);
      from.transitions.set(key, transition);
    }
    return transition;
  }

  private transition(
    from: PreparedTargets,
    changes: CaseAttributes,
    names: readonly string[],
  ): Transition | null {
    const before = from.attributes;
    let why = '';
    for (const name of names) {
      const value = changes[name];
      if (value === undefined || Object.is(before[name], value)) continue;
      why += `${why === '' ? '' : ', '}${name} → ${String(value)}`;
    }
    return why === '' ? null : { targets: this.get({ ...before, ...changes }), why };
  }
}

function prepare(
  attributes: CaseAttributes,
  set: TargetSet | null,
  calendars: CalendarSource,
): PreparedTargets {
  // Filled by push, not `new Array(n)`: a packed array keeps the clocks' look-ups on the fast path.
  const bySlot: (PreparedTarget | null)[] = [];
  for (let slot = 0; slot < METRICS.length * PROMISES.length; slot++) bySlot.push(null);
  const issues: SlaIssue[] = [];
  let mask = 0;
  if (set === null) {
    issues.push(slaIssue({ code: 'no-targets', attributes }));
    return { attributes, bySlot, mask, issues, transitions: new Map(), single: new Map() };
  }
  const where = { policy: set.policy, rule: set.rule, attributes };
  for (const target of set.targets) {
    const { metric, promise } = target;
    const calendar = lookupCalendar(calendars, target.calendar);
    const duration = readBusinessDuration(target.duration);
    if (calendar === undefined) {
      issues.push(
        slaIssue({ code: 'unknown-calendar', metric, promise, calendar: target.calendar, ...where }),
      );
      continue;
    }
    if (isDurationError(duration)) {
      const { offset, unexpected, expected } = duration;
      const problem = { column: offset + 1, unexpected, expected };
      issues.push(
        slaIssue({ code: 'invalid-duration', metric, promise, duration: target.duration, problem, ...where }),
      );
      continue;
    }
    let warnAt: number | null = target.warnAt ?? null;
    if (warnAt !== null && !(warnAt > 0 && warnAt <= 1)) {
      issues.push(slaIssue({ code: 'invalid-warning', metric, promise, ...where }));
      warnAt = null;
    }
    const index = METRIC_INDEX[metric];
    const promiseIndex = PROMISES.indexOf(promise);
    if (promiseIndex >= 0) {
      const slot = targetSlot(index, promiseIndex);
      if (bySlot[slot] !== null) continue; // first rule output wins
      bySlot[slot] = {
        target,
        set,
        calendar,
        duration,
        days: duration.days,
        minutes: duration.minutes,
        warnAt,
        slot,
        durationText: target.duration,
        calendarName: target.calendar,
        policy: set.policy,
        rule: set.rule,
      };
    }
    mask |= 1 << index;
  }
  return { attributes, bySlot, mask, issues, transitions: new Map(), single: new Map() };
}
