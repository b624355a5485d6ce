/**
 * @module portal/response-promise
 * The response promise as the portal states it: what the charter's response-times decision promises
 * the customer (`promise: customer` targets, the same resolver the SLA clocks use) for a request
 * made through the portal, and the deadlines a filed case's clocks actually run to.
 */
import type { Kysely } from 'kysely';
import { resolverOf } from '../cases/index.ts';
import type { Clock, Metric, SlaResult } from '../sla/index.ts';
import type { Database } from '../store/schema.ts';
import type { PortalOrg } from './portal-org.ts';
import { charterToday } from './public-policies.ts';

/** The channel and priority of a request made through the portal. */
export const PORTAL_CHANNEL = 'web form';
export const PORTAL_PRIORITY = 'normal';

export interface PromisedTarget {
  readonly metric: Metric;
  /** ISO 8601 business duration as the policy wrote it, e.g. `PT8H`. */
  readonly duration: string;
  /** The calendar it counts in, e.g. `Support`. */
  readonly calendar: string;
}

export interface ResponsePromise {
  readonly channel: string;
  readonly priority: string;
  readonly targets: readonly PromisedTarget[];
  /** The `# Why` of the rule that set the promise, in the policy's words. */
  readonly why: string | null;
  readonly policy: { readonly id: string; readonly version: number };
}

/** Metrics the customer is told about (the others are internal bookkeeping). */
const SHOWN: ReadonlySet<Metric> = new Set(['first_reply', 'next_reply', 'resolution']);

/**
 * What the charter in force promises a portal request of this kind.
 * @returns `null` when the charter makes no customer promise for it
 * @example (await responsePromise(db, org, Date.now()))?.targets[0] // { metric: 'first_reply', duration: 'PT8H', calendar: 'Support' }
 */
export async function responsePromise(
  db: Kysely<Database>,
  org: PortalOrg,
  now: number,
  kind = 'question',
): Promise<ResponsePromise | null> {
  const charter = await charterToday(db, org, now);
  const set = resolverOf(charter)({
    channel: PORTAL_CHANNEL,
    priority: PORTAL_PRIORITY,
    kind,
    tier: 'standard',
  });
  if (!set) return null;
  const targets = set.targets
    .filter((t) => t.promise === 'customer' && SHOWN.has(t.metric))
    .map((t) => ({ metric: t.metric, duration: t.duration, calendar: t.calendar }));
  if (targets.length === 0) return null;
  return {
    channel: PORTAL_CHANNEL,
    priority: PORTAL_PRIORITY,
    targets,
    why: set.rule.annotation ?? null,
    policy: { id: set.policy.id, version: set.policy.version },
  };
}

/** A running customer-promise deadline of a case. */
export interface PromisedDeadline {
  readonly metric: Metric;
  readonly dueAt: number;
  readonly duration: string;
  readonly calendar: string;
  readonly paused: boolean;
}

/**
 * The customer-promise deadlines still counting on a case, earliest first (met, cancelled and
 * internal clocks are left out; a paused clock is listed without a moving deadline).
 */
export function promisedDeadlines(sla: SlaResult): PromisedDeadline[] {
  return sla.clocks
    .filter((c: Clock) => c.promise === 'customer' && c.active && SHOWN.has(c.metric) && c.dueAt !== null)
    .map((c) => ({
      metric: c.metric,
      dueAt: c.dueAt as number,
      duration: c.target.duration,
      calendar: c.target.calendar,
      paused: c.paused,
    }))
    .sort((a, b) => a.dueAt - b.dueAt);
}
