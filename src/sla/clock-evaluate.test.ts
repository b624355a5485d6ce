import { describe, expect, it } from 'vitest';
import { computeClocks } from './engine.ts';
import type { CaseEvent } from './events.ts';
import { always, at, byPriority, target, weekdays } from './fixtures.test-support.ts';
import type { Clock } from './ledger.ts';

const calendars = { Weekdays: weekdays, '24/7': always };

function run(table: Parameters<typeof byPriority>[0], events: CaseEvent[], now: string): readonly Clock[] {
  const { clocks, issues } = computeClocks(events, byPriority(table), calendars, at(now));
  expect(issues).toEqual([]);
  return clocks;
}

function only(clocks: readonly Clock[]): Clock {
  expect(clocks).toHaveLength(1);
  return clocks[0] as Clock;
}

const created = (when: string, priority = 'normal'): CaseEvent => ({
  type: 'created',
  at: at(when),
  attributes: { priority, tier: 'standard' },
});
const priority = (when: string, value: string): CaseEvent => ({
  type: 'attributes_changed',
  at: at(when),
  attributes: { priority: value },
});

describe('met or breached', () => {
  const table = { normal: [target('first_reply', 'PT4H', 'Weekdays')] };

  it('is met by a reply exactly at the due instant, breached one millisecond later', () => {
    const due = at('2027-01-04 13:00');
    const onTime = only(
      run(table, [created('2027-01-04 09:00'), { type: 'agent_reply', at: due }], '2027-01-05 09:00'),
    );
    expect(onTime).toMatchObject({ state: 'met', dueAt: due, breachedAt: null });
    const late = only(
      run(table, [created('2027-01-04 09:00'), { type: 'agent_reply', at: due + 1 }], '2027-01-05 09:00'),
    );
    expect(late).toMatchObject({ state: 'breached', dueAt: due, breachedAt: due, active: false });
  });

  it('is running at the due instant and breached just after', () => {
    const events = [created('2027-01-04 09:00')];
    expect(only(run(table, events, '2027-01-04 13:00')).state).toBe('running');
    const after = computeClocks(events, byPriority(table), calendars, at('2027-01-04 13:00') + 1).clocks[0];
    expect(after).toMatchObject({ state: 'breached', active: true, breachedAt: at('2027-01-04 13:00') });
  });
});

describe('warning', () => {
  it('is due when the warning fraction of the budget is used', () => {
    const table = { normal: [target('first_reply', 'PT4H', 'Weekdays', { warnAt: 0.8 })] };
    const c = only(run(table, [created('2027-01-04 15:00')], '2027-01-04 15:30'));
    // 192 minutes: 120 on Monday, 72 on Tuesday
    expect(c.warningAt).toBe(at('2027-01-05 10:12'));
    expect(c.dueAt).toBe(at('2027-01-05 11:00'));
  });

  it('is absent without a warning fraction', () => {
    const c = only(
      run(
        { normal: [target('first_reply', 'PT4H', 'Weekdays')] },
        [created('2027-01-04 15:00')],
        '2027-01-04 16:00',
      ),
    );
    expect(c.warningAt).toBeNull();
  });
});

describe('customer promise and internal target', () => {
  it('runs both clocks from the same events', () => {
    const table = {
      normal: [
        target('first_reply', 'PT4H', 'Weekdays'),
        target('first_reply', 'PT1H', 'Weekdays', { promise: 'internal' }),
      ],
    };
    const clocks = run(
      table,
      [created('2027-01-04 09:00'), { type: 'agent_reply', at: at('2027-01-04 11:00') }],
      '2027-01-04 12:00',
    );
    expect(clocks.map((c) => [c.id, c.state])).toEqual([
      ['first_reply:customer:1', 'met'],
      ['first_reply:internal:1', 'breached'],
    ]);
  });
});

describe('re-targeting', () => {
  const table = {
    normal: [target('resolution', 'PT48H', '24/7'), target('first_reply', 'PT4H', 'Weekdays')],
    urgent: [
      target('resolution', 'PT8H', '24/7'),
      target('first_reply', 'PT1H', 'Weekdays'),
      target('periodic_update', 'PT2H', '24/7'),
    ],
  };

  it('keeps the time used and the paused intervals: due = start + new budget over the same running intervals', () => {
    const clocks = run(
      table,
      [
        created('2027-01-04 09:00'),
        { type: 'status_changed', at: at('2027-01-04 10:00'), status: 'waiting_on_customer' },
        { type: 'customer_message', at: at('2027-01-04 14:00') },
        priority('2027-01-04 15:00', 'urgent'),
      ],
      '2027-01-04 16:00',
    );
    const resolution = clocks.find((c) => c.id === 'resolution:customer:1') as Clock;
    // 1 h before the pause, 7 h left from 14:00
    expect(resolution).toMatchObject({
      state: 'running',
      dueAt: at('2027-01-04 21:00'),
      usedMinutes: 180,
      budgetMinutes: 480,
    });
    expect(resolution.pausedMinutes).toBe(240);
    expect(resolution.targets.map((t) => [t.from, t.why, t.duration, t.dueAt])).toEqual([
      [at('2027-01-04 09:00'), 'created', 'PT48H', at('2027-01-06 13:00')],
      [at('2027-01-04 15:00'), 'priority → urgent', 'PT8H', at('2027-01-04 21:00')],
    ]);
    expect(resolution.target.attributes).toEqual({ priority: 'urgent', tier: 'standard' });
    expect(resolution.target.rule).toEqual({ decision: 'Response times', number: 2, annotation: 'urgent' });
    expect(resolution.target.policy).toEqual({ id: 'response-times', version: 3 });
  });

  it('does not re-target a clock that already stopped', () => {
    const clocks = run(
      table,
      [
        created('2027-01-04 09:00'),
        { type: 'agent_reply', at: at('2027-01-04 12:00') },
        priority('2027-01-04 12:30', 'urgent'),
      ],
      '2027-01-04 13:00',
    );
    const first = clocks.find((c) => c.metric === 'first_reply') as Clock;
    expect(first).toMatchObject({ state: 'met', targets: [expect.objectContaining({ duration: 'PT4H' })] });
  });

  it('breaches at the re-targeting instant when the stricter target was already used up', () => {
    const clocks = run(
      table,
      [created('2027-01-04 09:00'), priority('2027-01-04 20:00', 'urgent')],
      '2027-01-04 21:00',
    );
    const resolution = clocks.find((c) => c.id === 'resolution:customer:1') as Clock;
    expect(resolution).toMatchObject({
      state: 'breached',
      dueAt: at('2027-01-04 17:00'),
      breachedAt: at('2027-01-04 20:00'),
    });
  });

  it('never lifts a breach that happened under the earlier target', () => {
    const clocks = run(
      table,
      [created('2027-01-04 09:00', 'urgent'), priority('2027-01-04 18:00', 'normal')],
      '2027-01-04 19:00',
    );
    const resolution = clocks.find((c) => c.id === 'resolution:customer:1') as Clock;
    expect(resolution).toMatchObject({
      state: 'breached',
      breachedAt: at('2027-01-04 17:00'),
      dueAt: at('2027-01-06 09:00'),
    });
  });

  it('cancels a clock whose target the new attributes withdraw', () => {
    const clocks = run(
      table,
      [created('2027-01-04 09:00', 'urgent'), priority('2027-01-04 10:00', 'normal')],
      '2027-01-04 12:00',
    );
    const periodic = clocks.find((c) => c.metric === 'periodic_update') as Clock;
    expect(periodic).toMatchObject({
      state: 'cancelled',
      active: false,
      stoppedAt: at('2027-01-04 10:00'),
      stopWhy: 'target withdrawn',
      usedMinutes: 60,
    });
    expect(periodic.intervals).toHaveLength(1);
    expect(periodic.intervals[0]?.to).toBe(at('2027-01-04 10:00'));
  });

  it('applies a target the new attributes add over the whole cycle', () => {
    const clocks = run(
      table,
      [created('2027-01-04 09:00'), priority('2027-01-04 10:00', 'urgent')],
      '2027-01-04 10:30',
    );
    const periodic = clocks.find((c) => c.metric === 'periodic_update') as Clock;
    expect(periodic).toMatchObject({
      state: 'running',
      startedAt: at('2027-01-04 09:00'),
      dueAt: at('2027-01-04 11:00'),
    });
    expect(periodic.targets).toHaveLength(1);
    expect(periodic.target.from).toBe(at('2027-01-04 10:00'));
  });

  it('ignores a change that changes nothing', () => {
    const clocks = run(
      table,
      [created('2027-01-04 09:00'), priority('2027-01-04 10:00', 'normal')],
      '2027-01-04 10:30',
    );
    expect(clocks.every((c) => c.targets.length === 1)).toBe(true);
  });
});

describe('ledger', () => {
  it('names the calendar, policy, rule and attributes that applied', () => {
    const c = only(
      run(
        { normal: [target('first_reply', 'PT4H', 'Weekdays')] },
        [created('2027-01-04 09:00')],
        '2027-01-04 10:00',
      ),
    );
    expect(c.target).toEqual({
      from: at('2027-01-04 09:00'),
      why: 'created',
      attributes: { priority: 'normal', tier: 'standard' },
      policy: { id: 'response-times', version: 3 },
      rule: { decision: 'Response times', number: 1, annotation: 'normal' },
      duration: 'PT4H',
      calendar: 'Weekdays',
      budgetMinutes: 240,
      warnAt: null,
      dueAt: at('2027-01-04 13:00'),
    });
    expect(c.intervals).toEqual([
      {
        state: 'running',
        from: at('2027-01-04 09:00'),
        to: null,
        why: 'created',
        until: null,
        event: 0,
        wallMinutes: 60,
        businessMinutes: 60,
      },
    ]);
  });

  it('measures business minutes in the calendar and wall minutes in time', () => {
    const c = only(
      run(
        { normal: [target('resolution', 'PT16H', 'Weekdays')] },
        [created('2027-01-08 16:00')],
        '2027-01-11 10:00',
      ),
    );
    expect(c.usedMinutes).toBe(120);
    expect(c.runningMinutes).toBe(66 * 60);
    expect(c.intervals[0]?.businessMinutes).toBe(120);
  });
});
