/**
 * @module decisions/budgets
 * Goodwill budgets from the charter's `Goodwill budget` decision (incentives.md): a monthly amount
 * held by a person ("individual") or by their team ("team"). The ledger (`budget_entries`) records
 * debits as negative amounts per budget key and period; the limit is read from the charter in
 * force, so what is left is `limit + sum(entries)`.
 *
 * - Key `goodwill:user:<user id>` for individual allowances (agents).
 * - Key `goodwill:team:<team name>` for team pots. A team pot is the department manager's: its
 *   limit is the budget the charter gives a "manager" of that team. Admins covering the desk (and
 *   team leads, once the system has them) draw on it, as the policy says.
 * - Period: the calendar month `YYYY-MM` in the organisation's time zone; budgets reset monthly.
 */
import { appendAudit } from '../audit/index.ts';
import type { Charter } from '../policy/index.ts';
import { AppError } from '../server/errors.ts';
import { lockOrg } from '../store/dialect.ts';
import { newId } from '../store/ids.ts';
import type { Role } from '../store/schema.ts';
import type { DecisionContext } from './context.ts';
import { poundsToMinor } from './money.ts';
import { staffRoleFact } from './roles.ts';

export const BUDGET_DECISION = 'Goodwill budget';

export interface Budget {
  readonly key: string;
  readonly holder: 'individual' | 'team';
  readonly limitMinor: number;
  readonly currency: string;
  readonly policy: { readonly id: string; readonly version: number } | null;
}

export interface BudgetBalance extends Budget {
  readonly period: string;
  readonly spentMinor: number;
  readonly leftMinor: number;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * The goodwill budget a staff member spends from, or null when the charter gives them none.
 * @example budgetFor(charter, { userId, role: 'agent', team: 'customer care' }, 'GBP')
 * // { key: 'goodwill:user:…', holder: 'individual', limitMinor: 15000, … }
 */
export function budgetFor(
  charter: Charter,
  person: { readonly userId: string; readonly role: Role; readonly team: string | null },
  currency: string,
): Budget | null {
  const role = staffRoleFact(person.role);
  if (role === null || !charter.decisions.has(BUDGET_DECISION)) return null;
  const own = charter.evaluate(BUDGET_DECISION, { 'Staff role': role, Team: person.team });
  const holder = field(own.value, 'Budget holder');
  if (holder === 'individual') {
    const limit = field(own.value, 'Monthly budget');
    if (typeof limit !== 'number') return null;
    return {
      key: `goodwill:user:${person.userId}`,
      holder,
      limitMinor: poundsToMinor(limit, currency),
      currency,
      policy: own.policy ?? null,
    };
  }
  if (holder !== 'team' || person.team === null) return null;
  const pot = charter.evaluate(BUDGET_DECISION, { 'Staff role': 'manager', Team: person.team });
  const limit = field(pot.value, 'Monthly budget');
  if (typeof limit !== 'number') return null;
  return {
    key: `goodwill:team:${person.team}`,
    holder,
    limitMinor: poundsToMinor(limit, currency),
    currency,
    policy: pot.policy ?? null,
  };
}

/**
 * Sums the ledger for each key in one period (debits are negative), in minor units.
 * @example await ledgerTotals(ctx, '2026-11', ['goodwill:user:…']) // Map { 'goodwill:user:…' => -2500 }
 */
export async function ledgerTotals(
  ctx: Pick<DecisionContext, 'db' | 'orgId'>,
  period: string,
  keys?: readonly string[],
): Promise<Map<string, number>> {
  if (keys && keys.length === 0) return new Map();
  let q = ctx.db
    .selectFrom('budget_entries')
    .select((eb) => ['budget_key', eb.fn.sum<number | string | bigint>('amount_minor').as('total')])
    .where('org_id', '=', ctx.orgId)
    .where('period', '=', period)
    .groupBy('budget_key');
  if (keys) q = q.where('budget_key', 'in', keys);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.budget_key, Number(r.total)]));
}

/** What is spent and left of `budget` in `period`. */
export async function balanceOf(
  ctx: DecisionContext,
  budget: Budget,
  period: string,
): Promise<BudgetBalance> {
  const total = (await ledgerTotals(ctx, period, [budget.key])).get(budget.key) ?? 0;
  return { ...budget, period, spentMinor: -total, leftMinor: budget.limitMinor + total };
}

/**
 * Debits `amountMinor` from `budget` for a decision, or refuses (409 `budget-exhausted`) when less is
 * left; call inside the transaction that grants. Audited.
 * @example await debitBudget(ctx, budget, '2026-11', 2000, decisionId)
 */
export async function debitBudget(
  ctx: DecisionContext,
  budget: Budget | null,
  period: string,
  amountMinor: number,
  decisionId: string,
): Promise<BudgetBalance & { readonly entryId: string }> {
  if (!budget)
    throw new AppError(
      'budget-exhausted',
      'The charter gives you no goodwill budget (check your role and team), so this gesture cannot be granted.',
    );
  // Serialise debits of one organisation so two grants cannot both spend the last pound.
  await lockOrg(ctx.db, ctx.dialect, ctx.orgId);
  const balance = await balanceOf(ctx, budget, period);
  if (balance.leftMinor < amountMinor)
    throw new AppError(
      'budget-exhausted',
      `The goodwill budget ${budget.key} has ${balance.leftMinor} (minor units, ${budget.currency}) left for ${period}; ${amountMinor} is needed.`,
    );
  const entryId = newId();
  await ctx.db
    .insertInto('budget_entries')
    .values({
      org_id: ctx.orgId,
      id: entryId,
      budget_key: budget.key,
      period,
      amount_minor: -amountMinor,
      currency: budget.currency,
      decision_id: decisionId,
      created_at: ctx.now,
    })
    .execute();
  await appendAudit(ctx.db, ctx.dialect, {
    orgId: ctx.orgId,
    actorType: 'user',
    actorId: ctx.actorId,
    action: 'budget.debited',
    entity: 'budget_entry',
    entityId: entryId,
    data: {
      budget_key: budget.key,
      period,
      amount_minor: -amountMinor,
      currency: budget.currency,
      decision_id: decisionId,
    },
    at: ctx.now,
  });
  return {
    ...balance,
    spentMinor: balance.spentMinor + amountMinor,
    leftMinor: balance.leftMinor - amountMinor,
    entryId,
  };
}
