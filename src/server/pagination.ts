/**
 * @module server/pagination
 * Cursor pagination: `?cursor=…&limit=…`, answers carry `next_cursor`. A cursor is the last row's
 * sort key and id, opaque to callers; a tampered cursor is a 400, not a 500.
 */
import { z } from 'zod';
import { AppError } from './errors.ts';

export const pageQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type SortValue = string | number | null;

export function encodeCursor(sort: SortValue, id: string): string {
  return Buffer.from(JSON.stringify([sort, id])).toString('base64url');
}

/**
 * @example decodeCursor(encodeCursor(5, 'x')) // { sort: 5, id: 'x' }
 */
export function decodeCursor(cursor: string | undefined): { sort: SortValue; id: string } | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      (typeof v[0] === 'string' || typeof v[0] === 'number' || v[0] === null) &&
      typeof v[1] === 'string'
    )
      return { sort: v[0], id: v[1] };
  } catch {
    // fall through to the error below
  }
  throw badCursor();
}

/** The 400 for a cursor this API did not give out (or one of another list). */
export function badCursor(): AppError {
  return new AppError('validation', 'The cursor is not one this API gave out.', [
    { path: 'querystring.cursor', message: 'unknown cursor' },
  ]);
}

/**
 * A cursor of a list sorted by an instant (epoch ms) then id.
 * @example numericCursor(encodeCursor(5, 'x')) // { at: 5, id: 'x' }
 */
export function numericCursor(cursor: string | undefined): { at: number; id: string } | null {
  const after = decodeCursor(cursor);
  if (!after) return null;
  if (typeof after.sort !== 'number') throw badCursor();
  return { at: after.sort, id: after.id };
}
