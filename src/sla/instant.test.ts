import { describe, expect, it } from 'vitest';
import { toEpochMs, toIso } from './instant.ts';

describe('toEpochMs', () => {
  it.each([
    ['2027-01-04T09:00:00Z', Date.UTC(2027, 0, 4, 9)],
    ['2027-01-04T09:00:00.123Z', Date.UTC(2027, 0, 4, 9, 0, 0, 123)],
    ['2027-01-04T10:00:00+01:00', Date.UTC(2027, 0, 4, 9)],
    ['2027-01-04T04:00-05:00', Date.UTC(2027, 0, 4, 9)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('reads %s', (text, expected) => {
    expect(toEpochMs(text)).toBe(expected);
  });

  it('passes epoch milliseconds through', () => {
    expect(toEpochMs(1_799_053_200_000)).toBe(1_799_053_200_000);
  });

  it.each([
    '2027-01-04',
    '2027-01-04T09:00:00',
    '2027-02-29T09:00:00Z',
    '2027-13-01T09:00:00Z',
    '2027-01-04T24:00:00Z',
    'yesterday',
  ])('refuses %s', (text) => {
    expect(() => toEpochMs(text)).toThrow(RangeError);
  });

  it('refuses non-finite numbers', () => {
    expect(() => toEpochMs(Number.NaN)).toThrow(/expected epoch milliseconds/);
  });

  it('round-trips through toIso', () => {
    expect(toIso(toEpochMs('2027-01-04T09:00:00Z'))).toBe('2027-01-04T09:00:00.000Z');
  });
});
