import { describe, expect, it } from 'vitest';
import { computeClocks } from './engine.ts';
import type { CaseEvent } from './events.ts';
import { always, at, byPriority, lunchBreak, target, weekdays } from './fixtures.test-support.ts';
import type { Clock } from './ledger.ts';

const calendars = { Weekdays: weekdays, '24/7': always, Support: lunchBreak };

function clocksOf(
  resolverTargets: Parameters<typeof byPriority>[0],
  events: CaseEvent[],
  now: string,
): readonly Clock[] {
  const { clocks, issues } = computeClocks(events, byPriority(resolverTargets), calendars, at(now));
  expect(issues).toEqual([]);
  return clocks;
}

function clock(clocks: readonly Clock[], id: string): Clock {
  const found = clocks.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no clock ${id} in ${clocks.map((c) => c.id).join(', ')}`);
  return found;
}

const created = (when: string, priority = 'normal'): CaseEvent => ({
  type: 'created',
  at: at(when),
  attributes: { priority, channel: 'email', tier: 'standard', kind: 'question' },
});

describe('first reply', () => {
  const table = { normal: [target('first_reply', 'PT4H', 'Weekdays')] };

  it('runs from creation to the first public agent reply', () => {
    const c = clock(
      clocksOf(
        table,
        [created('2027-01-04 09:00'), { type: 'agent_reply', at: at('2027-01-04 12:00') }],
        '2027-01-04 15:00',
      ),
      'first_reply:customer:1',
    );
    expect(c).toMatchObject({
      state: 'met',
      active: false,
      stoppedAt: at('2027-01-04 12:00'),
      stopWhy: 'agent replied',
    });
    expect(c.usedMinutes).toBe(180);
    expect(c.dueAt).toBe(at('2027-01-04 13:00'));
    expect(c.breachedAt).toBeNull();
  });

  it('counts only open hours: created at 15:00 on Monday is due at 11:00 on Tuesday', () => {
    const c = clock(
      clocksOf(table, [created('2027-01-04 15:00')], '2027-01-05 12:00'),
      'first_reply:customer:1',
    );
    expect(c.dueAt).toBe(at('2027-01-05 11:00'));
    expect(c).toMatchObject({ state: 'breached', active: true, breachedAt: at('2027-01-05 11:00') });
    expect(c.usedMinutes).toBe(300);
    expect(c.remainingMinutes).toBe(-60);
  });

  it('starts at the next opening when created on a Saturday', () => {
    const c = clock(
      clocksOf(table, [created('2027-01-09 11:00')], '2027-01-09 12:00'),
      'first_reply:customer:1',
    );
    expect(c.dueAt).toBe(at('2027-01-11 13:00'));
    expect(c.state).toBe('running');
    expect(c.usedMinutes).toBe(0);
  });

  it('never counts internal notes or automated messages as replies', () => {
    const c = clock(
      clocksOf(
        table,
        [
          created('2027-01-04 09:00'),
          { type: 'automated_message', at: at('2027-01-04 09:00') },
          { type: 'note', at: at('2027-01-04 10:00') },
          { type: 'automated_message', at: at('2027-01-04 12:00') },
          { type: 'agent_reply', at: at('2027-01-04 14:00') },
        ],
        '2027-01-04 16:00',
      ),
      'first_reply:customer:1',
    );
    expect(c).toMatchObject({
      state: 'breached',
      stoppedAt: at('2027-01-04 14:00'),
      breachedAt: at('2027-01-04 13:00'),
    });
  });

  it('counts across a lunch break', () => {
    const c = clock(
      clocksOf(
        { normal: [target('first_reply', 'PT4H', 'Support')] },
        [created('2027-01-04 10:00')],
        '2027-01-04 10:00',
      ),
      'first_reply:customer:1',
    );
    // 10:00–12:30 is 150 minutes, the other 90 after lunch: 13:30 + 1:30
    expect(c.dueAt).toBe(at('2027-01-04 15:00'));
  });

  it('is fulfilled by resolving the case without a reply', () => {
    const c = clock(
      clocksOf(
        table,
        [created('2027-01-04 09:00'), { type: 'resolved', at: at('2027-01-04 10:00') }],
        '2027-01-05 10:00',
      ),
      'first_reply:customer:1',
    );
    expect(c).toMatchObject({ state: 'met', stopWhy: 'resolved', usedMinutes: 60 });
  });
});

describe('next reply', () => {
  const table = { normal: [target('next_reply', 'PT2H', 'Weekdays')] };

  it('runs from the oldest unanswered customer message; later messages do not restart it', () => {
    const clocks = clocksOf(
      table,
      [
        created('2027-01-04 09:00'),
        { type: 'customer_message', at: at('2027-01-04 09:30') }, // before the first reply: first_reply's business
        { type: 'agent_reply', at: at('2027-01-04 10:00') },
        { type: 'customer_message', at: at('2027-01-04 11:00') },
        { type: 'customer_message', at: at('2027-01-04 12:00') },
        { type: 'note', at: at('2027-01-04 12:30') },
        { type: 'agent_reply', at: at('2027-01-04 15:00') },
        { type: 'customer_message', at: at('2027-01-04 16:00') },
      ],
      '2027-01-04 16:30',
    );
    expect(clocks.map((c) => c.id)).toEqual(['next_reply:customer:1', 'next_reply:customer:2']);
    const first = clock(clocks, 'next_reply:customer:1');
    expect(first).toMatchObject({
      startedAt: at('2027-01-04 11:00'),
      stoppedAt: at('2027-01-04 15:00'),
      dueAt: at('2027-01-04 13:00'),
      breachedAt: at('2027-01-04 13:00'),
      state: 'breached',
    });
    const second = clock(clocks, 'next_reply:customer:2');
    // 16:00–17:00 on Monday, then one hour on Tuesday
    expect(second).toMatchObject({ state: 'running', dueAt: at('2027-01-05 10:00'), usedMinutes: 30 });
  });

  it('starts after a resolution without reply when the customer writes again', () => {
    const clocks = clocksOf(
      table,
      [
        created('2027-01-04 09:00'),
        { type: 'resolved', at: at('2027-01-04 10:00') },
        { type: 'customer_message', at: at('2027-01-04 11:00') },
      ],
      '2027-01-04 11:30',
    );
    expect(clock(clocks, 'next_reply:customer:1')).toMatchObject({
      state: 'running',
      startedAt: at('2027-01-04 11:00'),
    });
  });
});

describe('resolution', () => {
  const table = {
    normal: [target('resolution', 'PT48H', '24/7'), target('follow_up', 'P1D', 'Weekdays')],
  };

  it('pauses while waiting on the customer, across a weekend, and resumes when the customer replies', () => {
    const c = clock(
      clocksOf(
        table,
        [
          created('2027-01-08 10:00'),
          { type: 'status_changed', at: at('2027-01-08 12:00'), status: 'waiting_on_customer' },
          { type: 'customer_message', at: at('2027-01-11 09:00') },
        ],
        '2027-01-11 10:00',
      ),
      'resolution:customer:1',
    );
    expect(c.state).toBe('running');
    expect(c.usedMinutes).toBe(180);
    expect(c.dueAt).toBe(at('2027-01-13 07:00')); // Monday 09:00 + 46 h
    expect(c.pausedMinutes).toBe(69 * 60);
    expect(c.runningMinutes).toBe(3 * 60);
    expect(c.intervals).toEqual([
      expect.objectContaining({
        state: 'running',
        from: at('2027-01-08 10:00'),
        why: 'created',
        until: 'status → waiting on customer',
      }),
      expect.objectContaining({
        state: 'paused',
        from: at('2027-01-08 12:00'),
        to: at('2027-01-11 09:00'),
        why: 'status → waiting on customer',
        until: 'customer replied',
      }),
      expect.objectContaining({
        state: 'running',
        from: at('2027-01-11 09:00'),
        to: null,
        why: 'customer replied',
        businessMinutes: 60,
      }),
    ]);
  });

  it('pauses over a weekend in a calendar with lunch breaks and Saturday mornings', () => {
    const c = clock(
      clocksOf(
        { normal: [target('resolution', 'PT16H', 'Support')] },
        [
          created('2027-01-08 16:00'),
          { type: 'status_changed', at: at('2027-01-08 17:00'), status: 'waiting_on_customer' },
          { type: 'customer_message', at: at('2027-01-09 11:00') },
        ],
        '2027-01-09 12:00',
      ),
      'resolution:customer:1',
    );
    // used: Friday 16:00–17:00 and Saturday 11:00–12:00; then Saturday to 14:00, Monday 3.5 h + 4 h,
    // Tuesday 09:00–12:30 and one more hour after lunch
    expect(c).toMatchObject({ state: 'running', usedMinutes: 120, dueAt: at('2027-01-12 14:30') });
    expect(c.intervals.map((i) => [i.state, i.businessMinutes])).toEqual([
      ['running', 60],
      ['paused', 0],
      ['running', 60],
    ]);
  });

  it('has no due instant while paused, and resumes on a status change back', () => {
    const events: CaseEvent[] = [
      created('2027-01-04 09:00'),
      { type: 'status_changed', at: at('2027-01-04 10:00'), status: 'waiting_on_customer' },
    ];
    const paused = clock(clocksOf(table, events, '2027-01-04 12:00'), 'resolution:customer:1');
    expect(paused).toMatchObject({ state: 'paused', paused: true, dueAt: null, usedMinutes: 60 });
    events.push({ type: 'status_changed', at: at('2027-01-04 13:00'), status: 'open' });
    const resumed = clock(clocksOf(table, events, '2027-01-04 14:00'), 'resolution:customer:1');
    expect(resumed).toMatchObject({ state: 'running', dueAt: at('2027-01-06 12:00'), usedMinutes: 120 });
    expect(resumed.intervals[2]?.why).toBe('status → open');
  });

  it('resumes on reopening, keeping the time used before; the pending follow-up is cancelled', () => {
    const weekdayTable = {
      normal: [target('resolution', 'PT16H', 'Weekdays'), target('follow_up', 'P1D', 'Weekdays')],
    };
    const events: CaseEvent[] = [
      created('2027-01-04 09:00'),
      { type: 'resolved', at: at('2027-01-04 13:00') },
    ];
    const resolved = clocksOf(weekdayTable, events, '2027-01-04 14:00');
    expect(clock(resolved, 'resolution:customer:1')).toMatchObject({
      state: 'met',
      usedMinutes: 240,
      dueAt: at('2027-01-05 17:00'), // the deadline it met: 12 h left, continued from the stop
    });
    expect(clock(resolved, 'follow_up:customer:1')).toMatchObject({
      state: 'running',
      dueAt: at('2027-01-05 13:00'),
    });

    events.push({ type: 'reopened', at: at('2027-01-05 10:00') });
    const reopened = clocksOf(weekdayTable, events, '2027-01-05 11:00');
    const resolution = clock(reopened, 'resolution:customer:1');
    expect(resolution).toMatchObject({ state: 'running', usedMinutes: 300, dueAt: at('2027-01-06 14:00') });
    expect(resolution.intervals.map((i) => [i.state, i.why])).toEqual([
      ['running', 'created'],
      ['paused', 'resolved'],
      ['running', 'reopened'],
    ]);
    expect(clock(reopened, 'follow_up:customer:1')).toMatchObject({
      state: 'cancelled',
      stopWhy: 'reopened',
    });
  });

  it('reopens when the customer writes to a resolved case, not to a closed one', () => {
    const base: CaseEvent[] = [created('2027-01-04 09:00'), { type: 'resolved', at: at('2027-01-04 10:00') }];
    const reopened = clocksOf(
      table,
      [...base, { type: 'customer_message', at: at('2027-01-04 11:00') }],
      '2027-01-04 12:00',
    );
    expect(clock(reopened, 'resolution:customer:1')).toMatchObject({ state: 'running', usedMinutes: 120 });
    const closed = clocksOf(
      table,
      [
        ...base,
        { type: 'status_changed', at: at('2027-01-04 10:30'), status: 'closed' },
        { type: 'customer_message', at: at('2027-01-04 11:00') },
      ],
      '2027-01-04 12:00',
    );
    expect(clock(closed, 'resolution:customer:1')).toMatchObject({ state: 'met', usedMinutes: 60 });
  });
});

describe('follow-up', () => {
  const table = { normal: [target('follow_up', 'P1D', 'Weekdays')] };

  it('is due by the same time on the next business day after resolution', () => {
    const events: CaseEvent[] = [
      created('2027-01-08 09:00'),
      { type: 'resolved', at: at('2027-01-08 15:00') },
    ];
    const pending = clock(clocksOf(table, events, '2027-01-08 16:00'), 'follow_up:customer:1');
    expect(pending).toMatchObject({ state: 'running', dueAt: at('2027-01-11 15:00'), budgetMinutes: 480 });
    events.push({ type: 'follow_up', at: at('2027-01-11 11:00') });
    const done = clock(clocksOf(table, events, '2027-01-12 09:00'), 'follow_up:customer:1');
    expect(done).toMatchObject({
      state: 'met',
      stopWhy: 'follow-up contact',
      stoppedAt: at('2027-01-11 11:00'),
    });
  });
});

describe('periodic update', () => {
  const table = { normal: [target('periodic_update', 'PT2H', '24/7')] };

  it('restarts at every public reply and pauses while waiting on the customer', () => {
    const clocks = clocksOf(
      table,
      [
        created('2027-01-04 09:00'),
        { type: 'agent_reply', at: at('2027-01-04 10:00') },
        { type: 'note', at: at('2027-01-04 10:30') },
        { type: 'status_changed', at: at('2027-01-04 11:00'), status: 'waiting_on_customer' },
      ],
      '2027-01-04 15:00',
    );
    expect(clocks.map((c) => [c.id, c.state])).toEqual([
      ['periodic_update:customer:1', 'met'],
      ['periodic_update:customer:2', 'paused'],
    ]);
    expect(clock(clocks, 'periodic_update:customer:2')).toMatchObject({ usedMinutes: 60, dueAt: null });
  });
});
