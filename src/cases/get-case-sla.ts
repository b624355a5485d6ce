/**
 * @module cases/get-case-sla
 * A case's SLA clocks and ledgers alone (every running and paused interval and why, the targets that
 * applied), recomputed as of now from the timeline — for the desk's ledger panel to refresh without
 * reloading the whole case.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../server/errors.ts';
import { nextDeadline, type SlaResult } from '../sla/index.ts';
import type { Database } from '../store/schema.ts';
import { caseClocks } from './case-sla.ts';

export interface CaseSla {
  readonly sla: SlaResult;
  readonly nextDeadline: number | null;
  readonly asOf: number;
}

/**
 * @throws AppError `not-found` (also for another organisation's case)
 * @example const { sla, nextDeadline } = await getCaseSla(db, orgId, caseId, Date.now());
 */
export async function getCaseSla(
  db: Kysely<Database>,
  orgId: string,
  caseId: string,
  now: number,
): Promise<CaseSla> {
  const row = await db
    .selectFrom('cases')
    .select(['org_id', 'policy_versions'])
    .where('org_id', '=', orgId)
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', `No case ${caseId} in this organisation.`);
  const entries = await db
    .selectFrom('timeline_entries')
    .select(['kind', 'visibility', 'created_at', 'data'])
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  const sla = await caseClocks(db, row, entries, now);
  return { sla, nextDeadline: nextDeadline(sla.clocks), asOf: now };
}
