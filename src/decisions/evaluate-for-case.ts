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
import type { CaseTable, OrderTable } from '../store/schema.ts';
import { grantOf } from './amounts.ts';
import { checkFacts } from './check-facts.ts';
import type { DecisionContext, Org } from './context.ts';
import { type CustomerSpend, gatherFacts } from './gather-facts.ts';
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
 * The case with what deciding on it also needs, in one read: its organisation, the decider's team,
 * and its customer's tier and spend in the organisation's currency (null without a customer).
 */
const CASE = hotSql(
  `select cases.id, cases.kind, cases.channel, cases.priority, cases.category, cases.customer_id,
     cases.order_id, orgs.org_id, orgs.time_zone, orgs.currency, orgs.charter_revision,
     (select teams.name from users inner join teams on teams.org_id = users.org_id and teams.id = users.team_id
      where users.org_id = cases.org_id and users.id = ?) as actor_team,
     customers.tier as customer_tier,
     (select sum(orders.total_minor) from orders
      where orders.org_id = cases.org_id and orders.customer_id = cases.customer_id
        and orders.currency = orgs.currency) as customer_spent
   from cases inner join orgs on orgs.org_id = cases.org_id
     left join customers on customers.org_id = cases.org_id and customers.id = cases.customer_id
   where cases.org_id = ? and cases.id = ?`,
);

const ORDER = hotSql('select * from orders where org_id = ? and id = ?');

interface CaseAndOrg extends CaseRow, Org, CustomerSpend {
  readonly actor_team: string | null;
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
  throw new AppError('validation', `The charter in force has no decision named "${name}".`, [
    {
      path: 'body.decision',
      message: `Unexpected decision "${name}", expected a decision of the charter in force`,
    },
  ]);
}

async function orderFor(
  ctx: DecisionContext,
  kase: CaseRow,
  orderId: string | undefined,
): Promise<OrderTable | null> {
  const id = orderId ?? kase.order_id;
  if (id === null) return null;
  const [order] = await runHot<OrderTable>(ctx.db, ctx.dialect, ORDER, [ctx.orgId, id]);
  if (!order) {
    if (orderId === undefined) return null;
    throw new AppError('not-found', 'No such order.');
  }
  if (orderId !== undefined && kase.customer_id !== null && order.customer_id !== kase.customer_id)
    throw new AppError('validation', "The order is not this case's customer's.", [
      { path: 'body.order_id', message: "expected an order of the case's customer" },
    ]);
  return order;
}

/**
 * @throws AppError not-found (case, order), validation (unknown decision, unusable facts), policy-error
 * @example const { name, evaluation, grant } = await evaluateForCase(ctx, caseId, { decision: 'Refund' });
 */
export async function evaluateForCase(ctx: DecisionContext, caseId: string, input: DecisionInput) {
  const [row] = await runHot<CaseAndOrg>(ctx.db, ctx.dialect, CASE, [ctx.actorId, ctx.orgId, caseId]);
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

  const order = await orderFor(ctx, kase, input.orderId);
  const gathered = await gatherFacts(ctx, org, row, order, team);
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
