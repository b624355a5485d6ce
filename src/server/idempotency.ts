/**
 * @module server/idempotency
 * `Idempotency-Key` on creating requests: the first request's answer is stored in the same
 * transaction as its effects; a retry with the same key and body gets that answer again, a retry
 * with another body gets 409. Concurrent duplicates are settled by the key's primary key.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { Actor, Deps } from './context.ts';
import { AppError } from './errors.ts';

export interface Created<T> {
  readonly status: number;
  readonly body: T;
}

function keyOf(request: FastifyRequest): string | null {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || raw.length < 1 || raw.length > 200)
    throw new AppError('validation', 'Idempotency-Key must be 1–200 characters.', [
      { path: 'headers.idempotency-key', message: 'expected 1–200 characters' },
    ]);
  return raw;
}

/**
 * Runs `work` in a transaction, once per idempotency key.
 * @example return idempotent(deps, actor, request, 'create-case', (trx) => createCase(trx, …))
 */
export async function idempotent<T>(
  deps: Deps,
  /** Whose keys these are: a signed-in user, or a public caller's own key space (the portal). */
  actor: Pick<Actor, 'orgId' | 'userId'>,
  request: FastifyRequest,
  route: string,
  work: (trx: Transaction<Database>) => Promise<Created<T>>,
): Promise<Created<T> & { replayed: boolean }> {
  const key = keyOf(request);
  const db = deps.store.db;
  if (!key) return { ...(await deps.store.transact(work)), replayed: false };
  const requestHash = createHash('sha256')
    .update(
      `${route}\u0000${JSON.stringify(request.body ?? null)}\u0000${JSON.stringify(request.params ?? null)}`,
    )
    .digest('hex');
  const lookup = () =>
    db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('org_id', '=', actor.orgId)
      .where('user_id', '=', actor.userId)
      .where('key', '=', key)
      .executeTakeFirst();
  const replay = (row: NonNullable<Awaited<ReturnType<typeof lookup>>>) => {
    if (row.request_hash !== requestHash || row.route !== route)
      throw new AppError('idempotency-conflict', 'This Idempotency-Key was used for a different request.');
    return { status: row.status, body: JSON.parse(row.response) as T, replayed: true };
  };
  const existing = await lookup();
  if (existing) return replay(existing);
  try {
    const result = await deps.store.transact(async (trx) => {
      const r = await work(trx);
      await trx
        .insertInto('idempotency_keys')
        .values({
          org_id: actor.orgId,
          key,
          user_id: actor.userId,
          route,
          request_hash: requestHash,
          status: r.status,
          response: JSON.stringify(r.body),
          created_at: deps.now(),
        })
        .execute();
      return r;
    });
    return { ...result, replayed: false };
  } catch (e) {
    // A concurrent request with the same key won the race: answer as it did.
    const winner = await lookup();
    if (winner) return replay(winner);
    throw e;
  }
}
