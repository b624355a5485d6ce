/**
 * @module cases/sla-jobs
 * Runs SLA warning and breach jobs: recompute the case's clocks as of the job's instant and, only if
 * they still say a warning or breach falls then, record it on the timeline (internal `sla` entry).
 * Jobs left behind by a moved deadline find the clocks disagree and do nothing. Each job enqueues the
 * next instant's job before anything else, so only the earliest pending job of a case exists.
 */

import { appendAudit } from '../audit/index.ts';
import { fromJsonText } from '../store/dialect.ts';
import type { JobTable } from '../store/schema.ts';
import { insertEntries, lockCase, timelineOf } from './case-change.ts';
import type { CaseContext } from './case-context.ts';
import { caseClocks, enqueueSlaJobs, SLA_BREACH_JOB, type SlaJobPayload } from './case-sla.ts';

const METRIC_WORDS: Readonly<Record<string, string>> = {
  first_reply: 'first reply',
  next_reply: 'next reply',
  periodic_update: 'periodic update',
  resolution: 'resolution',
  follow_up: 'follow-up',
};

function sameSlaEvent(data: string, event: string, clock: string, at: number): boolean {
  const d = fromJsonText<{ event?: unknown; clock?: unknown; at?: unknown } | null>(data, null);
  return d !== null && d.event === event && d.clock === clock && d.at === at;
}

/**
 * Runs one `sla.warning` or `sla.breach` job. The entry is a note on the record, not a change of the
 * case: it does not bump the case's version (an agent's edit in flight stays valid).
 * @example await runSlaJob({ trx, dialect, now, actor: { orgId: job.org_id, type: 'system', id: null } }, job)
 */
export async function runSlaJob(ctx: CaseContext, job: JobTable): Promise<unknown> {
  const payload = fromJsonText<SlaJobPayload | null>(job.payload, null);
  if (!payload) return { skipped: 'no payload' };
  const row = await lockCase(ctx, payload.caseId).catch(() => null);
  if (!row) return { skipped: 'case not found' };
  const timeline = await timelineOf(ctx, row.id);
  // One millisecond past the instant: a reply exactly at the due instant meets it.
  const sla = await caseClocks(ctx.trx, row, timeline, payload.at + 1);
  // Pass the chain on first: whatever this job finds, the next instant gets its job.
  await enqueueSlaJobs(ctx.trx, ctx.dialect, row.org_id, row.id, sla, payload.at);
  const clock = sla.clocks.find((c) => c.id === payload.clock);
  const breach = job.kind === SLA_BREACH_JOB;
  const still = breach
    ? clock?.breachedAt === payload.at
    : clock?.active === true && clock.warningAt === payload.at && clock.breachedAt === null;
  if (!clock || !still) return { skipped: 'the clocks no longer agree' };
  // Recorded once however many jobs name the same instant (job ids were once derived differently).
  const event = breach ? 'breach' : 'warning';
  if (timeline.some((e) => e.kind === 'sla' && sameSlaEvent(e.data, event, clock.id, payload.at)))
    return { skipped: 'already recorded' };
  const target = clock.promise === 'customer' ? 'Customer promise' : 'Internal target';
  const words = `${target} for ${METRIC_WORDS[clock.metric] ?? clock.metric}`;
  const due = clock.dueAt === null ? '' : ` (due ${new Date(clock.dueAt).toISOString()})`;
  const [entry] = await insertEntries(ctx, row.id, timeline.at(-1)?.seq ?? 0, [
    {
      kind: 'sla',
      visibility: 'internal',
      body: breach ? `${words} breached${due}` : `${words} nearly used up${due}`,
      data: { event, clock: clock.id, at: payload.at, due_at: clock.dueAt },
    },
  ]);
  await appendAudit(ctx.trx, ctx.dialect, {
    orgId: row.org_id,
    actorType: 'system',
    actorId: null,
    action: breach ? 'case.sla_breached' : 'case.sla_warned',
    entity: 'case',
    entityId: row.id,
    data: { clock: clock.id, at: payload.at, entry: entry?.id ?? null },
    at: ctx.now,
  });
  return { entry: entry?.id ?? null };
}
