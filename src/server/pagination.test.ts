import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { decodeCursor, encodeCursor, numericCursor } from './pagination.ts';

const refused = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? e.errors?.map((x) => x.path) : 'not an AppError';
  }
  return 'accepted';
};

describe('cursors', () => {
  it('round-trips the sort key and id', () => {
    expect(decodeCursor(encodeCursor('2026-01-01', 'a'))).toEqual({ sort: '2026-01-01', id: 'a' });
    expect(numericCursor(encodeCursor(1700, 'b'))).toEqual({ at: 1700, id: 'b' });
    expect(numericCursor(undefined)).toBeNull();
  });

  it('refuses, at the cursor field, garbage and a cursor of a list sorted by something else', () => {
    expect(refused(() => decodeCursor('not-a-cursor'))).toEqual(['querystring.cursor']);
    expect(refused(() => numericCursor(encodeCursor('text', 'x')))).toEqual(['querystring.cursor']);
    expect(refused(() => numericCursor(encodeCursor(null, 'x')))).toEqual(['querystring.cursor']);
  });
});
