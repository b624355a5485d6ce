import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('record ids (UUIDv7)', () => {
  it('are RFC 9562 version 7 with the variant bits set', () => {
    for (let i = 0; i < 1000; i++) expect(newId()).toMatch(V7);
  });

  it('carry the time they were made in their first 48 bits', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    const ms = Number.parseInt(id.replace('-', '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after + 1);
  });

  it('increase strictly, many to a millisecond, and never repeat', () => {
    const ids = Array.from({ length: 200_000 }, () => newId());
    for (let i = 1; i < ids.length; i++)
      if (!(ids[i]! > ids[i - 1]!)) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // Many ids shared a millisecond, so the counter (not only the clock) did the ordering.
    const millis = new Set(ids.map((id) => id.slice(0, 13)));
    expect(millis.size).toBeLessThan(ids.length / 10);
  });

  it('keep increasing when the clock steps back', () => {
    const real = Date.now;
    const first = newId();
    try {
      Date.now = () => real() - 60_000;
      const later = [newId(), newId()];
      expect(later[0]! > first).toBe(true);
      expect(later[1]! > later[0]!).toBe(true);
    } finally {
      Date.now = real;
    }
  });

  it('differ in their random tail even within one millisecond', () => {
    const tails = new Set(Array.from({ length: 1000 }, () => newId().slice(-12)));
    expect(tails.size).toBe(1000);
  });
});
