import { describe, expect, it } from 'vitest';
import { computeClocks, createSlaEngine } from './engine.ts';
import type { CaseEvent } from './events.ts';
import { always, at, byPriority, target, weekdays } from './fixtures.test-support.ts';

const calendars = { Weekdays: weekdays, '24/7': always };
const table = { normal: [target('first_reply', 'PT4H', 'Weekdays'), target('resolution', 'PT48H', '24/7')] };

describe('computeClocks', () => {
  it('accepts ISO strings and epoch milliseconds alike', () => {
    const resolver = byPriority(table);
    const iso = computeClocks(
      [
        { type: 'created', at: '2027-01-04T09:00:00Z', attributes: {} },
        { type: 'agent_reply', at: '2027-01-04T10:00:00.000+00:00' },
      ],
      resolver,
      calendars,
      '2027-01-04T11:00:00Z',
    );
    const ms = computeClocks(
      [
        { type: 'created', at: at('2027-01-04 09:00'), attributes: {} },
        { type: 'agent_reply', at: at('2027-01-04 10:00') },
      ],
      resolver,
      calendars,
      at('2027-01-04 11:00'),
    );
    expect(iso).toEqual(ms);
  });

  it('reads events in time order whatever the input order, ties in input order', () => {
    const events: CaseEvent[] = [
      { type: 'agent_reply', at: at('2027-01-04 10:00') },
      { type: 'created', at: at('2027-01-04 09:00'), attributes: {} },
    ];
    const { clocks } = computeClocks(events, byPriority(table), calendars, at('2027-01-04 11:00'));
    expect(clocks[0]).toMatchObject({
      metric: 'first_reply',
      state: 'met',
      stoppedAt: at('2027-01-04 10:00'),
    });
    expect(clocks[0]?.intervals[0]?.event).toBe(1);
  });

  it('ignores events after "now"', () => {
    const events: CaseEvent[] = [
      { type: 'created', at: at('2027-01-04 09:00'), attributes: {} },
      { type: 'agent_reply', at: at('2027-01-04 12:00') },
    ];
    const { clocks } = computeClocks(events, byPriority(table), calendars, at('2027-01-04 11:00'));
    expect(clocks[0]).toMatchObject({ state: 'running', usedMinutes: 120 });
  });

  it('refuses a malformed instant, naming the event', () => {
    const events: CaseEvent[] = [{ type: 'created', at: '2027-01-04 09:00', attributes: {} }];
    expect(() => computeClocks(events, byPriority(table), calendars, 0)).toThrow(/events\[0\]\.at/);
  });

  it('reports a case without a created event', () => {
    const { clocks, issues } = computeClocks(
      [{ type: 'agent_reply', at: 0 }],
      byPriority(table),
      calendars,
      1,
    );
    expect(clocks).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual(['no-created-event']);
  });

  it('reports attributes no rule matches, an unknown calendar, a malformed duration and warning', () => {
    const resolver = byPriority({
      normal: [
        target('first_reply', 'PT4H', 'Suport'),
        target('resolution', 'P1W', '24/7'),
        target('next_reply', 'PT2H', '24/7', { warnAt: 1.5 }),
      ],
    });
    const events: CaseEvent[] = [
      { type: 'created', at: 0, attributes: { priority: 'normal' } },
      { type: 'attributes_changed', at: 1, attributes: { priority: 'unheard of' } },
    ];
    const { clocks, issues } = computeClocks(events, resolver, calendars, 2);
    expect(clocks).toEqual([]);
    expect(issues.map((i) => [i.code, i.message])).toEqual([
      [
        'unknown-calendar',
        'Unexpected calendar "Suport" for first_reply, expected a calendar the policy defines',
      ],
      [
        'invalid-duration',
        'Unexpected weeks in duration "P1W" for resolution at character 2, expected business days or hours such as P1D or PT7H30M (years, months and weeks have no fixed length in business time)',
      ],
      ['invalid-warning', 'Unexpected warning fraction for next_reply, expected a number in (0, 1]'],
      [
        'no-targets',
        'Unexpected attributes no response-times rule matches, expected a target for every case',
      ],
    ]);
    expect(issues[0]).toMatchObject({ policy: { id: 'response-times', version: 3 }, rule: { number: 1 } });
  });

  it('looks calendars up through a function too', () => {
    const { clocks } = computeClocks(
      [{ type: 'created', at: at('2027-01-04 09:00'), attributes: {} }],
      byPriority(table),
      (name) => (name === 'Weekdays' ? weekdays : name === '24/7' ? always : undefined),
      at('2027-01-04 10:00'),
    );
    expect(clocks.map((c) => c.metric)).toEqual(['first_reply', 'resolution']);
  });
});

describe('createSlaEngine', () => {
  it('calls the resolver once per distinct attribute set', () => {
    const resolver = byPriority({ ...table, urgent: table.normal });
    const engine = createSlaEngine({ resolver, calendars });
    for (let i = 0; i < 50; i++) {
      engine.compute(
        [
          { type: 'created', at: 0, attributes: { tier: 'gold', priority: 'normal' } },
          { type: 'attributes_changed', at: 10, attributes: { priority: 'urgent' } },
        ],
        20,
      );
    }
    expect(resolver.calls).toBe(2);
  });
});
