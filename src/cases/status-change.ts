/**
 * @module cases/status-change
 * Moving a case between statuses: the transition must be allowed, resolving waits for the required
 * procedure steps (closing for all of them, follow-up included), and the move is a `status_change`
 * entry. Resolving schedules the follow-up; reopening cancels it.
 */
import { AppError } from '../server/errors.ts';
import { fromJsonText } from '../store/dialect.ts';
import type { CaseStatus, CaseTable } from '../store/schema.ts';
import type { CaseUpdate, NewEntry } from './case-change.ts';
import { charterOfVersions, type PolicyVersions } from './case-charter.ts';
import type { CaseContext } from './case-context.ts';
import { allowedNext, FINISHED } from './case-vocabulary.ts';
import { missingSteps, orderedProgress, progressRows } from './procedure.ts';

export interface PlannedStatus {
  readonly entry: NewEntry;
  readonly set: CaseUpdate;
}

/**
 * The entry and column changes that move `row` to `to`.
 * @throws AppError `invalid-transition` when `to` may not follow the current status;
 *   `procedure-incomplete` naming the required steps still open when resolving or closing
 * @example const { entry, set } = await planStatusChange(ctx, row, 'resolved', 'Refund issued');
 */
export async function planStatusChange(
  ctx: CaseContext,
  row: CaseTable,
  to: CaseStatus,
  reason?: string,
): Promise<PlannedStatus> {
  const from = row.status;
  if (!allowedNext(from).includes(to))
    throw new AppError(
      'invalid-transition',
      `Unexpected status change ${from} → ${to}, expected one of: ${allowedNext(from).join(', ')}.`,
      [{ path: 'body.status', message: `not allowed from ${from}` }],
    );
  if (to === 'resolved' || to === 'closed') {
    const charter = await charterOfVersions(
      ctx.trx,
      row.org_id,
      fromJsonText<PolicyVersions>(row.policy_versions, {}),
    );
    const steps = orderedProgress(charter, row.kind, await progressRows(ctx.trx, row.org_id, row.id));
    const missing = missingSteps(steps, to);
    if (missing.length > 0)
      throw new AppError(
        'procedure-incomplete',
        `The case cannot be ${to} until these required procedure steps are done: ${missing.join(', ')}.`,
        missing.map((step) => ({ path: `procedure.${step}`, message: 'required step not done' })),
      );
  }
  const reopening = FINISHED.has(from) && !FINISHED.has(to);
  const set: CaseUpdate = { status: to };
  if (to === 'resolved') set.resolved_at = ctx.now;
  if (reopening) set.resolved_at = null;
  const words = reopening ? `Reopened (${from} → ${to})` : `Status ${from} → ${to}`;
  return {
    entry: {
      kind: 'status_change',
      visibility: 'public',
      body: reason ? `${words}: ${reason}` : words,
      data: { from, to, ...(reason ? { reason } : {}) },
    },
    set,
  };
}
