import { describe, expect, it } from 'vitest';
import { calendar24x7 } from './always-open.ts';
import { businessDaysDue } from './business-days.ts';
import type { Calendar } from './calendar.ts';
import { compiledFixture } from './hours-section.fixture.ts';

/** Epoch ms of a UTC wall time written `2027-01-04 09:00` (a Monday). */
const at = (text: string) => Date.parse(`${text.replace(' ', 'T')}:00Z`);
const always = calendar24x7();
const weekdays = compiledFixture('Time zone: UTC\n| Monday–Friday | 09:00–17:00 |');
const lunchBreak = compiledFixture(`
Time zone: Europe/London
| Monday–Friday | 09:00–12:30, 13:30–17:30 |
| Saturday | 10:00–14:00 |`);

describe('businessDaysDue', () => {
  it('is the same local time on the next business day', () => {
    expect(businessDaysDue(weekdays, at('2027-01-04 11:00'), 1)).toBe(at('2027-01-05 11:00'));
    expect(businessDaysDue(weekdays, at('2027-01-08 15:00'), 1)).toBe(at('2027-01-11 15:00'));
    expect(businessDaysDue(weekdays, at('2027-01-07 10:00'), 2)).toBe(at('2027-01-11 10:00'));
  });

  it('counts from the next opening when started while closed', () => {
    expect(businessDaysDue(weekdays, at('2027-01-09 11:00'), 1)).toBe(at('2027-01-12 09:00'));
    expect(businessDaysDue(weekdays, at('2027-01-04 18:00'), 1)).toBe(at('2027-01-06 09:00'));
  });

  it('skips closed dates', () => {
    const withHoliday = compiledFixture(
      'Time zone: UTC\nClosed: 2027-01-05\n| Monday–Friday | 09:00–17:00 |',
    );
    expect(businessDaysDue(withHoliday, at('2027-01-04 10:00'), 1)).toBe(at('2027-01-06 10:00'));
  });

  it('clamps into a shorter business day: to its last closing, or its first opening', () => {
    // Friday 15:00 → Saturday (10:00–14:00): 15:00 is after closing, so 14:00
    expect(businessDaysDue(lunchBreak, at('2027-01-08 15:00'), 1)).toBe(at('2027-01-09 14:00'));
    // Friday 09:00 → Saturday opens at 10:00
    expect(businessDaysDue(lunchBreak, at('2027-01-08 09:00'), 1)).toBe(at('2027-01-09 10:00'));
  });

  it('clamps a time inside a lunch break to the closing before it', () => {
    const lunches = compiledFixture(`
Time zone: UTC
| Monday | 09:00–12:30, 13:30–17:30 |
| Tuesday | 09:00–12:00, 13:00–17:30 |`);
    // Monday 12:15 is open; Tuesday 12:15 falls in Tuesday's earlier lunch (12:00–13:00)
    expect(businessDaysDue(lunches, at('2027-01-04 12:15'), 1)).toBe(at('2027-01-05 12:00'));
  });

  it('keeps the local time across a change to summer time', () => {
    // Friday 26 March 10:00 GMT → Monday 29 March 10:00 BST (09:00 UTC)
    expect(businessDaysDue(lunchBreak, at('2027-03-26 10:00'), 1)).toBe(at('2027-03-27 10:00'));
    expect(businessDaysDue(lunchBreak, at('2027-03-26 10:00'), 2)).toBe(at('2027-03-29 09:00'));
    // a 23-hour day in an always-open London calendar
    const london = compiledFixture('Time zone: Europe/London\n| Monday–Sunday | 00:00–24:00 |');
    expect(businessDaysDue(london, at('2027-03-27 12:00'), 1)).toBe(at('2027-03-28 11:00'));
    expect(london.elapsedMinutes(at('2027-03-27 12:00'), at('2027-03-28 11:00'))).toBe(23 * 60);
  });

  it('is 24 hours in a 24/7 calendar', () => {
    expect(businessDaysDue(always, at('2027-01-04 11:23'), 3)).toBe(at('2027-01-07 11:23'));
  });

  it('is null for a calendar that never opens', () => {
    const never: Calendar = {
      name: 'Never',
      zone: 'UTC',
      addMinutes: () => Number.POSITIVE_INFINITY,
      elapsedMinutes: () => 0,
      isOpen: () => false,
      nextOpening: () => null,
      nextClosing: () => null,
    };
    expect(businessDaysDue(never, 0, 1)).toBeNull();
  });
});
