import { describe, expect, it } from 'vitest';
import { calendar24x7 } from './always-open.ts';
import {
  addBusinessDuration,
  businessDurationMinutes,
  parseBusinessDuration,
  readBusinessDuration,
} from './business-duration.ts';
import { compiledFixture } from './hours-section.fixture.ts';

const at = (text: string) => Date.parse(`${text.replace(' ', 'T')}:00Z`);
const weekdays = compiledFixture('Time zone: UTC\n| Monday–Friday | 09:00–17:00 |');
const dueOf = (start: string, duration: string) => {
  const result = addBusinessDuration(weekdays, at(start), duration);
  return result.ok ? result.value : result.problems;
};

describe('business durations (ISO 8601)', () => {
  it('reads hours, minutes and seconds, with decimals', () => {
    const minutes = (text: string) => {
      const result = parseBusinessDuration(text);
      return result.ok ? result.value.minutes : result.problems[0]?.message;
    };
    expect(minutes('PT24H')).toBe(1440);
    expect(minutes('PT7H30M')).toBe(450);
    expect(minutes('PT1.5H')).toBe(90);
    expect(minutes('PT0,5H')).toBe(30);
    expect(minutes('PT90S')).toBe(1.5);
    expect(minutes('PT1H1M30S')).toBe(61.5);
    expect(minutes('PT0M')).toBe(0);
    expect(minutes(' PT4H ')).toBe(240);
  });

  it('reads business days, alone or before a time', () => {
    expect(readBusinessDuration('P1D')).toEqual({ days: 1, minutes: 0 });
    expect(readBusinessDuration('P2DT4H')).toEqual({ days: 2, minutes: 240 });
    expect(readBusinessDuration('P0D')).toEqual({ days: 0, minutes: 0 });
    expect(parseBusinessDuration('P1DT30M')).toEqual({
      ok: true,
      value: { days: 1, minutes: 30 },
      problems: [],
    });
  });

  it('refuses years, months and weeks at the number, positioned from where the text starts', () => {
    for (const [text, unit] of [
      ['P1Y', 'years'],
      ['P1M', 'months'],
      ['P2W', 'weeks'],
      ['P1DT2H1W', null],
    ] as const) {
      const result = parseBusinessDuration(text, { line: 7, column: 20 });
      expect(result.ok).toBe(false);
      if (unit === null) continue; // a W after T is no designator at all (below)
      expect(result.problems).toEqual([
        {
          code: 'hours',
          severity: 'error',
          message: `Unexpected ${unit} in duration "${text}", expected business days or hours such as P1D or PT7H30M (years, months and weeks have no fixed length in business time)`,
          position: { line: 7, column: 21 },
        },
      ]);
    }
  });

  it.each([
    ['', 1, 'empty duration ""', 'an ISO 8601 business duration such as PT4H, PT7H30M or P1D'],
    ['P', 2, 'end of duration "P"', 'business days or a time after "P", as in P1D or PT4H'],
    ['PT', 3, 'end of duration "PT"', 'hours, minutes or seconds after "T", as in PT4H'],
    ['P1DT', 5, 'end of duration "P1DT"', 'hours, minutes or seconds after "T", as in PT4H'],
    ['24h', 1, '"2" at the start of duration "24h"', '"P", as in PT4H or P1D'],
    ['-PT1H', 1, '"-" at the start of duration "-PT1H"', '"P", as in PT4H or P1D'],
    ['PT-1H', 3, '"-" in duration "PT-1H"', 'a number of hours, minutes or seconds'],
    ['PTH', 3, '"H" in duration "PTH"', 'a number of hours, minutes or seconds'],
    ['PT1H30', 7, 'end of duration "PT1H30"', '"H", "M" or "S" after 30'],
    ['P1', 3, 'end of duration "P1"', '"D" after 1'],
    ['PT4X', 4, '"X" in duration "PT4X"', '"H", "M" or "S"'],
    ['P4H', 3, '"H" in duration "P4H"', '"D"'],
    [
      'PT30M1H',
      7,
      'hours after minutes in duration "PT30M1H"',
      'days, hours, minutes and seconds at most once each, in that order',
    ],
    [
      'PT1H1H',
      6,
      'hours after hours in duration "PT1H1H"',
      'days, hours, minutes and seconds at most once each, in that order',
    ],
    [
      'P1.5D',
      2,
      'a fraction of a day in duration "P1.5D"',
      'whole business days such as P1D, or hours such as PT12H',
    ],
    ['  PT1Hx', 7, '"x" in duration "PT1Hx"', 'a number of hours, minutes or seconds'],
  ])('refuses %j at column %i', (text, column, unexpected, expected) => {
    const result = parseBusinessDuration(text);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        code: 'hours',
        severity: 'error',
        message: `Unexpected ${unexpected}, expected ${expected}`,
        position: { line: 1, column },
      },
    ]);
  });

  it('adds a duration in a calendar', () => {
    const support = compiledFixture('Time zone: Europe/London\n| Monday–Friday | 09:00–17:00 |');
    // Monday 2027-01-04 16:00 GMT + 2 business hours: 1 on Monday, 1 on Tuesday.
    expect(addBusinessDuration(support, at('2027-01-04 16:00'), 'PT2H')).toEqual({
      ok: true,
      value: at('2027-01-05 10:00'),
      problems: [],
    });
    expect(addBusinessDuration(calendar24x7(), at('2027-01-04 16:00'), 'PT24H')).toEqual({
      ok: true,
      value: at('2027-01-05 16:00'),
      problems: [],
    });
    expect(addBusinessDuration(support, 0, 'P1W').ok).toBe(false);
  });

  it('adds business days: the same local time on the next business day, as open minutes', () => {
    // Friday 15:00 + P1D = Monday 15:00: 8 open hours (2 on Friday, 6 on Monday).
    expect(businessDurationMinutes(weekdays, at('2027-01-08 15:00'), { days: 1, minutes: 0 })).toBe(480);
    expect(dueOf('2027-01-08 15:00', 'P1D')).toBe(at('2027-01-11 15:00'));
    expect(dueOf('2027-01-08 15:00', 'P1DT1H')).toBe(at('2027-01-11 16:00'));
    // Started while closed (Monday 08:00), P1D reaches Tuesday's opening: the 8 open hours of Monday,
    // used up at Monday's closing (the earliest instant, as for any budget).
    expect(businessDurationMinutes(weekdays, at('2027-01-04 08:00'), { days: 1, minutes: 0 })).toBe(480);
    expect(dueOf('2027-01-04 08:00', 'P1D')).toBe(at('2027-01-04 17:00'));
  });
});
