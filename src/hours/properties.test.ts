import Holidays from 'date-holidays';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { compiledFixture } from './hours-section.fixture.ts';

const ZONE = 'Europe/London';
const calendar = compiledFixture(`
Time zone: Europe/London
Holidays: GB-ENG
| Monday–Friday | 09:00–12:30, 13:30–17:30 |
| Saturday | 10:00–14:00 |
Closed: 2027-12-24, 2027-12-31`);

const YEAR_START = Date.parse('2027-01-01T00:00:00Z');
const YEAR_END = Date.parse('2028-01-01T00:00:00Z');
const instant = fc.integer({ min: YEAR_START, max: YEAR_END });
const minutes = fc.double({ min: -3000, max: 3000, noNaN: true });
const CLOSE = 1e-6; // minutes; fractional budgets go through floating point

/**
 * A slow, independent reference: opening hours day by day with luxon's own wall-time conversion, holidays
 * straight from date-holidays. Business hours here never fall in an hour that clocks skip or repeat.
 */
const HOURS: Record<number, [string, string][]> = {
  1: [
    ['09:00', '12:30'],
    ['13:30', '17:30'],
  ],
  2: [
    ['09:00', '12:30'],
    ['13:30', '17:30'],
  ],
  3: [
    ['09:00', '12:30'],
    ['13:30', '17:30'],
  ],
  4: [
    ['09:00', '12:30'],
    ['13:30', '17:30'],
  ],
  5: [
    ['09:00', '12:30'],
    ['13:30', '17:30'],
  ],
  6: [['10:00', '14:00']],
};
const CLOSED = new Set(['2027-12-24', '2027-12-31']);
for (const year of [2026, 2027, 2028]) {
  for (const h of new Holidays('GB', 'ENG').getHolidays(year))
    if (h.type === 'public') CLOSED.add(h.date.slice(0, 10));
}

function referenceIntervals(from: number, to: number): [number, number][] {
  const result: [number, number][] = [];
  let day = DateTime.fromMillis(from, { zone: ZONE }).startOf('day').minus({ days: 1 });
  while (day.toMillis() < to) {
    const date = day.toISODate()!;
    if (!CLOSED.has(date)) {
      for (const [open, close] of HOURS[day.weekday] ?? [])
        result.push([wall(date, open), wall(date, close)]);
    }
    day = day.plus({ days: 1 });
  }
  return result;
}

function wall(date: string, time: string): number {
  return DateTime.fromISO(`${date}T${time}`, { zone: ZONE }).toMillis();
}

function referenceElapsed(a: number, b: number): number {
  if (a > b) return -referenceElapsed(b, a);
  let ms = 0;
  for (const [open, close] of referenceIntervals(a, b))
    ms += Math.max(0, Math.min(close, b) - Math.max(open, a));
  return ms / 60_000;
}

function referenceAdd(start: number, budget: number): number {
  let left = budget * 60_000;
  for (const [open, close] of referenceIntervals(start, start + 16 * 86_400_000)) {
    if (close <= start) continue;
    const from = Math.max(open, start);
    if (left <= close - from) return from + left;
    left -= close - from;
  }
  throw new Error('reference: not due within 16 days');
}

describe('business-time arithmetic, for all instants and budgets', () => {
  it('gives back the budget: elapsed(start, add(start, m)) = m', () => {
    fc.assert(
      fc.property(instant, minutes, (start, m) => {
        const due = calendar.addMinutes(start, m);
        expect(Math.abs(calendar.elapsedMinutes(start, due) - m)).toBeLessThan(CLOSE);
      }),
      { numRuns: 2000 },
    );
  });

  it('is additive over a split point: elapsed(a, c) = elapsed(a, b) + elapsed(b, c)', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const whole = calendar.elapsedMinutes(a, c);
        expect(
          Math.abs(whole - (calendar.elapsedMinutes(a, b) + calendar.elapsedMinutes(b, c))),
        ).toBeLessThan(CLOSE);
      }),
      { numRuns: 2000 },
    );
  });

  it('is antisymmetric: elapsed(a, b) = -elapsed(b, a)', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        // `+ 0` makes -0 and 0 the same number for toBe.
        expect(calendar.elapsedMinutes(a, b) + 0).toBe(-calendar.elapsedMinutes(b, a) + 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('is monotone in the budget: m1 <= m2 gives add(s, m1) <= add(s, m2)', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (start, x, y) => {
        const [m1, m2] = x <= y ? [x, y] : [y, x];
        expect(calendar.addMinutes(start, m1)).toBeLessThanOrEqual(calendar.addMinutes(start, m2));
      }),
      { numRuns: 2000 },
    );
  });

  it('falls due while open: the millisecond before a due time is open time', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 3000 }), (start, m) => {
        expect(calendar.isOpen(calendar.addMinutes(start, m) - 1)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with a slow day-by-day reference on add and elapsed', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: -21 * 1440, max: 21 * 1440 }),
        fc.integer({ min: 0, max: 5 * 450 }),
        (a, span, m) => {
          const b = a + span * 60_000 + (a % 1000);
          expect(calendar.elapsedMinutes(a, b) + 0).toBe(referenceElapsed(a, b) + 0);
          expect(calendar.addMinutes(a, m)).toBe(referenceAdd(a, m));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('counts plain elapsed time in a 24/7 calendar, across both changes of the clocks', () => {
    const always = compiledFixture(`Time zone: ${ZONE}\n| Monday–Sunday | 00:00–24:00 |`);
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        expect(always.elapsedMinutes(a, b) + 0).toBe((b - a) / 60_000 + 0);
        expect(always.addMinutes(a, (b - a) / 60_000)).toBe(b);
      }),
      { numRuns: 2000 },
    );
  });
});
