/**
 * @module decisions/get-decision
 * One decision of the organisation, with its explanation and its latest approval.
 */
import { AppError } from '../server/errors.ts';
import type { ApprovalTable } from '../store/schema.ts';
import type { DecisionContext } from './context.ts';
import { type DecisionView, decisionView } from './decision-view.ts';
import { widen } from './store-types.ts';

/** The latest approval of each decision, by decision id. */
export async function approvalsOf(
  ctx: Pick<DecisionContext, 'db' | 'orgId'>,
  decisionIds: readonly string[],
): Promise<Map<string, ApprovalTable>> {
  if (decisionIds.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('approvals')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('decision_id', 'in', decisionIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return new Map(rows.map((r) => [r.decision_id, r]));
}

/**
 * @example const view = await getDecision(ctx, id) // 404 when it is not the organisation's
 */
export async function getDecision(
  ctx: Pick<DecisionContext, 'db' | 'orgId'>,
  id: string,
): Promise<DecisionView> {
  const row = await widen(ctx.db)
    .selectFrom('decisions')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', 'No such decision.');
  return decisionView(row, (await approvalsOf(ctx, [id])).get(id) ?? null);
}
