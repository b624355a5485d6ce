/**
 * @module customers/get-customer
 * One customer with their most recent orders, lifetime value, the refunds granted to them, and
 * lifetime value net of them (the figure the charter decides on).
 */
import {
  type CustomerView,
  customerView,
  type Db,
  type MoneyTotal,
  type OrderView,
  orderView,
} from './customer-view.ts';
import { requireCustomer } from './find-customer.ts';
import { lifetimeValue, netOfRefunds, refundedTotals } from './lifetime-value.ts';

/** At most this many orders come with the profile (newest first); `order_count` says how many exist. */
export const ORDERS_SHOWN = 200;

export interface CustomerDetail extends CustomerView {
  readonly orders: OrderView[];
  readonly order_count: number;
  readonly lifetime_value: MoneyTotal[];
  readonly refunded: MoneyTotal[];
  /** Spend net of refunds per currency: the charter's `Lifetime value`. */
  readonly lifetime_value_net: MoneyTotal[];
}

/**
 * @example const c = await getCustomer(db, actor.orgId, id); c.lifetime_value // [{ currency, total_minor }]
 */
export async function getCustomer(db: Db, orgId: string, id: string): Promise<CustomerDetail> {
  const row = await requireCustomer(db, orgId, id);
  const [orders, count, value, refunded] = await Promise.all([
    db
      .selectFrom('orders')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('customer_id', '=', id)
      .orderBy('placed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(ORDERS_SHOWN)
      .execute(),
    db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('org_id', '=', orgId)
      .where('customer_id', '=', id)
      .executeTakeFirstOrThrow(),
    lifetimeValue(db, orgId, id),
    refundedTotals(db, orgId, id),
  ]);
  return {
    ...customerView(row),
    orders: orders.map(orderView),
    order_count: Number(count.n),
    lifetime_value: value,
    refunded,
    lifetime_value_net: netOfRefunds(value, refunded),
  };
}
