/**
 * @module cases/sla-events
 * The one mapping from a case's timeline to the events its SLA clocks are a function of. Every change
 * recomputes the clocks through it, and so does every read: the timeline is the only source.
 *
 * | timeline entry                                   | SLA event                                  |
 * |--------------------------------------------------|--------------------------------------------|
 * | `status_change` opening the case (`created`)     | `created` with the case's attributes       |
 * | `status_change` → resolved                       | `resolved`                                 |
 * | `status_change` resolved/closed → open…          | `reopened`                                 |
 * | other `status_change`                            | `status_changed`                           |
 * | `message_in`                                     | `customer_message`                         |
 * | `message_out` (public)                           | `agent_reply` (internal: `note`)           |
 * | `call` in / out                                  | `customer_message` + `agent_reply` / `agent_reply` |
 * | `note`                                           | `note`                                     |
 * | `follow_up`                                      | `follow_up`                                |
 * | any entry carrying `sla_attributes` (priority…)  | `attributes_changed`                       |
 */
import type { CaseAttributes, CaseEvent, CaseStatus as SlaStatus } from '../sla/index.ts';
import { jsonValue } from '../store/dialect.ts';
import type { CaseStatus, TimelineEntryTable } from '../store/schema.ts';
import { FINISHED } from './case-vocabulary.ts';

/** The parts of an entry's `data` the mapping reads. */
export interface SlaEntryData {
  /** On the entry that opens the case. */
  readonly created?: boolean;
  readonly from?: CaseStatus | null;
  readonly to?: CaseStatus;
  /** Attributes the response-times policy keys on, as they became with this entry. */
  readonly sla_attributes?: CaseAttributes;
  /** Calls: who called whom. */
  readonly direction?: 'in' | 'out';
}

export type SlaEntry = Pick<TimelineEntryTable, 'kind' | 'visibility' | 'created_at' | 'data'>;

/**
 * The SLA status word for a desk status (`waiting on customer` → `waiting_on_customer`).
 * @example slaStatus('waiting on us') // 'waiting_on_us'
 */
export function slaStatus(status: CaseStatus): SlaStatus {
  return status.replace(/ /g, '_') as SlaStatus;
}

/**
 * The SLA events of a timeline, in timeline order.
 * @example
 * slaEventsOf([{ kind: 'message_in', visibility: 'public', created_at: 1, data: '{}' }])
 * // [{ type: 'customer_message', at: 1 }]
 */
export function slaEventsOf(entries: readonly SlaEntry[]): CaseEvent[] {
  const events: CaseEvent[] = [];
  for (const e of entries) {
    const at = e.created_at;
    const data = jsonValue<SlaEntryData>(e, 'data', e.data, {});
    switch (e.kind) {
      case 'status_change':
        if (data.created) {
          events.push({ type: 'created', at, attributes: data.sla_attributes ?? {}, status: 'new' });
          continue; // its attributes are the creation's, not a change
        }
        if (data.to === 'resolved') events.push({ type: 'resolved', at });
        else if (data.from && FINISHED.has(data.from) && data.to && !FINISHED.has(data.to))
          events.push({ type: 'reopened', at });
        else if (data.to) events.push({ type: 'status_changed', at, status: slaStatus(data.to) });
        break;
      case 'message_in':
        events.push({ type: 'customer_message', at });
        break;
      case 'message_out':
        events.push(e.visibility === 'public' ? { type: 'agent_reply', at } : { type: 'note', at });
        break;
      case 'call':
        // A call is a conversation: an inbound one is the customer's contact and our answer at once.
        if (data.direction === 'in') events.push({ type: 'customer_message', at });
        events.push({ type: 'agent_reply', at });
        break;
      case 'note':
        events.push({ type: 'note', at });
        break;
      case 'follow_up':
        events.push({ type: 'follow_up', at });
        break;
      default:
        break;
    }
    if (data.sla_attributes) events.push({ type: 'attributes_changed', at, attributes: data.sla_attributes });
  }
  return events;
}
