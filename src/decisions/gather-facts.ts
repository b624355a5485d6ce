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

import { netMinor } from '../customers/index.ts';
import { fromJsonText } from '../store/dialect.ts';
import type { CaseTable, OrderTable } from '../store/schema.ts';
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

/**
 * Read with the case (see evaluate-for-case): null when it has no customer, or none was found.
 * PostgreSQL sums bigints as numeric, which arrives as text.
 */
export interface CustomerSpend {
  readonly customer_tier: string | null;
  /** The customer's order totals in the organisation's currency. */
  readonly customer_spent: number | string | null;
  /**
   * Money refunded to the customer in the organisation's currency: decisions on their cases that
   * granted a refund, alone or approved (a pending or denied one has paid nothing back).
   */
  readonly customer_refunded: number | string | null;
}

/** The order columns the facts come from. */
export type OrderFacts = Pick<
  OrderTable,
  'placed_at' | 'delivered_at' | 'currency' | 'total_minor' | 'items'
>;

/**
 * Gathers the facts for a decision on `kase` (and `order`, when one is in question) at `ctx.now`.
 * @example const { facts } = gatherFacts(ctx, org, kase, order, 'customer care') // { 'Case kind': 'complaint', … }
 */
export function gatherFacts(
  ctx: DecisionContext,
  org: Org,
  kase: CaseFacts & CustomerSpend,
  order: OrderFacts | null,
  actorTeam: string | null,
): GatheredFacts {
  const facts: Record<string, unknown> = {
    'Case kind': kase.kind,
    Channel: kase.channel,
    Priority: kase.priority,
  };
  if (kase.category !== null) facts['Complaint category'] = kase.category;
  if (kase.customer_id !== null && kase.customer_tier !== null) {
    facts['Customer tier'] = kase.customer_tier;
    const ltv = netMinor(Number(kase.customer_spent ?? 0), Number(kase.customer_refunded ?? 0));
    facts['Lifetime value'] = minorToPounds(ltv, org.currency);
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
