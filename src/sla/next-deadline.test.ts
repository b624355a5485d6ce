import { describe, expect, it } from 'vitest';
import { computeClocks } from './engine.ts';
import type { CaseEvent } from './events.ts';
import { always, at, byPriority, target, weekdays } from './fixtures.test-support.ts';
import { nextDeadline } from './next-deadline.ts';

const calendars = { Weekdays: weekdays, '24/7': always };
const resolver = byPriority({
  normal: [
    target('first_reply', 'PT4H', 'Weekdays'),
    target('first_reply', 'PT1H', 'Weekdays', { promise: 'internal' }),
    target('resolution', 'PT48H', '24/7'),
  ],
});

describe('nextDeadline', () => {
  it('is the earliest due instant among counting clocks', () => {
    const { clocks } = computeClocks(
      [{ type: 'created', at: at('2027-01-04 09:00'), attributes: {} }],
      resolver,
      calendars,
      at('2027-01-04 09:30'),
    );
    expect(nextDeadline(clocks)).toBe(at('2027-01-04 10:00'));
    expect(nextDeadline(clocks, 'customer')).toBe(at('2027-01-04 13:00'));
  });

  it('skips stopped and paused clocks', () => {
    const events: CaseEvent[] = [
      { type: 'created', at: at('2027-01-04 09:00'), attributes: {} },
      { type: 'agent_reply', at: at('2027-01-04 09:10') },
    ];
    const running = computeClocks(events, resolver, calendars, at('2027-01-04 09:30')).clocks;
    expect(nextDeadline(running)).toBe(at('2027-01-06 09:00'));
    events.push({ type: 'status_changed', at: at('2027-01-04 09:20'), status: 'waiting_on_customer' });
    const paused = computeClocks(events, resolver, calendars, at('2027-01-04 09:30')).clocks;
    expect(nextDeadline(paused)).toBeNull();
  });

  it('keeps a breached clock that still counts: it is the most urgent', () => {
    const { clocks } = computeClocks(
      [{ type: 'created', at: at('2027-01-04 09:00'), attributes: {} }],
      resolver,
      calendars,
      at('2027-01-04 11:00'),
    );
    expect(nextDeadline(clocks)).toBe(at('2027-01-04 10:00'));
  });
});
