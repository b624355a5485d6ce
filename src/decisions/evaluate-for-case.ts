/**
 * @module decisions/evaluate-for-case
 * What recording a decision and previewing one share: find the case and the charter in force on
 * the organisation's local date, check the caller's facts, gather the rest from the case, customer
 * and order, evaluate, and work out what would be granted and for how much.
 */
import { charterInForce } from '../charter/index.ts';
import type { Charter, Evaluation } from '../policy/index.ts';
import { AppError } from '../server/errors.ts';
import { hotSql, runHot } from '../store/hot-sql.ts';
import { paidRefund } from '../store/paid-refund.ts';
import type { CaseTable } from '../store/schema.ts';
import { grantOf } from './amounts.ts';
import { checkFacts } from './check-facts.ts';
import type { DecisionContext, Org } from './context.ts';
import { type CustomerSpend, gatherFacts, type OrderFacts } from './gather-facts.ts';
import { NotInForce } from './not-in-force.ts';
import { localDate } from './org-calendar.ts';

export interface DecisionInput {
  /** The charter decision to apply, e.g. "Refund" (matched without regard to case). */
  readonly decision: string;
  /** Facts the decider supplies (their judgement, e.g. `Item condition`); they override gathered ones. */
  readonly facts?: Readonly<Record<string, unknown>> | undefined;
  /** The order in question, when not the case's own. */
  readonly orderId?: string | undefined;
}

export type CaseRow = Pick<
  CaseTable,
  'id' | 'kind' | 'channel' | 'priority' | 'category' | 'customer_id' | 'order_id'
>;

/**
 * The case with everything deciding on it also needs, in one read: its organisation, the decider's
 * team, its customer's tier, spend and refunds in the organisation's currency (see CustomerSpend),
 * and the order in question (the one named, else the case's own).
 *
 * Refunds are reached through the customer's cases (`in`, not a join: joined, SQLite walked every
 * decision of the organisation to find the customer's few) and summed from the `decisions_by_case`
 * index alone (migration 0007), never reading the decisions themselves.
 */
export const CASE = hotSql(
  `select cases.id, cases.kind, cases.channel, cases.priority, cases.category, cases.customer_id,
     cases.order_id, orgs.org_id, orgs.time_zone, orgs.currency, orgs.charter_revision,
     (select teams.name from users inner join teams on teams.org_id = users.org_id and teams.id = users.team_id
      where users.org_id = cases.org_id and users.id = ?) as actor_team,
     customers.tier as customer_tier,
     (select sum(orders.total_minor) from orders
      where orders.org_id = cases.org_id and orders.customer_id = cases.customer_id
        and orders.currency = orgs.currency) as customer_spent,
     (select sum(decisions.amount_minor) from decisions
      where decisions.org_id = cases.org_id
        and decisions.case_id in (select mine.id from cases mine
                                  where mine.org_id = cases.org_id and mine.customer_id = cases.customer_id)
        and decisions.currency = orgs.currency
        and ${paidRefund('decisions')}) as customer_refunded,
     orders.id as order_key, orders.customer_id as order_customer_id, orders.placed_at as order_placed_at,
     orders.delivered_at as order_delivered_at, orders.currency as order_currency,
     orders.total_minor as order_total_minor, orders.items as order_items
   from cases inner join orgs on orgs.org_id = cases.org_id
     left join customers on customers.org_id = cases.org_id and customers.id = cases.customer_id
     left join orders on orders.org_id = cases.org_id and orders.id = coalesce(?, cases.order_id)
   where cases.org_id = ? and cases.id = ?`,
);

interface CaseAndOrg extends CaseRow, Org, CustomerSpend {
  readonly actor_team: string | null;
  /** The order in question's columns; null when there is none or it was not found. */
  readonly order_key: string | null;
  readonly order_customer_id: string | null;
  readonly order_placed_at: number | null;
  readonly order_delivered_at: number | null;
  readonly order_currency: string | null;
  readonly order_total_minor: number | null;
  readonly order_items: string | null;
}

/** Facts about the decider come from their account, never from the request. */
const FROM_ACCOUNT = ['Staff role', 'Team'];

// Per charter, its decisions by lower-cased name (matched on every decision request).
const namesByCharter = new WeakMap<Charter, Map<string, string>>();

function decisionNamed(charter: Charter, name: string): string {
  let names = namesByCharter.get(charter);
  if (names === undefined) {
    names = new Map();
    for (const d of charter.decisions.keys()) if (!names.has(d.toLowerCase())) names.set(d.toLowerCase(), d);
    namesByCharter.set(charter, names);
  }
  const found = names.get(name.trim().toLowerCase());
  if (found !== undefined) return found;
  throw new NotInForce('validation', `The charter in force has no decision named "${name}".`, [
    {
      path: 'body.decision',
      message: `Unexpected decision "${name}", expected a decision of the charter in force`,
    },
  ]);
}

/** The order in question as read with the case, checked when the caller named it. */
function orderOf(row: CaseAndOrg, orderId: string | undefined): OrderFacts | null {
  if (row.order_key === null) {
    if (orderId === undefined) return null;
    throw new AppError('not-found', 'No such order.');
  }
  if (orderId !== undefined && row.customer_id !== null && row.order_customer_id !== row.customer_id)
    throw new AppError('validation', "The order is not this case's customer's.", [
      { path: 'body.order_id', message: "expected an order of the case's customer" },
    ]);
  return {
    placed_at: Number(row.order_placed_at),
    delivered_at: row.order_delivered_at === null ? null : Number(row.order_delivered_at),
    currency: row.order_currency ?? '',
    total_minor: Number(row.order_total_minor),
    items: row.order_items ?? '[]',
  };
}

/**
 * @throws AppError not-found (case, order), validation (unknown decision, unusable facts), policy-error
 * @example const { name, evaluation, grant } = await evaluateForCase(ctx, caseId, { decision: 'Refund' });
 */
export async function evaluateForCase(ctx: DecisionContext, caseId: string, input: DecisionInput) {
  const [row] = await runHot<CaseAndOrg>(ctx.db, ctx.dialect, CASE, [
    ctx.actorId,
    input.orderId ?? null,
    ctx.orgId,
    caseId,
  ]);
  if (!row) throw new AppError('not-found', 'No such case.');
  const kase: CaseRow = row;
  const org: Org = row;
  const team = row.actor_team;
  const { charter } = await charterInForce(
    ctx.db,
    ctx.orgId,
    localDate(ctx.now, org.time_zone),
    org.charter_revision,
  );
  const name = decisionNamed(charter, input.decision);
  const supplied = input.facts ?? {};
  const errors = checkFacts(charter, supplied);
  for (const f of FROM_ACCOUNT)
    if (f in supplied)
      errors.push({ path: `body.facts.${f}`, message: `${f} comes from your account, not the request` });
  if (errors.length) throw new AppError('validation', 'Some facts cannot be used.', errors);

  const gathered = gatherFacts(ctx, org, row, orderOf(row, input.orderId), team);
  const facts = { ...gathered.facts, ...supplied };
  const evaluation: Evaluation = charter.evaluate(name, facts);
  if (evaluation.error || !evaluation.policy)
    throw new AppError('policy-error', `${name}: ${evaluation.error?.message ?? 'no policy'}`);
  // The exact order total when the amount came from the order; the caller's figure otherwise.
  const grant = grantOf(
    name,
    evaluation.value,
    facts,
    org.currency,
    'Order amount' in supplied ? null : gathered.orderMinor,
  );
  if (!grant.ok && grant.code === 'unmapped-outcome') throw new AppError('policy-error', grant.message);
  return {
    kase,
    org,
    team,
    charter,
    name,
    supplied,
    gathered,
    facts,
    evaluation,
    policy: evaluation.policy,
    grant,
  };
}
