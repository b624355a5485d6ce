/**
 * @module customers/lifetime-value
 * Lifetime value is derived, never stored: the sum of the customer's order totals, per currency,
 * so it cannot drift from the orders it comes from.
 */
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
