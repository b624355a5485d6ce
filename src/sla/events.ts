/**
 * @module sla/events
 * The case events SLA clocks are a function of, and their order.
 */

import { type Instant, toEpochMs } from './instant.ts';

/** Case status as the desk shows it. */
export type CaseStatus = 'new' | 'open' | 'waiting_on_customer' | 'waiting_on_us' | 'resolved' | 'closed';

/** A value of a case attribute the response-times policy may key on. */
export type AttributeValue = string | number | boolean | null;

/**
 * The attributes of a case at a moment, as the response-times policy reads them:
 * typically `channel`, `priority`, `tier` (customer tier) and `kind` (question, complaint…).
 */
export type CaseAttributes = Readonly<Record<string, AttributeValue>>;

/**
 * One thing that happened on a case. `at` is epoch milliseconds or ISO 8601 (with `Z` or an offset).
 *
 * - `created` — the case exists; carries its attributes (and its status, `new` unless said).
 * - `customer_message` — a message from the customer (email, chat, portal, a call logged as such).
 * - `agent_reply` — a PUBLIC reply by an agent: the only event that answers the customer.
 * - `note` — an internal note; `automated_message` — an auto-acknowledgement, bot or macro sent
 *   without an agent. Neither ever counts as a reply.
 * - `status_changed` — the new status; `resolved` / `reopened` are shorthands for the same changes.
 * - `attributes_changed` — priority, tier, channel, kind… changed; only the changed names are given.
 * - `follow_up` — the follow-up contact after resolution (a call, a message, a check-in).
 */
export type CaseEvent =
  | {
      readonly type: 'created';
      readonly at: Instant;
      readonly attributes: CaseAttributes;
      readonly status?: CaseStatus;
    }
  | { readonly type: 'customer_message'; readonly at: Instant }
  | { readonly type: 'agent_reply'; readonly at: Instant }
  | { readonly type: 'note'; readonly at: Instant }
  | { readonly type: 'automated_message'; readonly at: Instant }
  | { readonly type: 'status_changed'; readonly at: Instant; readonly status: CaseStatus }
  | { readonly type: 'attributes_changed'; readonly at: Instant; readonly attributes: CaseAttributes }
  | { readonly type: 'reopened'; readonly at: Instant }
  | { readonly type: 'resolved'; readonly at: Instant }
  | { readonly type: 'follow_up'; readonly at: Instant };

export type CaseEventType = CaseEvent['type'];

/**
 * Epoch milliseconds of every event, in input order, written into `into` when it is long enough (the
 * engine reuses one buffer). Throws a `RangeError` naming the event when an instant is malformed.
 *
 * @example
 * eventTimes([{ type: 'created', at: '2027-01-04T09:00:00Z', attributes: {} }]); // Float64Array [1799053200000]
 */
export function eventTimes(events: readonly CaseEvent[], into?: Float64Array): Float64Array {
  const times = into !== undefined && into.length >= events.length ? into : new Float64Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const at = (events[i] as CaseEvent).at;
    times[i] = typeof at === 'number' && Number.isFinite(at) ? at : eventTime(at, i);
  }
  return times;
}

function eventTime(at: Instant, index: number): number {
  try {
    return toEpochMs(at);
  } catch (error) {
    throw new RangeError(`events[${index}].at: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * The order to read the first `count` events in: by instant, ties in input order. `null` when they
 * are already in order (the common case, and no allocation).
 *
 * @example
 * eventOrder(new Float64Array([3, 1, 2]), 3); // Uint32Array [1, 2, 0]
 */
export function eventOrder(times: Float64Array, count: number): Uint32Array | null {
  let sorted = true;
  for (let i = 1; i < count; i++) {
    if ((times[i] as number) < (times[i - 1] as number)) {
      sorted = false;
      break;
    }
  }
  if (sorted) return null;
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  return Uint32Array.from(order);
}
