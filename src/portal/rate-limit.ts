/**
 * @module portal/rate-limit
 * Fixed-window limits on public writes (filing a request, looking up an order, replying by private
 * link), counted in the database so that every server process shares them. Counters live in the
 * attempts table the sign-in limit uses, under keys that cannot be an email address.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../server/errors.ts';
import type { Database } from '../store/schema.ts';

export interface Limit {
  /** Attempts allowed per window. */
  readonly max: number;
  readonly windowMs: number;
}

/** Requests filed and orders looked up from one address, per organisation. */
export const FILING_LIMIT: Limit = { max: 10, windowMs: 15 * 60_000 };
/** Replies on one case through its private link. */
export const REPLY_LIMIT: Limit = { max: 20, windowMs: 15 * 60_000 };

/**
 * Counts one attempt under `key` and refuses it once the window's allowance is used.
 * Every attempt counts, successful or not, so guessing order numbers costs the same as filing.
 * @throws AppError `rate-limited`
 * @example await takeAttempt(db, orgId, `portal filing ${ip}`, FILING_LIMIT, now)
 */
export async function takeAttempt(
  db: Kysely<Database>,
  orgId: string,
  key: string,
  limit: Limit,
  now: number,
): Promise<void> {
  const row = await db
    .selectFrom('login_attempts')
    .select(['window_start', 'count'])
    .where('org_id', '=', orgId)
    .where('key', '=', key)
    .executeTakeFirst();
  const fresh = !row || now - row.window_start >= limit.windowMs;
  if (!fresh && row.count >= limit.max)
    throw new AppError(
      'rate-limited',
      `Too many requests from here; please try again after ${Math.ceil(
        (row.window_start + limit.windowMs - now) / 60_000,
      )} minutes.`,
    );
  if (fresh)
    await db
      .insertInto('login_attempts')
      .values({ org_id: orgId, key, window_start: now, count: 1 })
      .onConflict((oc) => oc.columns(['org_id', 'key']).doUpdateSet({ window_start: now, count: 1 }))
      .execute();
  else
    await db
      .updateTable('login_attempts')
      .set((eb) => ({ count: eb('count', '+', 1) }))
      .where('org_id', '=', orgId)
      .where('key', '=', key)
      .execute();
}
