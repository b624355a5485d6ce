/**
 * @module sla/targets
 * What the response-times policy answers for a case: targets per metric, and the rule that chose them.
 * Kept free of the policy engine: the caller adapts its decision to a `TargetResolver`.
 */

import type { Calendar } from '../hours/calendar.ts';
import type { CaseAttributes } from './events.ts';

/** The measured things. */
export type Metric = 'first_reply' | 'next_reply' | 'periodic_update' | 'resolution' | 'follow_up';

/** The metrics in a fixed order (the order clocks are listed in). */
export const METRICS: readonly Metric[] = [
  'first_reply',
  'next_reply',
  'periodic_update',
  'resolution',
  'follow_up',
];

/** A promise made to the customer (published), or an internal target (usually stricter). */
export type PromiseKind = 'customer' | 'internal';

/** The promises in a fixed order (a metric's customer clock is listed before its internal one). */
export const PROMISES: readonly PromiseKind[] = ['customer', 'internal'];

/** One output row of the response-times decision for one metric. */
export interface Target {
  readonly metric: Metric;
  /**
   * ISO 8601 duration of business time in `calendar`: `PT4H` = 240 open minutes; `P1D` = the same
   * local time on the next business day (see `duration.ts`); `P1DT2H` adds both.
   */
  readonly duration: string;
  /** Name of the calendar the duration counts in (an `Hours:` section, e.g. `Support`). */
  readonly calendar: string;
  readonly promise: PromiseKind;
  /** Fraction of the budget after which a warning is due, in (0, 1], e.g. `0.8`. */
  readonly warnAt?: number;
}

/** The policy version a target came from. */
export interface PolicyRef {
  readonly id: string;
  readonly version: number;
}

/** The decision rule that fired (1-based number, as people say it) and its `# Why` annotation. */
export interface RuleRef {
  readonly decision: string;
  readonly number: number;
  readonly annotation?: string;
}

/** The resolver's answer for one set of case attributes. */
export interface TargetSet {
  readonly targets: readonly Target[];
  readonly policy: PolicyRef;
  readonly rule: RuleRef;
}

/**
 * From the case's attributes at a moment (`{ channel, priority, tier, kind, … }`) to its targets;
 * `null` when no rule matches. Must be pure: engines memoise it per distinct attribute set. Which
 * policy version applies (usually the one in force when the case was created) is the caller's choice.
 */
export type TargetResolver = (attributes: CaseAttributes) => TargetSet | null;

/** Calendars by name: a record, or a lookup function (`undefined` when unknown). */
export type CalendarSource = Readonly<Record<string, Calendar>> | ((name: string) => Calendar | undefined);

/**
 * The calendar of that name, or `undefined`.
 *
 * @example
 * lookupCalendar({ Support: support }, 'Support'); // support
 */
export function lookupCalendar(source: CalendarSource, name: string): Calendar | undefined {
  if (typeof source === 'function') return source(name);
  return Object.hasOwn(source, name) ? source[name] : undefined;
}

/**
 * A string identifying an attribute set regardless of key order (the resolver memo key).
 *
 * @example
 * attributeKey({ tier: 'gold', priority: 'high' }) === attributeKey({ priority: 'high', tier: 'gold' }); // true
 */
export function attributeKey(attributes: CaseAttributes): string {
  const names = Object.keys(attributes);
  if (names.length > 1) names.sort();
  let key = '';
  for (const name of names) {
    const value = attributes[name];
    if (value === undefined) continue;
    key += `${name}\u0001${typeof value}\u0001${String(value)}\u0002`;
  }
  return key;
}
