/**
 * @module decisions/list-budgets
 * Goodwill budgets of the organisation for one month: every allowance and team pot the charter
 * gives its staff, plus any key the ledger has entries for, each with limit, spent and left.
 */
import { DateTime } from 'luxon';
import { charterInForce } from '../charter/index.ts';
import { type Budget, budgetFor, ledgerTotals } from './budgets.ts';
import { type DecisionContext, orgOf } from './context.ts';
import { budgetPeriod, localDate } from './org-calendar.ts';

export interface BudgetLine {
  readonly budget_key: string;
  readonly period: string;
  readonly holder:
    | { readonly type: 'user'; readonly id: string; readonly name: string }
    | { readonly type: 'team'; readonly name: string }
    | null;
  readonly currency: string;
  /** Null for a key the charter in force no longer gives anyone (only its ledger is known). */
  readonly limit_minor: number | null;
  readonly spent_minor: number;
  readonly left_minor: number | null;
}

/**
 * @example await listBudgets(ctx, '2026-11') // { period: '2026-11', items: [{ budget_key: 'goodwill:team:customer care', … }] }
 */
export async function listBudgets(
  ctx: DecisionContext,
  period?: string,
): Promise<{ readonly period: string; readonly items: BudgetLine[] }> {
  const org = await orgOf(ctx);
  const month = period ?? budgetPeriod(ctx.now, org.time_zone);
  // Limits come from the charter in force at the end of the month (or today, for this month).
  const end = DateTime.fromISO(`${month}-01`, { zone: org.time_zone }).endOf('month').toFormat('yyyy-MM-dd');
  const today = localDate(ctx.now, org.time_zone);
  const { charter } = await charterInForce(ctx.db, ctx.orgId, end.localeCompare(today) < 0 ? end : today);
  const staff = await ctx.db
    .selectFrom('users')
    .leftJoin('teams', (j) =>
      j.onRef('teams.org_id', '=', 'users.org_id').onRef('teams.id', '=', 'users.team_id'),
    )
    .select(['users.id', 'users.name', 'users.role', 'teams.name as team'])
    .where('users.org_id', '=', ctx.orgId)
    .where('users.disabled', '=', 0)
    .where('users.role', 'in', ['agent', 'manager', 'admin'])
    .orderBy('users.id')
    .execute();
  const budgets = new Map<string, { budget: Budget; holder: BudgetLine['holder'] }>();
  for (const u of staff) {
    const b = budgetFor(charter, { userId: u.id, role: u.role, team: u.team }, org.currency);
    if (!b || budgets.has(b.key)) continue;
    budgets.set(b.key, {
      budget: b,
      holder:
        b.holder === 'individual'
          ? { type: 'user', id: u.id, name: u.name }
          : { type: 'team', name: u.team ?? '' },
    });
  }
  const totals = await ledgerTotals(ctx, month);
  const keys = [...new Set([...budgets.keys(), ...totals.keys()])].sort();
  return {
    period: month,
    items: keys.map((key) => {
      const known = budgets.get(key);
      const total = totals.get(key) ?? 0;
      const limit = known ? known.budget.limitMinor : null;
      return {
        budget_key: key,
        period: month,
        holder: known?.holder ?? null,
        currency: org.currency,
        limit_minor: limit,
        spent_minor: -total,
        left_minor: limit === null ? null : limit + total,
      };
    }),
  };
}
