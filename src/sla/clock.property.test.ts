import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeClocks } from './engine.ts';
import type { CaseEvent } from './events.ts';
import { always, at, byPriority, lunchBreak, target, weekdays } from './fixtures.test-support.ts';
import type { Clock } from './ledger.ts';

const calendars = { Weekdays: weekdays, '24/7': always, Support: lunchBreak };
const START = at('2027-01-04 08:00');
const MINUTE = 60_000;

const mixed = byPriority({
  normal: [
    target('first_reply', 'PT4H', 'Weekdays', { warnAt: 0.75 }),
    target('first_reply', 'PT1H', 'Support', { promise: 'internal' }),
    target('next_reply', 'PT8H', 'Support'),
    target('resolution', 'P2D', 'Weekdays'),
    target('follow_up', 'P1D', 'Support'),
  ],
  urgent: [
    target('first_reply', 'PT1H', '24/7'),
    target('next_reply', 'PT2H', '24/7'),
    target('periodic_update', 'PT3H', '24/7', { warnAt: 0.5 }),
    target('resolution', 'PT8H', '24/7'),
  ],
});

type Step = readonly [gapMinutes: number, make: (at: number) => CaseEvent];

const step: fc.Arbitrary<Step> = fc.tuple(
  fc.integer({ min: 0, max: 3000 }),
  fc.constantFrom<(at: number) => CaseEvent>(
    (t) => ({ type: 'customer_message', at: t }),
    (t) => ({ type: 'agent_reply', at: t }),
    (t) => ({ type: 'note', at: t }),
    (t) => ({ type: 'automated_message', at: t }),
    (t) => ({ type: 'status_changed', at: t, status: 'waiting_on_customer' }),
    (t) => ({ type: 'status_changed', at: t, status: 'open' }),
    (t) => ({ type: 'status_changed', at: t, status: 'closed' }),
    (t) => ({ type: 'resolved', at: t }),
    (t) => ({ type: 'reopened', at: t }),
    (t) => ({ type: 'follow_up', at: t }),
    (t) => ({ type: 'attributes_changed', at: t, attributes: { priority: 'urgent' } }),
    (t) => ({ type: 'attributes_changed', at: t, attributes: { priority: 'normal' } }),
  ),
);

function history(steps: readonly Step[], offset = 0): CaseEvent[] {
  const events: CaseEvent[] = [
    { type: 'created', at: START + offset * MINUTE, attributes: { priority: 'normal' } },
  ];
  let t = START + offset * MINUTE;
  for (const [gap, make] of steps) {
    t += gap * MINUTE;
    events.push(make(t));
  }
  return events;
}

const histories = fc.tuple(
  fc.array(step, { maxLength: 20 }),
  fc.integer({ min: 0, max: 7 * 1440 }),
  fc.integer({ min: 0, max: 5000 }),
);

describe('ledger invariants', () => {
  it('running + paused wall minutes equal the wall time covered, intervals tile it, minutes add up', () => {
    fc.assert(
      fc.property(histories, ([steps, offset, after]) => {
        const events = history(steps, offset);
        const last = events[events.length - 1] as CaseEvent;
        const now = (last.at as number) + after * MINUTE;
        const { clocks, issues } = computeClocks(events, mixed, calendars, now);
        expect(issues).toEqual([]);
        for (const clock of clocks) {
          const end = clock.stoppedAt ?? clock.asOf;
          expect(clock.runningMinutes + clock.pausedMinutes).toBeCloseTo((end - clock.startedAt) / MINUTE, 6);
          expect(clock.intervals[0]?.from).toBe(clock.startedAt);
          clock.intervals.forEach((interval, i) => {
            const next = clock.intervals[i + 1];
            if (next !== undefined) expect(interval.to).toBe(next.from);
            else expect(interval.to ?? clock.asOf).toBe(end);
          });
          const business = clock.intervals.reduce((sum, i) => sum + i.businessMinutes, 0);
          expect(clock.usedMinutes).toBeCloseTo(business, 6);
          expect(clock.remainingMinutes).toBeCloseTo(clock.budgetMinutes - clock.usedMinutes, 6);
          checkState(clock);
        }
      }),
      { numRuns: 300 },
    );
  });
});

function checkState(clock: Clock): void {
  const end = clock.stoppedAt ?? clock.asOf;
  switch (clock.state) {
    case 'met':
      expect(clock.breachedAt).toBeNull();
      expect(clock.dueAt).not.toBeNull();
      expect(clock.stoppedAt as number).toBeLessThanOrEqual(clock.dueAt as number);
      break;
    case 'breached':
      // at the latest "now" or the stop: a re-targeting can make it a fact at that very instant
      expect(clock.breachedAt as number).toBeLessThanOrEqual(end);
      if (clock.breachedAt === clock.dueAt) expect(clock.breachedAt as number).toBeLessThan(end);
      break;
    case 'running':
      expect(clock.active && !clock.paused).toBe(true);
      expect(clock.dueAt as number).toBeGreaterThanOrEqual(clock.asOf);
      break;
    case 'paused':
      expect(clock.active && clock.paused).toBe(true);
      break;
    case 'cancelled':
      expect(clock.active).toBe(false);
  }
  if (clock.targets.length === 1 && clock.breachedAt !== null) {
    expect(clock.breachedAt).toBe(Math.max(clock.dueAt as number, clock.target.from));
  }
}

/** Histories without status events, so that a pause can be inserted anywhere. */
const conversation = fc.array(
  fc.tuple(
    fc.integer({ min: 0, max: 2000 }),
    fc.constantFrom<(t: number) => CaseEvent>(
      (t) => ({ type: 'customer_message', at: t }),
      (t) => ({ type: 'agent_reply', at: t }),
      (t) => ({ type: 'note', at: t }),
    ),
  ),
  { maxLength: 12 },
);

function resolutionDue(events: readonly CaseEvent[], duration: string, calendar: string, now: number): Clock {
  const resolver = byPriority({ normal: [target('resolution', duration, calendar)] });
  const { clocks } = computeClocks(events, resolver, calendars, now);
  return clocks[0] as Clock;
}

describe('due instants', () => {
  const calendarName = fc.constantFrom('Weekdays', '24/7', 'Support');

  it('are monotone in the budget', () => {
    fc.assert(
      fc.property(
        histories,
        calendarName,
        fc.integer({ min: 0, max: 6000 }),
        fc.integer({ min: 0, max: 6000 }),
        ([steps, offset], calendar, a, b) => {
          const events = history(steps, offset).filter((e) => e.type !== 'attributes_changed');
          const now = (events[events.length - 1]?.at as number) + MINUTE;
          const small = resolutionDue(events, `PT${Math.min(a, b)}M`, calendar, now).dueAt;
          const large = resolutionDue(events, `PT${Math.max(a, b)}M`, calendar, now).dueAt;
          if (large !== null) {
            expect(small).not.toBeNull();
            expect(small as number).toBeLessThanOrEqual(large);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never come earlier because of a pause', () => {
    fc.assert(
      fc.property(
        conversation,
        calendarName,
        fc.integer({ min: 1, max: 4000 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 1, max: 3000 }),
        (steps, calendar, budget, pauseAt, pauseFor) => {
          const events = history(steps);
          const pauseStart = START + pauseAt * MINUTE;
          const pauseEnd = pauseStart + pauseFor * MINUTE;
          const paused: CaseEvent[] = [
            ...events.filter(
              (e) => e.type === 'created' || (e.at as number) < pauseStart || (e.at as number) >= pauseEnd,
            ),
            { type: 'status_changed', at: pauseStart, status: 'waiting_on_customer' },
            { type: 'status_changed', at: pauseEnd, status: 'open' },
          ];
          const now = Math.max(pauseEnd, events[events.length - 1]?.at as number) + MINUTE;
          const without = resolutionDue(events, `PT${budget}M`, calendar, now);
          const withPause = resolutionDue(paused, `PT${budget}M`, calendar, now);
          expect(withPause.dueAt as number).toBeGreaterThanOrEqual(without.dueAt as number);
          expect(withPause.usedMinutes).toBeLessThanOrEqual(without.usedMinutes + 1e-9);
          if (withPause.breachedAt !== null) expect(without.breachedAt).not.toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('input forms', () => {
  it('give the same clocks for ISO strings and shuffled input (distinct instants)', () => {
    fc.assert(
      fc.property(histories, fc.infiniteStream(fc.nat()), ([steps, offset], seeds) => {
        const events = history(steps, offset);
        const now = (events[events.length - 1]?.at as number) + 60 * MINUTE;
        const distinct = events.filter((e, i) => events.findIndex((o) => o.at === e.at) === i);
        const iso = distinct.map((e) => ({ ...e, at: new Date(e.at).toISOString() }));
        const keys = distinct.map(() => seeds.next().value as number);
        const shuffled = distinct
          .map((e, i) => ({ e, k: keys[i] as number }))
          .sort((x, y) => x.k - y.k)
          .map(({ e }) => e);
        const plain = strip(computeClocks(distinct, mixed, calendars, now).clocks);
        expect(strip(computeClocks(iso, mixed, calendars, new Date(now).toISOString()).clocks)).toEqual(
          plain,
        );
        expect(strip(computeClocks(shuffled, mixed, calendars, now).clocks)).toEqual(plain);
      }),
      { numRuns: 150 },
    );
  });
});

/** Clocks without event indices (they name positions in the input). */
function strip(clocks: readonly Clock[]): unknown {
  return clocks.map((c) => ({ ...c, intervals: c.intervals.map(({ event: _, ...rest }) => rest) }));
}
