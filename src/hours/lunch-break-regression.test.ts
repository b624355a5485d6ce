import { describe, expect, it } from 'vitest';
import { compiledFixture } from './hours-section.fixture.ts';

// moment-business-time 2.0.0, set to this calendar, answers
//   moment.tz('2027-01-04T13:00:00Z', 'Europe/London').workingDiff(moment.tz('2027-01-04T12:00:00Z', …), 'minutes', true)
// with 0 (and 0 the other way round). Its workingDiff treats the lunch break as working time when it snaps
// the end instant (isWorkingTime({ ignoreBreaks: true })), then sums every segment of the day without
// clamping to the end: 12:00–12:30 counts −30 and the 13:30–17:30 segment, cut at 13:00, counts +30.
// The right answer is the 30 minutes from 12:00 to the 12:30 closing. (bench/hours.bench.ts prints both.)
// From 12:45 to 13:00, both inside the break, it answers −30 instead of 0.
describe('elapsed time across a lunch break (a case moment-business-time gets wrong)', () => {
  const support = compiledFixture(`
Time zone: Europe/London
Holidays: GB-ENG
| Monday–Friday | 09:00–12:30, 13:30–17:30 |
| Saturday | 10:00–14:00 |`);

  it('counts 30 minutes from Monday 12:00 to 13:00, and −30 the other way', () => {
    const noon = Date.parse('2027-01-04T12:00:00Z');
    const onePm = Date.parse('2027-01-04T13:00:00Z');
    expect(support.elapsedMinutes(noon, onePm)).toBe(30);
    expect(support.elapsedMinutes(onePm, noon)).toBe(-30);
  });

  it('counts nothing within the break and the break not at all across it', () => {
    expect(
      support.elapsedMinutes(Date.parse('2027-01-04T12:45:00Z'), Date.parse('2027-01-04T13:00:00Z')),
    ).toBe(0);
    expect(
      support.elapsedMinutes(Date.parse('2027-01-04T12:00:00Z'), Date.parse('2027-01-04T14:00:00Z')),
    ).toBe(60);
  });
});
