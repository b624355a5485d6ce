/**
 * @module decisions/decide-approval
 * Approving or denying a pending approval. The requester never answers their own request; the
 * answering role must be the approver role or above (roles.ts); an answered approval stays
 * answered. Approving goodwill debits the approver's goodwill budget for the month, or is refused
 * with nothing written when too little is left. Each answer adds an internal timeline entry and
 * an audit entry.
 */
import { appendAudit } from '../audit/index.ts';
import { charterInForce } from '../charter/index.ts';
import { AppError } from '../server/errors.ts';
import { fromJsonText, lockOrg } from '../store/dialect.ts';
import { budgetFor, debitBudget } from './budgets.ts';
import type { AuthorityCheck } from './check-authority.ts';
import { type DecisionContext, orgOf, teamOf } from './context.ts';
import { type DecisionView, decisionView } from './decision-view.ts';
import type { BudgetView } from './list-approvals.ts';
import { formatMoney } from './money.ts';
import { budgetPeriod, localDate } from './org-calendar.ts';
import { mayApprove } from './roles.ts';
import { widen } from './store-types.ts';
import { appendTimelineEntry } from './timeline.ts';

export type Verdict = 'approved' | 'denied';

export interface DecidedApproval extends DecisionView {
  /** The budget debited (approved goodwill), after the debit. */
  readonly budget: BudgetView | null;
}

/**
 * Answers approval `id` with `verdict`; run inside a transaction. A denial needs a reason.
 * @example await decideApproval(ctx, approvalId, 'approved', 'Long-standing customer') // approval.state === 'approved'
 */
export async function decideApproval(
  ctx: DecisionContext,
  id: string,
  verdict: Verdict,
  reason: string | null,
): Promise<DecidedApproval> {
  if (verdict === 'denied' && !reason)
    throw new AppError('validation', 'A denial needs a reason.', [
      { path: 'body.reason', message: 'required to deny' },
    ]);
  // Take the organisation's write lock first: two answers to one approval are settled in order.
  await lockOrg(ctx.db, ctx.dialect, ctx.orgId);
  const approval = await ctx.db
    .selectFrom('approvals')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!approval) throw new AppError('not-found', 'No such approval.');
  if (approval.requested_by === ctx.actorId)
    throw new AppError('forbidden', 'You cannot answer your own approval request.');
  if (!mayApprove(ctx.role, approval.approver_role))
    throw new AppError('forbidden', `This approval needs a ${approval.approver_role} or above.`);
  if (approval.state !== 'pending')
    throw new AppError('conflict', `This approval was already ${approval.state}.`);
  const db = widen(ctx.db);
  const decision = await db
    .selectFrom('decisions')
    .selectAll()
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', approval.decision_id)
    .executeTakeFirstOrThrow();
  const authority = fromJsonText<AuthorityCheck | null>(decision.authority, null);
  const org = await orgOf(ctx);

  let budget: BudgetView | null = null;
  let entryId: string | null = null;
  const amount = decision.amount_minor === null ? null : Number(decision.amount_minor);
  if (verdict === 'approved' && authority?.grant.grants === 'goodwill' && amount !== null) {
    // The approver's pot pays ("team leads and managers hold a pot … from which they approve").
    const { charter } = await charterInForce(ctx.db, ctx.orgId, localDate(ctx.now, org.time_zone));
    const team = await teamOf(ctx, ctx.actorId);
    const period = budgetPeriod(ctx.now, org.time_zone);
    const debit = await debitBudget(
      ctx,
      budgetFor(charter, { userId: ctx.actorId, role: ctx.role, team }, org.currency),
      period,
      amount,
      decision.id,
    );
    entryId = debit.entryId;
    budget = {
      budget_key: debit.key,
      period,
      currency: debit.currency,
      limit_minor: debit.limitMinor,
      spent_minor: debit.spentMinor,
      left_minor: debit.leftMinor,
    };
  }

  const updated = await ctx.db
    .updateTable('approvals')
    .set({ state: verdict, decided_by: ctx.actorId, decided_at: ctx.now, reason })
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError('conflict', 'This approval was already answered.');
  await db
    .updateTable('decisions')
    .set({ approval_state: verdict })
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', decision.id)
    .execute();

  const what =
    amount !== null && decision.currency
      ? `${decision.decision} (${authority?.grant.outcome ?? 'grant'}, ${formatMoney(amount, decision.currency)})`
      : decision.decision;
  const entry = await appendTimelineEntry(ctx.db, ctx.dialect, {
    orgId: ctx.orgId,
    caseId: approval.case_id,
    kind: 'approval',
    actorId: ctx.actorId,
    body: `${what} ${verdict}${reason ? `: ${reason}` : '.'}`,
    data: { approval_id: id, decision_id: decision.id, state: verdict, reason, budget_entry_id: entryId },
    at: ctx.now,
  });
  await appendAudit(ctx.db, ctx.dialect, {
    orgId: ctx.orgId,
    actorType: 'user',
    actorId: ctx.actorId,
    action: verdict === 'approved' ? 'approval.approved' : 'approval.denied',
    entity: 'approval',
    entityId: id,
    data: {
      decision_id: decision.id,
      case_id: approval.case_id,
      reason,
      budget_entry_id: entryId,
      timeline_entry_id: entry.id,
    },
    at: ctx.now,
  });
  const after = { ...approval, state: verdict, decided_by: ctx.actorId, decided_at: ctx.now, reason };
  return { ...decisionView({ ...decision, approval_state: verdict }, after), budget };
}
