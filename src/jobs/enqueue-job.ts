/**
 * @module jobs/enqueue-job
 * A job is a row with a due time. Enqueue inside the transaction that makes it necessary, so the job
 * exists exactly when its cause does. A `key` makes enqueueing idempotent (the id is derived from it).
 */
import { hash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DialectName } from '../store/dialect.ts';
import { hotSql, runHot } from '../store/hot-sql.ts';
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
  /**
   * A time-ordered id the keyed job belongs to (its case). Keyed ids start with it, so new jobs are
   * written next to each other at the end of the index rather than on a random page each (a hash
   * alone scatters them, and every scattered page is one more to write at commit).
   */
  readonly scope?: string;
}

/** The id of a keyed job: the same for the same kind, key and scope. */
function keyedId(kind: string, key: string, scope: string | undefined): string {
  const digest = hash('sha256', `${kind}\u0000${key}`).slice(0, 32);
  return scope === undefined ? `k-${digest}` : `k-${scope}-${digest}`;
}

const INSERT = hotSql(
  `insert into jobs (org_id, id, kind, due_at, payload, lease_owner, lease_expires_at, attempts, done_at, result)
   values (?, ?, ?, ?, ?, null, null, 0, null, null) on conflict (org_id, id) do nothing`,
);

/**
 * @example await enqueueJob(trx, 'sqlite', { orgId, kind: 'case.follow_up', dueAt, payload: { caseId }, key: `follow-up:${caseId}:1` })
 */
export async function enqueueJob(
  db: Transaction<Database> | Kysely<Database>,
  dialect: DialectName,
  job: NewJob,
): Promise<string> {
  const id = job.key === undefined ? newId() : keyedId(job.kind, job.key, job.scope);
  await runHot(db, dialect, INSERT, [
    job.orgId,
    id,
    job.kind,
    job.dueAt,
    JSON.stringify(job.payload ?? null),
  ]);
  return id;
}

/** Cancels a pending job enqueued by key without a scope (e.g. a follow-up when the case reopens). */
export async function cancelJob(
  db: Transaction<Database> | Kysely<Database>,
  orgId: string,
  kind: string,
  key: string,
  now: number,
) {
  const id = keyedId(kind, key, undefined);
  await db
    .updateTable('jobs')
    .set({ done_at: now, result: JSON.stringify({ cancelled: true }) })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('done_at', 'is', null)
    .execute();
}
