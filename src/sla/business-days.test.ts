import { describe, expect, it } from 'vitest';
import { businessDaysDue } from './business-days.ts';
import { always, lunchBreak, weekdays, weeklyCalendar } from './calendars.test-support.ts';
import { at } from './fixtures.test-support.ts';

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
    const withHoliday = weeklyCalendar(
      'Holiday',
      { 1: [[540, 1020]], 2: [[540, 1020]], 3: [[540, 1020]], 4: [[540, 1020]], 5: [[540, 1020]] },
      ['2027-01-05'],
    );
    expect(businessDaysDue(withHoliday, at('2027-01-04 10:00'), 1)).toBe(at('2027-01-06 10:00'));
  });

  it('clamps into a shorter business day: to its last closing, or its first opening', () => {
    // Friday 15:00 → Saturday (10:00–14:00): 15:00 is after closing, so 14:00
    expect(businessDaysDue(lunchBreak, at('2027-01-08 15:00'), 1)).toBe(at('2027-01-09 14:00'));
    // Friday 09:00 → Saturday opens at 10:00
    expect(businessDaysDue(lunchBreak, at('2027-01-08 09:00'), 1)).toBe(at('2027-01-09 10:00'));
  });

  it('clamps a time inside the lunch break to the closing before it', () => {
    const lunchOnly = weeklyCalendar('Lunch', {
      1: [
        [540, 750],
        [810, 1050],
      ],
      2: [
        [540, 720],
        [780, 1050],
      ],
    });
    // Monday 12:15 is open; Tuesday 12:15 is in Tuesday's earlier lunch (12:00–13:00)
    expect(businessDaysDue(lunchOnly, at('2027-01-04 12:15'), 1)).toBe(at('2027-01-05 12:00'));
  });

  it('is 24 hours in a 24/7 calendar', () => {
    expect(businessDaysDue(always, at('2027-01-04 11:23'), 3)).toBe(at('2027-01-07 11:23'));
  });

  it('is null for a calendar that never opens', () => {
    expect(businessDaysDue(weeklyCalendar('Never', {}), 0, 1)).toBeNull();
  });
});
