/**
 * @module cases/escalate-case
 * Escalation raises the case's priority one step (low → normal → high → urgent), which re-targets its
 * SLA clocks, and records why. An urgent case is still escalated on the record (someone senior
 * should look), its priority cannot rise further. Who looks at it is an assignment or a transfer.
 */
import { applyChange, type CaseOutcome, expectVersion, lockCase } from './case-change.ts';
import type { CaseContext } from './case-context.ts';
import { raisedPriority } from './case-vocabulary.ts';

/**
 * @throws AppError `not-found`, `version-conflict`
 * @example await escalateCase(ctx, caseId, { reason: 'Third contact about the same fault' })
 */
export async function escalateCase(
  ctx: CaseContext,
  caseId: string,
  input: { readonly reason: string; readonly version?: number | undefined },
): Promise<CaseOutcome> {
  const row = await lockCase(ctx, caseId);
  expectVersion(row, input.version);
  const raised = raisedPriority(row.priority);
  const data = {
    reason: input.reason,
    priority: { from: row.priority, to: raised ?? row.priority },
    ...(raised ? { sla_attributes: { priority: raised } } : {}),
  };
  return applyChange(ctx, row, {
    entries: [
      {
        kind: 'escalation',
        visibility: 'internal',
        body: raised
          ? `Escalated (priority ${row.priority} → ${raised}): ${input.reason}`
          : `Escalated (already ${row.priority}): ${input.reason}`,
        data,
      },
    ],
    ...(raised ? { set: { priority: raised } } : {}),
    action: 'case.escalated',
    auditData: { reason: input.reason, priority: data.priority },
  });
}
