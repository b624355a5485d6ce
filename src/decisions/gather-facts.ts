/**
 * @module decisions/gather-facts
 * The facts a decision on a case starts from, in the charter's vocabulary (facts.md): what the case
 * says, who the customer is, what the order was, and who is deciding. Money is in pounds as plain
 * numbers; day and month counts are whole and counted in the organisation's time zone.
 *
 * | Fact                  | From                                                                 |
 * |-----------------------|----------------------------------------------------------------------|
 * | Case kind             | case.kind                                                            |
 * | Channel               | case.channel                                                         |
 * | Priority              | case.priority                                                        |
 * | Complaint category    | case.category (when set)                                             |
 * | Customer tier         | customer.tier                                                        |
 * | Lifetime value        | the customer's order totals less refunds granted, org currency       |
 * | Order amount          | order.total (when in the organisation's currency)                    |
 * | Days since delivery   | local days from order.delivered_at to the decision (when delivered)  |
 * | Months since purchase | whole local months from order.placed_at to the decision              |
 * | Product category      | the first item's category                                            |
 * | Staff role            | the decider's role (see roles.ts)                                    |
 * | Team                  | the decider's team name (when in a team)                             |
 */

import { fromJsonText } from '../store/dialect.ts';
import type { CaseTable, OrderTable } from '../store/schema.ts';
import { AMOUNTS } from './amounts.ts';
import type { DecisionContext, Org } from './context.ts';
import { minorToPounds } from './money.ts';
import { wholeDays, wholeMonths } from './org-calendar.ts';
import { staffRoleFact } from './roles.ts';

export interface GatheredFacts {
  readonly facts: Record<string, unknown>;
  /** The order total in minor units of the organisation's currency, when an order is known. */
  readonly orderMinor: number | null;
}

type CaseFacts = Pick<CaseTable, 'kind' | 'channel' | 'priority' | 'category' | 'customer_id'>;

async function lifetimeMinor(ctx: DecisionContext, customerId: string, currency: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('orders')
    .select((eb) => eb.fn.sum<number | string | bigint | null>('total_minor').as('total'))
    .where('org_id', '=', ctx.orgId)
    .where('customer_id', '=', customerId)
    .where('currency', '=', currency)
    .executeTakeFirst();
  // PostgreSQL answers sum(bigint) as numeric text; SQLite as an integer; no rows give null.
  const spent = Number(row?.total ?? 0);
  return Math.max(0, spent - (await refundedMinor(ctx, customerId, currency)));
}

/**
 * Money refunded to the customer: decisions on their cases whose outcome grants a refund, granted
 * alone or approved (a pending or denied one has paid nothing back). The charter defines lifetime
 * value as spend "net of refunds".
 */
async function refundedMinor(ctx: DecisionContext, customerId: string, currency: string): Promise<number> {
  const rows = await ctx.db
    .selectFrom('decisions')
    .innerJoin('cases', (j) =>
      j.onRef('cases.org_id', '=', 'decisions.org_id').onRef('cases.id', '=', 'decisions.case_id'),
    )
    .select(['decisions.decision', 'decisions.outputs', 'decisions.amount_minor'])
    .where('decisions.org_id', '=', ctx.orgId)
    .where('cases.customer_id', '=', customerId)
    .where('decisions.currency', '=', currency)
    .where('decisions.approval_state', 'in', ['none', 'approved'])
    .where('decisions.decision', 'in', Object.keys(AMOUNTS))
    .execute();
  let total = 0;
  for (const r of rows) {
    const money = AMOUNTS[r.decision];
    const outputs = fromJsonText<Record<string, unknown> | null>(r.outputs, null);
    const outcome = outputs?.[money?.outcome ?? ''];
    if (typeof outcome !== 'string' || money?.outcomes[outcome]?.grants !== 'refund') continue;
    total += Number(r.amount_minor ?? 0);
  }
  return total;
}

/**
 * Gathers the facts for a decision on `kase` (and `order`, when one is in question) at `ctx.now`.
 * @example const { facts } = await gatherFacts(ctx, org, kase, order, 'customer care') // { 'Case kind': 'complaint', … }
 */
export async function gatherFacts(
  ctx: DecisionContext,
  org: Org,
  kase: CaseFacts,
  order: OrderTable | null,
  actorTeam: string | null,
): Promise<GatheredFacts> {
  const facts: Record<string, unknown> = {
    'Case kind': kase.kind,
    Channel: kase.channel,
    Priority: kase.priority,
  };
  if (kase.category !== null) facts['Complaint category'] = kase.category;
  if (kase.customer_id !== null) {
    const customer = await ctx.db
      .selectFrom('customers')
      .select(['tier'])
      .where('org_id', '=', ctx.orgId)
      .where('id', '=', kase.customer_id)
      .executeTakeFirst();
    if (customer) {
      facts['Customer tier'] = customer.tier;
      const ltv = await lifetimeMinor(ctx, kase.customer_id, org.currency);
      facts['Lifetime value'] = minorToPounds(ltv, org.currency);
    }
  }
  let orderMinor: number | null = null;
  if (order) {
    // An order in another currency has no amount in the charter's pounds; the agent may supply one.
    if (order.currency === org.currency) {
      orderMinor = order.total_minor;
      facts['Order amount'] = minorToPounds(order.total_minor, org.currency);
    }
    if (order.delivered_at !== null)
      facts['Days since delivery'] = wholeDays(order.delivered_at, ctx.now, org.time_zone);
    facts['Months since purchase'] = wholeMonths(order.placed_at, ctx.now, org.time_zone);
    const items = fromJsonText<{ category?: unknown }[]>(order.items, []);
    const category = items[0]?.category;
    if (typeof category === 'string') facts['Product category'] = category;
  }
  const role = staffRoleFact(ctx.role);
  if (role !== null) facts['Staff role'] = role;
  if (actorTeam !== null) facts.Team = actorTeam;
  return { facts, orderMinor };
}
