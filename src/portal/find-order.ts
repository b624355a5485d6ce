/**
 * @module portal/find-order
 * A visitor's order, found by its number and the email address of the customer who placed it. Both
 * must belong to the same (not erased) customer of this organisation; any mismatch is the same
 * "no match", so the answer never tells whether an email address or an order number exists.
 */
import { type Kysely, sql } from 'kysely';
import { fromJsonText } from '../store/dialect.ts';
import type { Database } from '../store/schema.ts';

export interface MatchedOrder {
  readonly orderId: string;
  readonly customerId: string;
  readonly number: string;
  readonly placedAt: number;
  readonly deliveredAt: number | null;
  readonly items: readonly { readonly name: string; readonly quantity: number }[];
  /** e.g. `email only`; null when unrestricted. */
  readonly channelRestriction: string | null;
}

/** Order numbers compare without regard to case or surrounding spaces. */
export function normaliseOrderNumber(number: string): string {
  return number.trim().toUpperCase();
}

/**
 * @example await matchOrder(db, orgId, 'lh-100010', 'Amelia.Smith.1@example.com') // { orderId, customerId, … } or null
 */
export async function matchOrder(
  db: Kysely<Database>,
  orgId: string,
  orderNumber: string,
  email: string,
): Promise<MatchedOrder | null> {
  const row = await db
    .selectFrom('orders')
    .innerJoin('customers', (j) =>
      j.onRef('customers.org_id', '=', 'orders.org_id').onRef('customers.id', '=', 'orders.customer_id'),
    )
    .select([
      'orders.id as order_id',
      'orders.customer_id',
      'orders.number',
      'orders.placed_at',
      'orders.delivered_at',
      'orders.items',
      'customers.channel_restriction',
    ])
    .where('orders.org_id', '=', orgId)
    .where(sql<string>`upper(orders.number)`, '=', normaliseOrderNumber(orderNumber))
    // Emails are stored trimmed and lower-cased; erased customers have none.
    .where('customers.email', '=', email.trim().toLowerCase())
    .where('customers.erased_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const items = fromJsonText<{ name?: unknown; quantity?: unknown }[]>(row.items, []);
  return {
    orderId: row.order_id,
    customerId: row.customer_id,
    number: row.number,
    placedAt: row.placed_at,
    deliveredAt: row.delivered_at,
    items: items.map((i) => ({
      name: typeof i.name === 'string' ? i.name : 'Item',
      quantity: typeof i.quantity === 'number' ? i.quantity : 1,
    })),
    channelRestriction: row.channel_restriction,
  };
}
