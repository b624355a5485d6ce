/**
 * @module jobs/run-jobs
 * Claims due jobs with a lease (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so several server processes
 * never claim the same row), runs each handler in a transaction that also marks the job done — but
 * only while this worker still holds the lease — so a job's effects commit exactly once.
 */
import { sql, type Transaction } from 'kysely';
import type { Store } from '../store/index.ts';
import type { Database, JobTable } from '../store/schema.ts';

export type JobHandler = (trx: Transaction<Database>, job: JobTable) => Promise<unknown>;

export interface RunOptions {
  readonly owner: string;
  readonly now: number;
  readonly leaseMs?: number;
  readonly limit?: number;
}

export interface RunReport {
  readonly claimed: number;
  readonly done: number;
  readonly failed: number;
  readonly lost: number;
}

async function claim(store: Store, o: Required<RunOptions>): Promise<JobTable[]> {
  const until = o.now + o.leaseMs;
  if (store.dialect === 'postgres') {
    const r = await sql<JobTable>`
      update jobs set lease_owner = ${o.owner}, lease_expires_at = ${until}, attempts = attempts + 1
      where (org_id, id) in (
        select org_id, id from jobs
        where done_at is null and due_at <= ${o.now}
          and (lease_expires_at is null or lease_expires_at < ${o.now})
        order by due_at limit ${o.limit}
        for update skip locked)
      returning *`.execute(store.db);
    return r.rows;
  }
  // SQLite has one writer at a time: the update is atomic on its own.
  const r = await sql<JobTable>`
    update jobs set lease_owner = ${o.owner}, lease_expires_at = ${until}, attempts = attempts + 1
    where rowid in (
      select rowid from jobs
      where done_at is null and due_at <= ${o.now}
        and (lease_expires_at is null or lease_expires_at < ${o.now})
      order by due_at limit ${o.limit})
    returning *`.execute(store.db);
  return r.rows;
}

/** Claim rounds per call: a job may enqueue a job already due (an SLA chain catching up). */
const MAX_ROUNDS = 20;

/**
 * Runs the jobs due now, once each, including jobs that running them makes due.
 * @example await runDueJobs(store, { 'case.follow_up': runFollowUp }, { owner: 'web-1', now: Date.now() })
 */
export async function runDueJobs(
  store: Store,
  handlers: Readonly<Record<string, JobHandler>>,
  options: RunOptions,
): Promise<RunReport> {
  const o = { leaseMs: 60_000, limit: 50, ...options };
  const total = { claimed: 0, done: 0, failed: 0, lost: 0 };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const r = await runRound(store, handlers, o);
    total.claimed += r.claimed;
    total.done += r.done;
    total.failed += r.failed;
    total.lost += r.lost;
    if (r.claimed === 0) break;
  }
  return total;
}

async function runRound(
  store: Store,
  handlers: Readonly<Record<string, JobHandler>>,
  o: Required<RunOptions>,
): Promise<RunReport> {
  // RETURNING gives no order on PostgreSQL: run what fell due first first (a warning before its breach).
  const jobs = (await claim(store, o)).sort((a, b) => a.due_at - b.due_at || a.id.localeCompare(b.id));
  let done = 0;
  let failed = 0;
  let lost = 0;
  for (const job of jobs) {
    const handler = handlers[job.kind];
    try {
      const kept = await store.db.transaction().execute(async (trx) => {
        const result = handler ? await handler(trx, job) : { skipped: `no handler for ${job.kind}` };
        const r = await trx
          .updateTable('jobs')
          .set({ done_at: o.now, result: JSON.stringify(result ?? null) })
          .where('org_id', '=', job.org_id)
          .where('id', '=', job.id)
          .where('lease_owner', '=', o.owner)
          .where('done_at', 'is', null)
          .executeTakeFirst();
        // Someone else took the job over (our lease ran out): undo our effects.
        if (Number(r.numUpdatedRows) !== 1) throw new LeaseLost();
        return true;
      });
      if (kept) done++;
    } catch (e) {
      if (e instanceof LeaseLost) lost++;
      else failed++;
    }
  }
  return { claimed: jobs.length, done, failed, lost };
}

class LeaseLost extends Error {}
