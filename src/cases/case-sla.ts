/**
 * @module cases/case-sla
 * A case's SLA clocks as of a moment, from its timeline and the charter it lives by; the queue's
 * `next_deadline`; and the warning and breach jobs that follow from them.
 */
import type { Kysely, Transaction } from 'kysely';
import { enqueueJob } from '../jobs/index.ts';
import type { Charter } from '../policy/compile/charter.ts';
import { computeClocks, nextDeadline, type SlaResult, slaJobs } from '../sla/index.ts';
import { type DialectName, fromJsonText } from '../store/dialect.ts';
import type { CaseTable, Database } from '../store/schema.ts';
import { calendarsOf, charterOfVersions, type PolicyVersions, resolverOf } from './case-charter.ts';
import { type SlaEntry, slaEventsOf } from './sla-events.ts';

export const SLA_WARNING_JOB = 'sla.warning';
export const SLA_BREACH_JOB = 'sla.breach';

/** What an SLA job carries; the handler recomputes the clocks and acts only if they still agree. */
export interface SlaJobPayload {
  readonly caseId: string;
  readonly clock: string;
  readonly at: number;
}

/**
 * The clocks of a case as of `asOf` (entries after it are ignored).
 * @example const { clocks, issues } = await caseClocks(db, caseRow, entries, Date.now());
 */
export async function caseClocks(
  db: Kysely<Database>,
  row: Pick<CaseTable, 'org_id' | 'policy_versions'>,
  entries: readonly SlaEntry[],
  asOf: number,
): Promise<SlaResult> {
  const charter = await charterOfVersions(
    db,
    row.org_id,
    fromJsonText<PolicyVersions>(row.policy_versions, {}),
  );
  return clocksUnder(charter, entries, asOf);
}

/** The clocks of a case under a charter the caller already holds. */
export function clocksUnder(charter: Charter, entries: readonly SlaEntry[], asOf: number): SlaResult {
  return computeClocks(slaEventsOf(entries), resolverOf(charter), calendarsOf(charter), asOf);
}

/**
 * Enqueues the next warning or breach job the clocks call for — only the earliest instant after
 * `after` (with any ties), plus any already due — rather than every future one: each job, when it
 * runs, enqueues the one after it (see runSlaJob). Keys carry the instant, so an unchanged deadline
 * is not enqueued twice and a moved one gets a new job; the old job then finds the clocks disagree
 * and does nothing but pass the chain on.
 */
export async function enqueueSlaJobs(
  trx: Transaction<Database>,
  dialect: DialectName,
  orgId: string,
  caseId: string,
  sla: SlaResult,
  after: number,
): Promise<void> {
  const all = slaJobs(sla.clocks);
  const next = all.find((j) => j.at > after)?.at;
  for (const job of all) {
    if (job.at > after && job.at !== next) continue;
    const payload: SlaJobPayload = { caseId, clock: job.clock, at: job.at };
    await enqueueJob(trx, dialect, {
      orgId,
      kind: job.kind === 'warning' ? SLA_WARNING_JOB : SLA_BREACH_JOB,
      dueAt: job.at,
      payload,
      key: `${caseId}/${job.key}`,
      scope: caseId,
    });
  }
}

/** The queue position: the earliest due instant among counting clocks, either promise. */
export function queueDeadline(sla: SlaResult): number | null {
  return nextDeadline(sla.clocks);
}
