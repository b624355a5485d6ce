/**
 * @module cases/complete-step
 * Ticks a procedure step of a case, with the evidence that it was done (what was said, where).
 * Steps are named as the charter writes them (case-insensitive) or by their number.
 */
import { AppError } from '../server/errors.ts';
import { fromJsonText } from '../store/dialect.ts';
import { applyChange, type ChangeResult, expectVersion, lockCase } from './case-change.ts';
import { charterOfVersions, type PolicyVersions } from './case-charter.ts';
import type { CaseContext } from './case-context.ts';
import { orderedProgress, progressRows } from './procedure.ts';

/**
 * @throws AppError `not-found` (case or step), `conflict` (already done), `version-conflict`
 * @example await completeStep(ctx, caseId, 'Greet', { evidence: 'Introduced myself on the call at 10:02' })
 */
export async function completeStep(
  ctx: CaseContext,
  caseId: string,
  step: string,
  input: { readonly evidence: string; readonly version?: number | undefined },
): Promise<ChangeResult> {
  const row = await lockCase(ctx, caseId);
  expectVersion(row, input.version);
  const charter = await charterOfVersions(
    ctx.trx,
    row.org_id,
    fromJsonText<PolicyVersions>(row.policy_versions, {}),
  );
  const steps = orderedProgress(charter, row.kind, await progressRows(ctx.trx, row.org_id, row.id));
  const wanted = step.trim().toLowerCase();
  const found = /^\d+$/.test(wanted)
    ? steps.find((s) => s.number === Number(wanted))
    : steps.find((s) => s.step.toLowerCase() === wanted);
  if (!found)
    throw new AppError(
      'not-found',
      steps.length === 0
        ? 'This case follows no procedure.'
        : `No step "${step}" in this case's procedure; expected one of: ${steps.map((s) => s.step).join(', ')}.`,
    );
  if (found.doneAt !== null) throw new AppError('conflict', `Step "${found.step}" is already done.`);
  await ctx.trx
    .updateTable('procedure_progress')
    .set({ done_at: ctx.now, done_by: ctx.actor.id, evidence: input.evidence })
    .where('org_id', '=', row.org_id)
    .where('case_id', '=', row.id)
    .where('procedure', '=', found.procedure)
    .where('step', '=', found.step)
    .execute();
  const data = {
    procedure: found.procedure,
    step: found.step,
    number: found.number,
    evidence: input.evidence,
  };
  return applyChange(ctx, row, {
    entries: [
      { kind: 'procedure_step', visibility: 'internal', body: `${found.step}: ${input.evidence}`, data },
    ],
    action: 'case.procedure_step_done',
    auditData: data,
  });
}
