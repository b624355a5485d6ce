/**
 * @module decisions/list-approvals
 * The approvals inbox: approvals in a state (pending by default) that the caller's role may answer
 * (auditors see them all, read-only), oldest first, each with its case number, amount, requester,
 * and — for goodwill — what is left of the budget the caller would approve it from.
 */
import { charterInForce } from '../charter/index.ts';
import { encodeCursor, numericCursor } from '../server/pagination.ts';
import type { ApprovalTable } from '../store/schema.ts';
import { balanceOf, budgetFor } from './budgets.ts';
import type { AuthorityCheck } from './check-authority.ts';
import { type DecisionContext, orgOf, teamOf } from './context.ts';
import { type ApprovalView, approvalView } from './decision-view.ts';
import { budgetPeriod, localDate } from './org-calendar.ts';
import { approverRolesFor } from './roles.ts';
import { widen } from './store-types.ts';

export interface BudgetView {
  readonly budget_key: string;
  readonly period: string;
  readonly currency: string;
  readonly limit_minor: number;
  readonly spent_minor: number;
  readonly left_minor: number;
}

export interface InboxItem extends ApprovalView {
  readonly case_number: number;
  readonly decision: string;
  readonly outcome: string | null;
  readonly amount_minor: number | null;
  readonly currency: string | null;
  readonly requested_by_user: { readonly id: string; readonly name: string };
  /** Whether the caller may approve or deny it (not their own request, and their role answers it). */
  readonly can_decide: boolean;
  /** For goodwill: the caller's budget it would be debited from (null otherwise, or for auditors). */
  readonly budget: BudgetView | null;
}

export interface InboxPage {
  readonly items: InboxItem[];
  readonly next_cursor: string | null;
}

/** What the caller would approve goodwill from this month, or null when they hold no budget. */
export async function callerBudget(ctx: DecisionContext): Promise<BudgetView | null> {
  if (ctx.role === 'auditor' || ctx.role === 'agent') return null;
  const org = await orgOf(ctx);
  const { charter } = await charterInForce(ctx.db, ctx.orgId, localDate(ctx.now, org.time_zone));
  const team = await teamOf(ctx, ctx.actorId);
  const budget = budgetFor(charter, { userId: ctx.actorId, role: ctx.role, team }, org.currency);
  if (!budget) return null;
  const b = await balanceOf(ctx, budget, budgetPeriod(ctx.now, org.time_zone));
  return {
    budget_key: b.key,
    period: b.period,
    currency: b.currency,
    limit_minor: b.limitMinor,
    spent_minor: b.spentMinor,
    left_minor: b.leftMinor,
  };
}

/**
 * @example const inbox = await listApprovals(ctx, { state: 'pending', limit: 50 })
 */
export async function listApprovals(
  ctx: DecisionContext,
  query: {
    readonly state: ApprovalTable['state'];
    readonly cursor?: string | undefined;
    readonly limit: number;
  },
): Promise<InboxPage> {
  const after = numericCursor(query.cursor);
  let q = widen(ctx.db)
    .selectFrom('approvals as a')
    .innerJoin('cases as c', (j) => j.onRef('c.org_id', '=', 'a.org_id').onRef('c.id', '=', 'a.case_id'))
    .innerJoin('decisions as d', (j) =>
      j.onRef('d.org_id', '=', 'a.org_id').onRef('d.id', '=', 'a.decision_id'),
    )
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'a.org_id').onRef('u.id', '=', 'a.requested_by'))
    .selectAll('a')
    .select([
      'c.number as case_number',
      'd.decision',
      'd.amount_minor',
      'd.currency',
      'd.authority',
      'u.name as requester_name',
    ])
    .where('a.org_id', '=', ctx.orgId)
    .where('a.state', '=', query.state);
  if (ctx.role !== 'auditor') {
    const roles = approverRolesFor(ctx.role);
    if (roles.length === 0) return { items: [], next_cursor: null };
    q = q.where('a.approver_role', 'in', roles);
  }
  if (after) {
    const { at, id } = after;
    q = q.where((eb) =>
      eb.or([eb('a.created_at', '>', at), eb.and([eb('a.created_at', '=', at), eb('a.id', '>', id)])]),
    );
  }
  const rows = await q
    .orderBy('a.created_at')
    .orderBy('a.id')
    .limit(query.limit + 1)
    .execute();
  const more = rows.length > query.limit;
  const shown = more ? rows.slice(0, query.limit) : rows;
  const isGoodwill = (a: string | null) =>
    a !== null && (JSON.parse(a) as AuthorityCheck).grant.grants === 'goodwill';
  const budget = shown.some((r) => isGoodwill(r.authority)) ? await callerBudget(ctx) : null;
  const last = shown.at(-1);
  return {
    items: shown.map((r) => {
      const authority = r.authority === null ? null : (JSON.parse(r.authority) as AuthorityCheck);
      return {
        ...approvalView(r),
        case_number: r.case_number,
        decision: r.decision,
        outcome: authority?.grant.outcome ?? null,
        amount_minor: r.amount_minor === null ? null : Number(r.amount_minor),
        currency: r.currency,
        requested_by_user: { id: r.requested_by, name: r.requester_name ?? '' },
        can_decide: ctx.role !== 'auditor' && r.state === 'pending' && r.requested_by !== ctx.actorId,
        budget: isGoodwill(r.authority) ? budget : null,
      };
    }),
    next_cursor: more && last ? encodeCursor(Number(last.created_at), last.id) : null,
  };
}
