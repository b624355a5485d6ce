/**
 * @module cases/job-handlers
 * The case jobs for the job runner: follow-ups and SLA warnings and breaches, each run in the
 * runner's transaction as the system.
 */
import type { Transaction } from 'kysely';
import type { JobHandler } from '../jobs/index.ts';
import type { DialectName } from '../store/dialect.ts';
import type { Database, JobTable } from '../store/schema.ts';
import type { CaseContext } from './case-context.ts';
import { SLA_BREACH_JOB, SLA_WARNING_JOB } from './case-sla.ts';
import { FOLLOW_UP_JOB, runFollowUp } from './follow-up.ts';
import { runSlaJob } from './sla-jobs.ts';

/**
 * Handlers by job kind, for `runDueJobs`.
 * @example await runDueJobs(store, caseJobHandlers({ dialect: store.dialect, now: () => now }), { owner, now })
 */
export function caseJobHandlers(deps: {
  readonly dialect: DialectName;
  readonly now: () => number;
}): Readonly<Record<string, JobHandler>> {
  const ctx = (trx: Transaction<Database>, job: JobTable): CaseContext => ({
    trx,
    dialect: deps.dialect,
    now: deps.now(),
    actor: { orgId: job.org_id, type: 'system', id: null },
  });
  return {
    [FOLLOW_UP_JOB]: (trx, job) => runFollowUp(ctx(trx, job), job),
    [SLA_WARNING_JOB]: (trx, job) => runSlaJob(ctx(trx, job), job),
    [SLA_BREACH_JOB]: (trx, job) => runSlaJob(ctx(trx, job), job),
  };
}
