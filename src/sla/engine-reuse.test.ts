import { describe, expect, it } from 'vitest';
import { computeClocks, createSlaEngine } from './engine.ts';
import type { CaseEvent } from './events.ts';
import { at, byPriority, target, weekdays } from './fixtures.test-support.ts';
import type { Clock } from './ledger.ts';

// One engine keeps its marks in an arena reused from case to case, and walks a clock once when a
// re-targeting leaves its budget alone: these pin down that neither changes a ledger.

const calendars = { Weekdays: weekdays };
const table = {
  normal: [target('resolution', 'PT16H', 'Weekdays'), target('periodic_update', 'PT4H', 'Weekdays')],
  high: [target('resolution', 'PT16H', 'Weekdays'), target('periodic_update', 'PT2H', 'Weekdays')],
};
const MINUTE = 60_000;

/** Created Monday 09:00, then `pauses` waits on the customer, each answered an hour later. */
function manyPauses(pauses: number, start = at('2027-01-04 09:00')): CaseEvent[] {
  const events: CaseEvent[] = [{ type: 'created', at: start, attributes: { priority: 'normal' } }];
  for (let k = 0; k < pauses; k++) {
    const wait = start + (k * 2 + 1) * 60 * MINUTE;
    events.push({ type: 'status_changed', at: wait, status: 'waiting_on_customer' });
    events.push({ type: 'customer_message', at: wait + 60 * MINUTE });
  }
  return events;
}

const resolution = (clocks: readonly Clock[]) => clocks.find((c) => c.metric === 'resolution') as Clock;

describe('an engine reused across cases', () => {
  it('keeps every mark of a clock that pauses many times', () => {
    const events = manyPauses(11); // 23 marks: more than a timeline's first slots, moved twice
    const now = at('2027-01-05 09:00');
    const clock = resolution(computeClocks(events, byPriority(table), calendars, now).clocks);
    expect(clock.intervals).toHaveLength(23);
    clock.intervals.forEach((interval, k) => {
      expect(interval.state).toBe(k % 2 === 0 ? 'running' : 'paused');
      expect(interval.from).toBe(at('2027-01-04 09:00') + k * 60 * MINUTE);
      expect(interval.event).toBe(k);
      expect(interval.why).toBe(
        k === 0 ? 'created' : k % 2 === 1 ? 'status → waiting on customer' : 'customer replied',
      );
    });
    // Running 09–10, 11–12, 13–14, 15–16 on Monday; the later running hours fall outside 09:00–17:00.
    expect(clock.usedMinutes).toBe(4 * 60);
  });

  it('gives each case the ledger a fresh engine gives it, whatever it computed before', () => {
    const engine = createSlaEngine({ resolver: byPriority(table), calendars });
    const cases = [
      manyPauses(11),
      manyPauses(2, at('2027-01-06 10:00')),
      manyPauses(5, at('2027-01-07 08:30')),
    ];
    const now = at('2027-01-08 12:00');
    const fresh = cases.map((events) =>
      createSlaEngine({ resolver: byPriority(table), calendars }).compute(events, now),
    );
    for (let round = 0; round < 2; round++) {
      for (const [k, events] of cases.entries()) expect(engine.compute(events, now)).toEqual(fresh[k]);
    }
  });

  it('dates each target of a re-targeted clock, walking once when the budget stays the same', () => {
    const events: CaseEvent[] = [
      { type: 'created', at: at('2027-01-04 09:00'), attributes: { priority: 'normal' } },
      { type: 'attributes_changed', at: at('2027-01-04 10:00'), attributes: { priority: 'high' } },
    ];
    const { clocks } = computeClocks(events, byPriority(table), calendars, at('2027-01-04 11:30'));
    const same = resolution(clocks); // PT16H under both: same due instant
    expect(same.targets.map((t) => t.dueAt)).toEqual([at('2027-01-05 17:00'), at('2027-01-05 17:00')]);
    expect(same.dueAt).toBe(at('2027-01-05 17:00'));
    const stricter = clocks.find((c) => c.metric === 'periodic_update') as Clock; // PT4H, then PT2H
    expect(stricter.targets.map((t) => t.dueAt)).toEqual([at('2027-01-04 13:00'), at('2027-01-04 11:00')]);
    expect(stricter).toMatchObject({ state: 'breached', breachedAt: at('2027-01-04 11:00') });
  });
});

describe('the resolver memo', () => {
  const created = (attributes: Record<string, string>): CaseEvent => ({
    type: 'created',
    at: at('2027-01-04 09:00'),
    attributes,
  });
  const periodicDue = (clocks: readonly Clock[]) =>
    clocks.find((c) => c.metric === 'periodic_update')?.dueAt ?? null;

  it('answers equal attributes in new objects alike, and is not fooled by a caller changing its object', () => {
    const resolver = byPriority(table);
    const engine = createSlaEngine({ resolver, calendars });
    const now = at('2027-01-04 10:00');
    const attributes = { priority: 'normal' };
    expect(periodicDue(engine.compute([created(attributes)], now).clocks)).toBe(at('2027-01-04 13:00'));
    expect(periodicDue(engine.compute([created({ priority: 'normal' })], now).clocks)).toBe(
      at('2027-01-04 13:00'),
    );
    expect(resolver.calls).toBe(1);
    attributes.priority = 'high'; // the object last asked about now says something else
    expect(periodicDue(engine.compute([created({ priority: 'high' })], now).clocks)).toBe(
      at('2027-01-04 11:00'),
    );
    expect(periodicDue(engine.compute([created({ priority: 'normal' })], now).clocks)).toBe(
      at('2027-01-04 13:00'),
    );
    expect(resolver.calls).toBe(2);
  });
});
