import { describe, expect, it } from 'vitest';
import { calendar24x7 } from './always-open.ts';
import { addBusinessDuration, parseBusinessDuration } from './business-duration.ts';
import { compiledFixture } from './hours-section.fixture.ts';

describe('business durations (ISO 8601, time part only)', () => {
  it('reads hours, minutes and seconds, with decimals', () => {
    const minutes = (text: string) => {
      const result = parseBusinessDuration(text);
      return result.ok ? result.value : result.problems[0]?.message;
    };
    expect(minutes('PT24H')).toBe(1440);
    expect(minutes('PT7H30M')).toBe(450);
    expect(minutes('PT1.5H')).toBe(90);
    expect(minutes('PT0,5H')).toBe(30);
    expect(minutes('PT90S')).toBe(1.5);
    expect(minutes('PT1H1M30S')).toBe(61.5);
    expect(minutes('PT0M')).toBe(0);
  });

  it('rejects days, weeks, months and years: a business day has no fixed length', () => {
    for (const text of ['P1D', 'P2W', 'P1M', 'P1Y', 'P1DT2H']) {
      const result = parseBusinessDuration(text, { line: 7, column: 20 });
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([
        {
          code: 'hours',
          severity: 'error',
          message: `Unexpected years, months, weeks or days in "${text}", expected business time in hours and minutes such as PT7H30M (a business day has no fixed length)`,
          position: { line: 7, column: 20 },
        },
      ]);
    }
  });

  it('rejects what is not a duration', () => {
    for (const text of ['PT', 'P', '', '24h', 'PT-1H', 'PTH', 'PT1H30']) {
      const result = parseBusinessDuration(text);
      expect(result.ok).toBe(false);
      expect(result.problems[0]?.message).toBe(
        `Unexpected duration "${text}", expected an ISO 8601 duration such as PT24H or PT7H30M`,
      );
    }
  });

  it('adds a duration in a calendar', () => {
    const support = compiledFixture('Time zone: Europe/London\n| Monday–Friday | 09:00–17:00 |');
    // Monday 2027-01-04 16:00 GMT + 2 business hours: 1 on Monday, 1 on Tuesday.
    expect(addBusinessDuration(support, Date.parse('2027-01-04T16:00:00Z'), 'PT2H')).toEqual({
      ok: true,
      value: Date.parse('2027-01-05T10:00:00Z'),
      problems: [],
    });
    expect(addBusinessDuration(calendar24x7(), Date.parse('2027-01-04T16:00:00Z'), 'PT24H')).toEqual({
      ok: true,
      value: Date.parse('2027-01-05T16:00:00Z'),
      problems: [],
    });
    expect(addBusinessDuration(support, 0, 'P1D').ok).toBe(false);
  });
});
