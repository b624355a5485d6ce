import { describe, expect, it } from 'vitest';
import type { TimelineKind } from '../store/schema.ts';
import { slaEventsOf } from './sla-events.ts';

const entry = (
  kind: TimelineKind,
  data: object = {},
  visibility: 'public' | 'internal' = 'public',
  at = 1,
) => ({
  kind,
  visibility,
  created_at: at,
  data: JSON.stringify(data),
});

describe('slaEventsOf', () => {
  it('maps each kind of timeline entry to the SLA event it means', () => {
    const events = slaEventsOf([
      entry('status_change', {
        created: true,
        from: null,
        to: 'new',
        sla_attributes: { priority: 'normal' },
      }),
      entry('message_in'),
      entry('message_out'),
      entry('note', {}, 'internal'),
      entry('call', { direction: 'in' }),
      entry('call', { direction: 'out' }),
      entry('status_change', { from: 'open', to: 'waiting on customer' }),
      entry('status_change', { changes: { priority: {} }, sla_attributes: { priority: 'high' } }, 'internal'),
      entry('escalation', { sla_attributes: { priority: 'urgent' } }, 'internal'),
      entry('status_change', { from: 'open', to: 'resolved' }),
      entry('follow_up'),
      entry('status_change', { from: 'resolved', to: 'open' }),
      entry('status_change', { from: 'resolved', to: 'closed' }),
      entry('amendment'),
      entry('procedure_step', {}, 'internal'),
      entry('sla', {}, 'internal'),
    ]);
    expect(events.map((e) => e.type)).toEqual([
      'created',
      'customer_message',
      'agent_reply',
      'note',
      'customer_message',
      'agent_reply',
      'agent_reply',
      'status_changed',
      'attributes_changed',
      'attributes_changed',
      'resolved',
      'follow_up',
      'reopened',
      'status_changed',
    ]);
    expect(events[0]).toMatchObject({ type: 'created', attributes: { priority: 'normal' }, status: 'new' });
    expect(events[7]).toMatchObject({ status: 'waiting_on_customer' });
    expect(events[13]).toMatchObject({ status: 'closed' });
  });

  it('treats an internal outbound message as a note, never a reply', () => {
    expect(slaEventsOf([entry('message_out', {}, 'internal')])).toEqual([{ type: 'note', at: 1 }]);
  });
});
