import { describe, expect, it } from 'vitest';
import { localDate } from './local-date.ts';

describe('localDate', () => {
  it("is the zone's day, up to the last millisecond before local midnight", () => {
    const midnight = Date.parse('2026-11-23T23:00:00Z'); // 00:00 in Paris (UTC+1)
    expect(localDate(midnight - 1, 'Europe/Paris')).toBe('2026-11-23');
    expect(localDate(midnight, 'Europe/Paris')).toBe('2026-11-24');
    expect(localDate(midnight - 1, 'Europe/Paris')).toBe('2026-11-23');
    expect(localDate(midnight, 'UTC')).toBe('2026-11-23');
  });

  it('follows zones with offsets that are not whole hours, and instants asked in any order', () => {
    const at = Date.parse('2026-06-30T18:29:59.999Z'); // 23:59:59.999 in Kolkata (UTC+5:30)
    expect(localDate(at, 'Asia/Kolkata')).toBe('2026-06-30');
    expect(localDate(at + 1, 'Asia/Kolkata')).toBe('2026-07-01');
    expect(localDate(at - 86_400_000, 'Asia/Kolkata')).toBe('2026-06-29');
    expect(localDate(Date.parse('2026-06-30T18:15:00Z'), 'Asia/Kathmandu')).toBe('2026-07-01'); // UTC+5:45
  });
});
