import { describe, expect, it } from 'vitest';
import { parseTargetDuration } from './duration.ts';

describe('parseTargetDuration', () => {
  it.each([
    ['PT4H', { days: 0, minutes: 240 }],
    ['PT30M', { days: 0, minutes: 30 }],
    ['PT1H30M', { days: 0, minutes: 90 }],
    ['PT1.5H', { days: 0, minutes: 90 }],
    ['PT90S', { days: 0, minutes: 1.5 }],
    ['P1D', { days: 1, minutes: 0 }],
    ['P2DT4H', { days: 2, minutes: 240 }],
    ['P0D', { days: 0, minutes: 0 }],
  ])('reads %s', (text, expected) => {
    expect(parseTargetDuration(text)).toEqual(expected);
  });

  it.each(['P', 'PT', 'P1W', 'P1M', 'P1Y', 'P1.5D', '-PT1H', 'PT1H ', '4 hours', 'P1DT'])(
    'refuses %s',
    (text) => {
      expect(parseTargetDuration(text)).toBeNull();
    },
  );
});
