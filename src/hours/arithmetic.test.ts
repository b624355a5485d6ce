import { describe, expect, it } from 'vitest';
import { calendar24x7 } from './always-open.ts';
import { compiledFixture } from './hours-section.fixture.ts';
import { openIntervals } from './open-intervals.ts';

// January 2027 in London is GMT, so local wall times read as UTC. Monday 2027-01-04.
const at = Date.parse;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const support = compiledFixture(`
Time zone: Europe/London
| Monday–Friday | 09:00–12:30, 13:30–17:30 |
| Saturday | 10:00–14:00 |`);

describe('a calendar with a lunch break', () => {
  it('adds within an interval and across the lunch break', () => {
    expect(iso(support.addMinutes(at('2027-01-04T10:00:00Z'), 60))).toBe('2027-01-04T11:00:00.000Z');
    expect(iso(support.addMinutes(at('2027-01-04T12:00:00Z'), 31))).toBe('2027-01-04T13:31:00.000Z');
    expect(iso(support.addMinutes(at('2027-01-04T09:00:00Z'), 0.5))).toBe('2027-01-04T09:00:30.000Z');
  });

  it('makes a budget that runs out exactly at a closing due at that closing, not at the next opening', () => {
    expect(iso(support.addMinutes(at('2027-01-04T12:00:00Z'), 30))).toBe('2027-01-04T12:30:00.000Z');
    expect(iso(support.addMinutes(at('2027-01-04T17:00:00Z'), 30))).toBe('2027-01-04T17:30:00.000Z');
    expect(iso(support.addMinutes(at('2027-01-04T17:00:00Z'), 31))).toBe('2027-01-05T09:01:00.000Z');
    // Friday 17:00: half an hour left, then Saturday's hours.
    expect(iso(support.addMinutes(at('2027-01-08T17:00:00Z'), 60))).toBe('2027-01-09T10:30:00.000Z');
    // Saturday 13:00: one hour left, then Monday.
    expect(iso(support.addMinutes(at('2027-01-09T13:00:00Z'), 120))).toBe('2027-01-11T10:00:00.000Z');
  });

  it('finds due times one interval on, a few on, and weeks on alike (from the index of open time)', () => {
    // A week of this calendar is 11 intervals (two a weekday, one on Saturday), 41.5 hours.
    const monday = at('2027-01-04T10:00:00Z');
    for (const weeks of [0, 1, 2, 10]) {
      for (const minutes of [30, 210, 240, 450, 2100, 2490]) {
        const budget = weeks * 2490 + minutes;
        const due = support.addMinutes(monday, budget);
        expect(support.elapsedMinutes(monday, due)).toBe(budget);
        expect(support.addMinutes(monday, budget + 0.5)).toBeGreaterThan(due);
      }
    }
    // Exactly one week from Monday 10:00: the next Monday 10:00.
    expect(iso(support.addMinutes(monday, 2490))).toBe('2027-01-11T10:00:00.000Z');
  });

  it('starts a clock started while closed at the next opening', () => {
    expect(iso(support.addMinutes(at('2027-01-04T12:45:00Z'), 15))).toBe('2027-01-04T13:45:00.000Z');
    expect(iso(support.addMinutes(at('2027-01-04T12:30:00Z'), 1))).toBe('2027-01-04T13:31:00.000Z');
    expect(iso(support.addMinutes(at('2027-01-04T06:00:00Z'), 90))).toBe('2027-01-04T10:30:00.000Z');
    expect(iso(support.addMinutes(at('2027-01-10T12:00:00Z'), 5))).toBe('2027-01-11T09:05:00.000Z');
    // A zero budget started while closed is due when the clock starts.
    expect(iso(support.addMinutes(at('2027-01-10T12:00:00Z'), 0))).toBe('2027-01-11T09:00:00.000Z');
    expect(iso(support.addMinutes(at('2027-01-04T12:30:00Z'), 0))).toBe('2027-01-04T13:30:00.000Z');
    expect(iso(support.addMinutes(at('2027-01-04T11:00:00Z'), 0))).toBe('2027-01-04T11:00:00.000Z');
  });

  it('subtracts with a negative budget, landing on an opening rather than the closing before it', () => {
    expect(iso(support.addMinutes(at('2027-01-04T13:45:00Z'), -15))).toBe('2027-01-04T13:30:00.000Z');
    expect(iso(support.addMinutes(at('2027-01-04T13:45:00Z'), -16))).toBe('2027-01-04T12:29:00.000Z');
    expect(iso(support.addMinutes(at('2027-01-04T09:00:00Z'), -240))).toBe('2027-01-02T10:00:00.000Z');
    expect(iso(support.addMinutes(at('2027-01-04T09:30:00Z'), -31))).toBe('2027-01-02T13:59:00.000Z');
  });

  it('counts elapsed business minutes, negative from a later to an earlier instant', () => {
    expect(support.elapsedMinutes(at('2027-01-04T09:00:00Z'), at('2027-01-04T17:30:00Z'))).toBe(450);
    expect(support.elapsedMinutes(at('2027-01-04T14:00:00Z'), at('2027-01-04T10:00:00Z'))).toBe(-180);
    expect(support.elapsedMinutes(at('2027-01-08T17:00:00Z'), at('2027-01-11T09:30:00Z'))).toBe(
      30 + 240 + 30,
    );
    // A whole week: five days of 7.5 hours and a Saturday of 4.
    expect(support.elapsedMinutes(at('2027-01-04T00:00:00Z'), at('2027-01-11T00:00:00Z'))).toBe(
      5 * 450 + 240,
    );
    expect(support.elapsedMinutes(at('2027-01-10T08:00:00Z'), at('2027-01-10T20:00:00Z'))).toBe(0);
    expect(support.elapsedMinutes(at('2027-01-04T09:00:00Z'), at('2027-01-04T09:00:30Z'))).toBe(0.5);
  });

  it('is open on [open, close): open at the opening, closed at the closing', () => {
    expect(support.isOpen(at('2027-01-04T09:00:00Z'))).toBe(true);
    expect(support.isOpen(at('2027-01-04T08:59:59.999Z'))).toBe(false);
    expect(support.isOpen(at('2027-01-04T12:29:59.999Z'))).toBe(true);
    expect(support.isOpen(at('2027-01-04T12:30:00Z'))).toBe(false);
    expect(support.isOpen(at('2027-01-04T17:30:00Z'))).toBe(false);
    expect(support.isOpen(at('2027-01-10T12:00:00Z'))).toBe(false);
  });

  it('finds the next opening and closing', () => {
    expect(iso(support.nextOpening(at('2027-01-04T10:00:00Z')))).toBe('2027-01-04T10:00:00.000Z');
    expect(iso(support.nextOpening(at('2027-01-04T12:30:00Z')))).toBe('2027-01-04T13:30:00.000Z');
    expect(iso(support.nextOpening(at('2027-01-08T17:30:00Z')))).toBe('2027-01-09T10:00:00.000Z');
    expect(iso(support.nextOpening(at('2027-01-09T14:00:00Z')))).toBe('2027-01-11T09:00:00.000Z');
    expect(iso(support.nextClosing(at('2027-01-04T09:00:00Z')))).toBe('2027-01-04T12:30:00.000Z');
    expect(iso(support.nextClosing(at('2027-01-04T12:30:00Z')))).toBe('2027-01-04T17:30:00.000Z');
    expect(iso(support.nextClosing(at('2027-01-10T12:00:00Z')))).toBe('2027-01-11T12:30:00.000Z');
  });

  it('lists the opening hours over a span, clipped to it', () => {
    const day = openIntervals(support, at('2027-01-04T00:00:00Z'), at('2027-01-05T00:00:00Z')).map((p) =>
      p.map(iso),
    );
    expect(day).toEqual([
      ['2027-01-04T09:00:00.000Z', '2027-01-04T12:30:00.000Z'],
      ['2027-01-04T13:30:00.000Z', '2027-01-04T17:30:00.000Z'],
    ]);
    const clipped = openIntervals(support, at('2027-01-04T10:00:00Z'), at('2027-01-04T15:00:00Z')).map((p) =>
      p.map(iso),
    );
    expect(clipped).toEqual([
      ['2027-01-04T10:00:00.000Z', '2027-01-04T12:30:00.000Z'],
      ['2027-01-04T13:30:00.000Z', '2027-01-04T15:00:00.000Z'],
    ]);
  });
});

describe('shifts past midnight', () => {
  const nights = compiledFixture(`
Time zone: UTC
| Monday–Friday | 22:00–06:00 |`);

  it('belong to the day they start and run into the next', () => {
    expect(nights.isOpen(at('2027-01-05T03:00:00Z'))).toBe(true); // Monday's shift, on Tuesday
    expect(nights.isOpen(at('2027-01-09T03:00:00Z'))).toBe(true); // Friday's shift, on Saturday
    expect(nights.isOpen(at('2027-01-10T03:00:00Z'))).toBe(false); // Saturday has no shift
    expect(nights.isOpen(at('2027-01-04T03:00:00Z'))).toBe(false); // nor Sunday
    expect(nights.isOpen(at('2027-01-04T21:59:59Z'))).toBe(false);
    expect(nights.isOpen(at('2027-01-04T22:00:00Z'))).toBe(true);
  });

  it('count and add across midnight', () => {
    expect(nights.elapsedMinutes(at('2027-01-04T00:00:00Z'), at('2027-01-05T12:00:00Z'))).toBe(480);
    expect(iso(nights.addMinutes(at('2027-01-04T23:00:00Z'), 120))).toBe('2027-01-05T01:00:00.000Z');
    expect(iso(nights.addMinutes(at('2027-01-05T05:00:00Z'), 120))).toBe('2027-01-05T23:00:00.000Z');
    // Friday 23:00: seven hours to Saturday 06:00, then Monday night.
    expect(iso(nights.addMinutes(at('2027-01-08T23:00:00Z'), 480))).toBe('2027-01-11T23:00:00.000Z');
    expect(iso(nights.nextClosing(at('2027-01-04T23:00:00Z')))).toBe('2027-01-05T06:00:00.000Z');
  });

  it('merge with a day shift that starts when they end', () => {
    const cover = compiledFixture(`
Time zone: UTC
| Monday–Friday | 06:00–14:00, 22:00–06:00 |`);
    expect(iso(cover.nextClosing(at('2027-01-04T23:00:00Z')))).toBe('2027-01-05T14:00:00.000Z');
    expect(cover.elapsedMinutes(at('2027-01-04T23:00:00Z'), at('2027-01-05T14:00:00Z'))).toBe(15 * 60);
  });

  it('stop at midnight before a closed day, and do not start on one', () => {
    const closed = compiledFixture(`
Time zone: UTC
| Monday–Friday | 22:00–06:00 |
| Saturday | 08:00–12:00 |
Closed: 2027-01-09, 2027-01-05`);
    expect(nights.isOpen(at('2027-01-09T03:00:00Z'))).toBe(true);
    expect(closed.isOpen(at('2027-01-09T03:00:00Z'))).toBe(false);
    expect(iso(closed.nextClosing(at('2027-01-08T23:00:00Z')))).toBe('2027-01-09T00:00:00.000Z');
    // Tuesday the 5th is closed: Monday's shift stops at midnight and Tuesday's does not happen.
    expect(closed.isOpen(at('2027-01-05T03:00:00Z'))).toBe(false);
    expect(closed.isOpen(at('2027-01-05T23:00:00Z'))).toBe(false);
    expect(closed.isOpen(at('2027-01-06T03:00:00Z'))).toBe(false);
    expect(closed.isOpen(at('2027-01-06T23:00:00Z'))).toBe(true);
    expect(closed.elapsedMinutes(at('2027-01-04T00:00:00Z'), at('2027-01-07T00:00:00Z'))).toBe(120 + 120);
  });
});

describe('a 24/7 calendar', () => {
  const always = compiledFixture(`
Time zone: Europe/London
| Monday–Sunday | 00:00–24:00 |`);

  it('has no gap at midnight', () => {
    expect(always.isOpen(at('2027-01-05T00:00:00Z'))).toBe(true);
    expect(iso(always.nextOpening(at('2027-01-05T00:00:00Z')))).toBe('2027-01-05T00:00:00.000Z');
    expect(always.elapsedMinutes(at('2027-01-04T23:00:00Z'), at('2027-01-05T01:00:00Z'))).toBe(120);
    expect(iso(always.addMinutes(at('2027-01-04T23:30:00Z'), 60))).toBe('2027-01-05T00:30:00.000Z');
    const week = openIntervals(always, at('2027-01-04T00:00:00Z'), at('2027-01-11T00:00:00Z')).map((p) =>
      p.map(iso),
    );
    expect(week).toEqual([['2027-01-04T00:00:00.000Z', '2027-01-11T00:00:00.000Z']]);
  });

  it('never closes, within the supported years', () => {
    expect(always.nextClosing(at('2027-06-01T12:00:00Z'))).toBeNull();
  });

  it('is the same when written as two halves, or as day and night shifts', () => {
    for (const text of [
      '| Monday–Sunday | 00:00–12:00, 12:00–24:00 |',
      '| Mon–Sun | 06:00–22:00, 22:00–06:00 |',
    ]) {
      const calendar = compiledFixture(`Time zone: UTC\n${text}`);
      const week = openIntervals(calendar, at('2027-01-04T00:00:00Z'), at('2027-01-11T00:00:00Z'));
      expect(week.map((p) => p.map(iso))).toEqual([['2027-01-04T00:00:00.000Z', '2027-01-11T00:00:00.000Z']]);
    }
  });

  it('calendar24x7() counts plain elapsed time', () => {
    const plain = calendar24x7();
    expect(plain.name).toBe('24/7');
    expect(calendar24x7('Emergencies').name).toBe('Emergencies');
    expect(iso(plain.addMinutes(at('2027-01-04T23:30:00Z'), 90))).toBe('2027-01-05T01:00:00.000Z');
    expect(plain.elapsedMinutes(at('2027-01-05T01:00:00Z'), at('2027-01-04T23:30:00Z'))).toBe(-90);
    expect(plain.isOpen(at('2027-01-05T00:00:00Z'))).toBe(true);
    expect(plain.nextClosing(0)).toBeNull();
  });
});

describe('beyond the precomputed years', () => {
  it('grows on demand, across a year end and into later years', () => {
    // Friday 2027-12-31 17:00: half an hour left, then Saturday 1 January 2028 (no holidays in this calendar).
    expect(iso(support.addMinutes(at('2027-12-31T17:00:00Z'), 60))).toBe('2028-01-01T10:30:00.000Z');
    // Thursday 2026-12-31 17:00 to Monday: 30 + Friday 450 + Saturday 240.
    expect(support.elapsedMinutes(at('2026-12-31T17:00:00Z'), at('2027-01-04T09:00:00Z'))).toBe(720);
    // Monday 2035-01-01 (a Monday), 10:00 GMT.
    expect(iso(support.addMinutes(at('2035-01-01T09:00:00Z'), 60))).toBe('2035-01-01T10:00:00.000Z');
  });

  it('throws for instants outside 1970–2100, and answers "never" for due times beyond', () => {
    expect(() => support.elapsedMinutes(at('1960-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toThrow(
      RangeError,
    );
    expect(() => support.isOpen(at('2200-01-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => support.isOpen(Number.NaN)).toThrow(RangeError);
    expect(() => support.addMinutes(at('2027-01-04T09:00:00Z'), Number.NaN)).toThrow(RangeError);
    expect(support.addMinutes(at('2027-01-04T09:00:00Z'), 1e9)).toBe(Number.POSITIVE_INFINITY);
    expect(support.addMinutes(at('2027-01-04T09:00:00Z'), -1e9)).toBe(Number.NEGATIVE_INFINITY);
    // Friday 2100-12-31 after closing: the next opening would be in 2101.
    expect(support.nextOpening(at('2100-12-31T18:00:00Z'))).toBeNull();
  });
});

describe('many instants placed at once', () => {
  const place = (calendar: typeof support, instants: number[]) => {
    const placement = calendar.placement?.();
    if (placement === undefined) throw new Error('no placement');
    placement.place(Float64Array.from(instants), instants.length);
    return placement;
  };

  it('give elapsed minutes by subtraction and due times, in or out of order, open or closed, across years', () => {
    const instants = [
      '2027-01-04T09:00:00Z',
      '2027-01-04T12:45:00Z', // lunch
      '2027-01-04T13:31:30.5Z',
      '2027-01-09T13:00:00Z', // Saturday
      '2027-01-04T10:00:00Z', // back in time
      '2027-01-10T12:00:00Z', // Sunday
      '2027-12-31T17:00:00Z',
      '2028-01-01T10:30:00Z',
      '2031-06-02T11:00:00Z',
    ].map(at);
    for (const calendar of [support, calendar24x7()]) {
      const placement = place(calendar, instants);
      const out = placement.positions;
      instants.forEach((a, i) => {
        instants.forEach((b, j) => {
          expect(((out[j] as number) - (out[i] as number)) / 60_000).toBe(calendar.elapsedMinutes(a, b));
        });
        for (const minutes of [0, 0.5, 30, 240, 2490, 25_000, -90, 1e9]) {
          expect(placement.addMinutes(i, minutes)).toBe(calendar.addMinutes(a, minutes));
        }
      });
    }
  });

  it('leave instants outside 1970–2100 to the calendar (NaN positions; addMinutes throws as it does)', () => {
    const monday = at('2027-01-04T10:00:00Z');
    const tuesday = at('2027-01-05T10:00:00Z');
    const placement = place(support, [monday, at('1960-01-01T00:00:00Z'), tuesday]);
    const out = placement.positions;
    expect(Number.isNaN(out[1])).toBe(true);
    expect(((out[2] as number) - (out[0] as number)) / 60_000).toBe(support.elapsedMinutes(monday, tuesday));
    expect(placement.addMinutes(2, 60)).toBe(support.addMinutes(tuesday, 60));
    expect(() => placement.addMinutes(1, 60)).toThrow(RangeError);
  });
});
