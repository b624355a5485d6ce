import { describe, expect, it } from 'vitest';
import { addBusinessDuration, parseBusinessDuration } from '../hours/index.ts';
import { computeClocks } from './engine.ts';
import { always, at, byPriority, lunchBreak, target, weekdays } from './fixtures.test-support.ts';

const calendars = { Weekdays: weekdays, Support: lunchBreak, '24/7': always };

/** The due instant of a first-reply clock with that target, created at `start` and not yet answered. */
function slaDue(duration: string, calendar: keyof typeof calendars, start: number) {
  const resolver = byPriority({ normal: [target('first_reply', duration, calendar)] });
  const events = [{ type: 'created' as const, at: start, attributes: {} }];
  return computeClocks(events, resolver, calendars, start);
}

describe('one parser, one meaning: a duration means the same in hours and in SLA targets', () => {
  const durations = ['PT4H', 'PT7H30M', 'PT1.5H', 'PT90S', 'P1D', 'P2D', 'P1DT2H', 'P0D', ' PT4H '];
  const starts = [
    '2027-01-04 08:00',
    '2027-01-04 11:00',
    '2027-01-08 15:00',
    '2027-01-09 11:00',
    '2027-03-26 10:00',
  ];

  it.each(durations)('%j is due at the same instant', (duration) => {
    for (const name of ['Weekdays', 'Support', '24/7'] as const) {
      for (const start of starts.map(at)) {
        const hours = addBusinessDuration(calendars[name], start, duration);
        const { clocks, issues } = slaDue(duration, name, start);
        expect(issues).toEqual([]);
        expect(hours.ok && clocks[0]?.dueAt).toBe(hours.ok && hours.value);
      }
    }
  });

  it.each(['P1W', 'P1M', 'P1Y', 'P1.5D', 'PT', 'P', 'P1DT', 'PT1H30', '4 hours', '-PT1H', 'PT30M1H'])(
    '%j is refused by both, at the same character and in the same words',
    (duration) => {
      const parsed = parseBusinessDuration(duration);
      const { clocks, issues } = slaDue(duration, 'Weekdays', at('2027-01-04 09:00'));
      expect(parsed.ok).toBe(false);
      expect(clocks).toEqual([]);
      expect(issues).toHaveLength(1);
      const issue = issues[0];
      const problem = parsed.problems[0];
      expect(issue?.code).toBe('invalid-duration');
      expect(issue?.problem?.column).toBe(problem?.position.column);
      // hours says `Unexpected X, expected Y`; sla says `Unexpected X for first_reply at character N, expected Y`
      const [unexpected, expected] = (problem?.message ?? '').split(', expected ');
      expect(issue?.message).toBe(
        `${unexpected} for first_reply at character ${problem?.position.column}, expected ${expected}`,
      );
    },
  );
});
