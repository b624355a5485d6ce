/**
 * @module cases/procedure
 * Procedure progress of a case: which steps of its charter procedure are done, in the charter's
 * order, and which required ones still stand between the case and its resolution.
 */
import type { Kysely } from 'kysely';
import type { Charter } from '../policy/compile/charter.ts';
import type { Database, ProcedureProgressTable } from '../store/schema.ts';
import { procedureFor } from './case-charter.ts';

/**
 * A follow-up step is done after the resolution (the follow-up job or an agent does it when it falls
 * due), so it cannot hold the resolution up; it must be done before the case is closed.
 */
const AFTER_RESOLUTION = /^follow[- ]?up$/i;

/** @example isAfterResolution('Follow up') // true */
export function isAfterResolution(step: string): boolean {
  return AFTER_RESOLUTION.test(step.trim());
}

export interface ProgressStep {
  readonly procedure: string;
  /** The step's number in the charter; `null` when the charter no longer lists it. */
  readonly number: number | null;
  readonly step: string;
  readonly guidance: string;
  readonly required: boolean;
  readonly doneAt: number | null;
  readonly doneBy: string | null;
  readonly evidence: string | null;
}

/** The case's progress rows. */
export function progressRows(db: Kysely<Database>, orgId: string, caseId: string) {
  return db
    .selectFrom('procedure_progress')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .execute();
}

/**
 * Progress rows in the charter's step order, with each step's number and guidance. Rows the charter
 * no longer describes keep their place at the end, by name.
 */
export function orderedProgress(
  charter: Charter,
  kind: string,
  rows: readonly ProcedureProgressTable[],
): ProgressStep[] {
  const section = procedureFor(charter, kind);
  const known = new Map(section?.steps.map((s) => [`${section.name}\u0000${s.name}`, s]) ?? []);
  const steps = rows.map((r) => {
    const s = known.get(`${r.procedure}\u0000${r.step}`);
    return {
      procedure: r.procedure,
      number: s?.number ?? null,
      step: r.step,
      guidance: s?.guidance ?? '',
      required: r.required === 1,
      doneAt: r.done_at,
      doneBy: r.done_by,
      evidence: r.evidence,
    };
  });
  const last = Number.MAX_SAFE_INTEGER;
  return steps.sort(
    (a, b) => (a.number ?? last) - (b.number ?? last) || (a.step < b.step ? -1 : a.step > b.step ? 1 : 0),
  );
}

/**
 * Required steps not yet done that block moving to `status`: resolving waits for every required step
 * except the follow-up; closing waits for all of them.
 * @example missingSteps(steps, 'resolved') // ['Greet', 'Empathise']
 */
export function missingSteps(steps: readonly ProgressStep[], status: 'resolved' | 'closed'): string[] {
  return steps
    .filter((s) => s.required && s.doneAt === null && (status === 'closed' || !isAfterResolution(s.step)))
    .map((s) => s.step);
}
