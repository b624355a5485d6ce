/**
 * @module cases/follow-up
 * The check-back after a resolution ("is everything resolved to your satisfaction?"). Resolving
 * enqueues a `case.follow_up` job due when the charter's `Follow-up` target of the `Response target`
 * decision says (two business days when it says nothing); reopening first cancels it. When the job
 * runs it writes a public `follow_up` entry and ticks the procedure's follow-up step.
 */

import { businessDaysDue } from '../hours/index.ts';
import { cancelJob, enqueueJob } from '../jobs/index.ts';
import type { SlaResult } from '../sla/index.ts';
import { fromJsonText } from '../store/dialect.ts';
import type { CaseTable, JobTable } from '../store/schema.ts';
import { applyChange, lockCase } from './case-change.ts';
import { calendarsOf, charterOfVersions, type PolicyVersions } from './case-charter.ts';
import type { CaseContext } from './case-context.ts';
import { isAfterResolution } from './procedure.ts';

export const FOLLOW_UP_JOB = 'case.follow_up';
export const FOLLOW_UP_MESSAGE =
  'We resolved your case recently. Is everything resolved to your satisfaction?';
const DEFAULT_DAYS = 2;
const DAY_MS = 86_400_000;

export interface FollowUpPayload {
  readonly caseId: string;
  /** The resolution this follow-up belongs to (`cases.resolved_at`); a later one makes it stale. */
  readonly resolvedAt: number;
}

function followUpKey(caseId: string, resolvedAt: number): string {
  return `follow-up:${caseId}:${resolvedAt}`;
}

/**
 * When the follow-up of a resolution at `resolvedAt` is due: the internal follow-up clock the
 * resolution started (else the customer one), else two business days in the resolution clock's
 * calendar, else two calendar days.
 */
export async function followUpDue(
  ctx: CaseContext,
  row: CaseTable,
  sla: SlaResult,
  resolvedAt: number,
): Promise<number> {
  const started = sla.clocks.filter(
    (c) => c.metric === 'follow_up' && c.active && c.startedAt === resolvedAt,
  );
  const clock = started.find((c) => c.promise === 'internal') ?? started[0];
  if (clock?.dueAt != null) return clock.dueAt;
  const name = sla.clocks.find((c) => c.metric === 'resolution')?.target.calendar;
  if (name) {
    const charter = await charterOfVersions(
      ctx.trx,
      row.org_id,
      fromJsonText<PolicyVersions>(row.policy_versions, {}),
    );
    const calendar = calendarsOf(charter)[name];
    const due = calendar ? businessDaysDue(calendar, resolvedAt, DEFAULT_DAYS) : null;
    if (due !== null) return due;
  }
  return resolvedAt + DEFAULT_DAYS * DAY_MS;
}

/** Enqueues the follow-up of the resolution the case just went through. */
export async function scheduleFollowUp(ctx: CaseContext, row: CaseTable, sla: SlaResult): Promise<void> {
  if (row.resolved_at === null) return;
  const payload: FollowUpPayload = { caseId: row.id, resolvedAt: row.resolved_at };
  await enqueueJob(ctx.trx, ctx.dialect, {
    orgId: row.org_id,
    kind: FOLLOW_UP_JOB,
    dueAt: await followUpDue(ctx, row, sla, row.resolved_at),
    payload,
    key: followUpKey(row.id, row.resolved_at),
  });
}

/** Cancels the pending follow-up of the case's last resolution (the case is being reopened). */
export async function cancelFollowUp(ctx: CaseContext, before: CaseTable): Promise<void> {
  if (before.resolved_at === null) return;
  await cancelJob(ctx.trx, before.org_id, FOLLOW_UP_JOB, followUpKey(before.id, before.resolved_at), ctx.now);
}

/**
 * Runs a `case.follow_up` job: writes the `follow_up` entry (public: it is the message to the
 * customer) and ticks the procedure's follow-up step, while the case is still resolved from the same
 * resolution (not reopened, not closed).
 * Wire it with `caseJobHandlers` (see `jobs.ts`), which supplies the job runner's transaction.
 * @example await runFollowUp({ trx, dialect, now, actor: { orgId: job.org_id, type: 'system', id: null } }, job)
 */
export async function runFollowUp(ctx: CaseContext, job: JobTable): Promise<unknown> {
  const payload = fromJsonText<FollowUpPayload | null>(job.payload, null);
  if (!payload) return { skipped: 'no payload' };
  const row = await lockCase(ctx, payload.caseId).catch(() => null);
  if (!row) return { skipped: 'case not found' };
  // A closed case is over: whoever closed it has settled the follow-up already.
  if (row.status !== 'resolved' || row.resolved_at !== payload.resolvedAt)
    return { skipped: `the case is ${row.status} and was resolved at ${row.resolved_at}` };
  const steps = await ctx.trx
    .selectFrom('procedure_progress')
    .select(['procedure', 'step'])
    .where('org_id', '=', row.org_id)
    .where('case_id', '=', row.id)
    .where('done_at', 'is', null)
    .execute();
  const ticked = steps.filter((s) => isAfterResolution(s.step));
  for (const s of ticked)
    await ctx.trx
      .updateTable('procedure_progress')
      .set({ done_at: ctx.now, done_by: null, evidence: 'Automatic follow-up message sent' })
      .where('org_id', '=', row.org_id)
      .where('case_id', '=', row.id)
      .where('procedure', '=', s.procedure)
      .where('step', '=', s.step)
      .execute();
  const result = await applyChange(ctx, row, {
    entries: [
      {
        kind: 'follow_up',
        visibility: 'public',
        body: FOLLOW_UP_MESSAGE,
        data: { job: job.id, resolved_at: payload.resolvedAt, steps: ticked.map((s) => s.step) },
      },
    ],
    action: 'case.followed_up',
    auditData: { job: job.id, steps: ticked.map((s) => s.step) },
    searchText: [FOLLOW_UP_MESSAGE],
  });
  return { entry: result.entries[0]?.id ?? null };
}
