import { describe, expect, it } from 'vitest';
import { computeClocks } from './engine.ts';
import type { CaseEvent } from './events.ts';
import { always, at, byPriority, target, weekdays } from './fixtures.test-support.ts';
import { slaJobs } from './jobs.ts';

const calendars = { Weekdays: weekdays, '24/7': always };
const resolver = byPriority({
  normal: [target('first_reply', 'PT4H', 'Weekdays', { warnAt: 0.5 }), target('resolution', 'PT48H', '24/7')],
});
const createdAt: CaseEvent = { type: 'created', at: at('2027-01-04 09:00'), attributes: {} };

describe('slaJobs', () => {
  it('lists warning and breach instants of counting clocks, earliest first', () => {
    const { clocks } = computeClocks([createdAt], resolver, calendars, at('2027-01-04 09:30'));
    expect(slaJobs(clocks).map((j) => [j.kind, j.clock, j.at])).toEqual([
      ['warning', 'first_reply:customer:1', at('2027-01-04 11:00')],
      ['breach', 'first_reply:customer:1', at('2027-01-04 13:00')],
      ['breach', 'resolution:customer:1', at('2027-01-06 09:00')],
    ]);
    expect(slaJobs(clocks)[0]?.key).toBe(`first_reply:customer:1/warning/${at('2027-01-04 11:00')}`);
  });

  it('keeps a past breach of a clock still counting, and nothing for stopped or paused clocks', () => {
    const events: CaseEvent[] = [
      createdAt,
      { type: 'status_changed', at: at('2027-01-04 14:00'), status: 'waiting_on_customer' },
    ];
    const { clocks } = computeClocks(events, resolver, calendars, at('2027-01-04 15:00'));
    expect(slaJobs(clocks).map((j) => [j.kind, j.clock, j.at])).toEqual([
      ['breach', 'first_reply:customer:1', at('2027-01-04 13:00')],
    ]);
    const replied = computeClocks(
      [...events, { type: 'agent_reply', at: at('2027-01-04 16:00') }],
      resolver,
      calendars,
      at('2027-01-04 16:30'),
    );
    expect(slaJobs(replied.clocks)).toEqual([]);
  });
});
