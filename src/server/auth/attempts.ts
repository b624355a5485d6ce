/**
 * @module server/auth/attempts
 * Password guesses are limited per organisation and key (an email at sign-in, a user when changing
 * their own password): after `MAX_ATTEMPTS` failures in `WINDOW_MS` the key is refused until the
 * window passes. Each check costs a memory-hard hash, so the limit also bounds the CPU a caller can
 * make the server spend.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { AppError } from '../errors.ts';

const WINDOW_MS = 15 * 60_000;
const MAX_ATTEMPTS = 10;

/**
 * Refuses a key with too many recent failures.
 * @throws AppError `rate-limited`
 */
export async function checkAttempts(
  db: Kysely<Database>,
  orgId: string,
  key: string,
  now: number,
): Promise<void> {
  const attempt = await db
    .selectFrom('login_attempts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (attempt && now - attempt.window_start < WINDOW_MS && attempt.count >= MAX_ATTEMPTS)
    throw new AppError(
      'rate-limited',
      'Too many attempts with a wrong password; try again in a few minutes.',
    );
}

/** Counts a failure against the key (a new window once the last one has passed). */
export async function recordFailure(
  db: Kysely<Database>,
  orgId: string,
  key: string,
  now: number,
): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values({ org_id: orgId, key, window_start: now, count: 1 })
    .onConflict((oc) =>
      oc.columns(['org_id', 'key']).doUpdateSet((eb) => ({
        count: eb
          .case()
          .when('login_attempts.window_start', '>', now - WINDOW_MS)
          .then(eb(eb.ref('login_attempts.count'), '+', 1))
          .else(1)
          .end(),
        window_start: eb
          .case()
          .when('login_attempts.window_start', '>', now - WINDOW_MS)
          .then(eb.ref('login_attempts.window_start'))
          .else(now)
          .end(),
      })),
    )
    .execute();
}

/** A success clears the key's failures. */
export async function clearAttempts(
  db: Transaction<Database> | Kysely<Database>,
  orgId: string,
  key: string,
) {
  await db.deleteFrom('login_attempts').where('org_id', '=', orgId).where('key', '=', key).execute();
}
