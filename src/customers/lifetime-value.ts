/**
 * @module customers/lifetime-value
 * Lifetime value is derived, never stored: the sum of the customer's order totals, per currency,
 * so it cannot drift from the orders it comes from. Beside it, the refunds granted on the customer's
 * cases: the charter's `Lifetime value` fact is spend net of them (decisions/gather-facts.ts), and
 * the desk shows both so an agent sees the figure the policy used.
 */
import { sql } from 'kysely';
import { paidRefund } from '../store/paid-refund.ts';
import type { Db, MoneyTotal } from './customer-view.ts';

/**
 * Totals of a customer's orders per currency (sorted by currency), in minor units.
 * @example await lifetimeValue(db, orgId, customerId) // [{ currency: 'GBP', total_minor: 12550 }]
 */
export async function lifetimeValue(db: Db, orgId: string, customerId: string): Promise<MoneyTotal[]> {
  const rows = await db
    .selectFrom('orders')
    .select((eb) => ['currency', eb.fn.sum<number | string | bigint>('total_minor').as('total')])
    .where('org_id', '=', orgId)
    .where('customer_id', '=', customerId)
    .groupBy('currency')
    .orderBy('currency')
    .execute();
  // PostgreSQL answers sum(bigint) as numeric text; SQLite as an integer.
  return rows.map((r) => ({ currency: r.currency, total_minor: Number(r.total) }));
}

/**
 * Spend net of refunds, never below zero: the charter's `Lifetime value` (decisions/gather-facts.ts
 * uses it for the fact, the customer card for the figure it shows).
 * @example netMinor(14_999, 4_999) // 10_000
 */
export function netMinor(spentMinor: number, refundedMinor: number): number {
  return Math.max(0, spentMinor - refundedMinor);
}

/**
 * `netMinor` per currency of the customer's spend.
 * @example netOfRefunds([{ currency: 'GBP', total_minor: 14_999 }], [{ currency: 'GBP', total_minor: 4_999 }]) // [{ currency: 'GBP', total_minor: 10_000 }]
 */
export function netOfRefunds(spent: readonly MoneyTotal[], refunded: readonly MoneyTotal[]): MoneyTotal[] {
  return spent.map((v) => ({
    currency: v.currency,
    total_minor: netMinor(v.total_minor, refunded.find((r) => r.currency === v.currency)?.total_minor ?? 0),
  }));
}

/**
 * Refunds paid on the customer's cases per currency (sorted by currency), in minor units: decisions
 * that granted a refund, alone or approved (store/paid-refund, the rule the decision's facts use).
 * @example await refundedTotals(db, orgId, customerId) // [{ currency: 'GBP', total_minor: 4999 }]
 */
export async function refundedTotals(db: Db, orgId: string, customerId: string): Promise<MoneyTotal[]> {
  const rows = await db
    .selectFrom('decisions')
    .select((eb) => ['currency', eb.fn.sum<number | string | bigint>('amount_minor').as('total')])
    .where('org_id', '=', orgId)
    .where('case_id', 'in', (eb) =>
      eb.selectFrom('cases').select('id').where('org_id', '=', orgId).where('customer_id', '=', customerId),
    )
    .where(sql.raw<boolean>(paidRefund('decisions')))
    .groupBy('currency')
    .orderBy('currency')
    .execute();
  return rows.flatMap((r) =>
    r.currency === null ? [] : [{ currency: r.currency, total_minor: Number(r.total) }],
  );
}
