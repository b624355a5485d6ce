/**
 * @module cases/get-case
 * One case as the desk shows it: the case, its whole timeline, its procedure progress in the
 * charter's order, and its SLA clocks with their ledgers recomputed as of now.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../server/errors.ts';
import type { SlaResult } from '../sla/index.ts';
import { fromJsonText } from '../store/dialect.ts';
import type { CaseTable, Database, TimelineEntryTable } from '../store/schema.ts';
import { charterOfVersions, type PolicyVersions } from './case-charter.ts';
import { caseClocks } from './case-sla.ts';
import { orderedProgress, type ProgressStep, progressRows } from './procedure.ts';

export interface CaseDetail {
  readonly case: CaseTable;
  readonly timeline: readonly TimelineEntryTable[];
  readonly procedure: readonly ProgressStep[];
  readonly sla: SlaResult;
  readonly asOf: number;
}

/**
 * @throws AppError `not-found` (also for another organisation's case)
 * @example const { case: c, timeline, sla } = await getCase(db, orgId, caseId, Date.now());
 */
export async function getCase(
  db: Kysely<Database>,
  orgId: string,
  caseId: string,
  now: number,
): Promise<CaseDetail> {
  const row = await db
    .selectFrom('cases')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', `No case ${caseId} in this organisation.`);
  const timeline = await db
    .selectFrom('timeline_entries')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  const charter = await charterOfVersions(db, orgId, fromJsonText<PolicyVersions>(row.policy_versions, {}));
  const procedure = orderedProgress(charter, row.kind, await progressRows(db, orgId, caseId));
  const sla = await caseClocks(db, row, timeline, now);
  return { case: row, timeline, procedure, sla, asOf: now };
}
