/**
 * @module jobs/enqueue-job
 * A job is a row with a due time. Enqueue inside the transaction that makes it necessary, so the job
 * exists exactly when its cause does. A `key` makes enqueueing idempotent (the id is derived from it).
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { newId } from '../store/ids.ts';
import type { Database } from '../store/schema.ts';

export interface NewJob {
  readonly orgId: string;
  /** e.g. `case.follow_up`, `sla.warning`, `sla.breach`. */
  readonly kind: string;
  readonly dueAt: number;
  readonly payload: unknown;
  /** Same key, same job: enqueueing it again does nothing. */
  readonly key?: string;
}

/**
 * @example await enqueueJob(trx, { orgId, kind: 'case.follow_up', dueAt, payload: { caseId }, key: `follow-up:${caseId}:1` })
 */
export async function enqueueJob(db: Transaction<Database> | Kysely<Database>, job: NewJob): Promise<string> {
  const id = job.key
    ? `k-${createHash('sha256').update(`${job.kind}\u0000${job.key}`).digest('hex').slice(0, 32)}`
    : newId();
  await db
    .insertInto('jobs')
    .values({
      org_id: job.orgId,
      id,
      kind: job.kind,
      due_at: job.dueAt,
      payload: JSON.stringify(job.payload ?? null),
      lease_owner: null,
      lease_expires_at: null,
      attempts: 0,
      done_at: null,
      result: null,
    })
    .onConflict((oc) => oc.columns(['org_id', 'id']).doNothing())
    .execute();
  return id;
}

/** Cancels a pending job by key (e.g. a follow-up when the case reopens). */
export async function cancelJob(
  db: Transaction<Database> | Kysely<Database>,
  orgId: string,
  kind: string,
  key: string,
  now: number,
) {
  const id = `k-${createHash('sha256').update(`${kind}\u0000${key}`).digest('hex').slice(0, 32)}`;
  await db
    .updateTable('jobs')
    .set({ done_at: now, result: JSON.stringify({ cancelled: true }) })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('done_at', 'is', null)
    .execute();
}
