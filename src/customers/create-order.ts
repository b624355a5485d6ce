/**
 * @module customers/create-order
 * Records an order for a customer. Order numbers are unique within the organisation: they are what
 * customers quote, and what the portal looks orders up by.
 */
import { appendAudit } from '../audit/index.ts';
import { AppError } from '../server/errors.ts';
import { isUniqueViolation } from '../store/dialect.ts';
import { newId, toJsonText } from '../store/index.ts';
import type { OrderTable } from '../store/schema.ts';
import { type CustomerContext, type OrderItem, type OrderView, orderView } from './customer-view.ts';
import { assertNotErased, requireCustomer } from './find-customer.ts';

export interface NewOrder {
  readonly number: string;
  /** Epoch ms. */
  readonly placedAt: number;
  readonly deliveredAt?: number | null | undefined;
  readonly currency: string;
  readonly totalMinor: number;
  readonly items?: readonly OrderItem[] | undefined;
}

/** The row for a new order (shared with the import). */
export function newOrderRow(orgId: string, customerId: string, now: number, o: NewOrder): OrderTable {
  return {
    org_id: orgId,
    id: newId(),
    customer_id: customerId,
    number: o.number,
    placed_at: o.placedAt,
    delivered_at: o.deliveredAt ?? null,
    currency: o.currency,
    total_minor: o.totalMinor,
    items: toJsonText(o.items ?? []),
    created_at: now,
  };
}

const taken = () =>
  new AppError('conflict', 'An order with this number already exists.', [
    { path: 'body.number', message: 'already used by another order' },
  ]);

/**
 * @example await createOrder(ctx, customerId, { number: 'LK-1001', placedAt, currency: 'GBP', totalMinor: 4500 })
 */
export async function createOrder(ctx: CustomerContext, customerId: string, o: NewOrder): Promise<OrderView> {
  const customer = await requireCustomer(ctx.db, ctx.orgId, customerId);
  assertNotErased(customer);
  const existing = await ctx.db
    .selectFrom('orders')
    .select('id')
    .where('org_id', '=', ctx.orgId)
    .where('number', '=', o.number)
    .executeTakeFirst();
  if (existing) throw taken();
  const row = newOrderRow(ctx.orgId, customerId, ctx.now, o);
  try {
    await ctx.db.insertInto('orders').values(row).execute();
  } catch (e) {
    if (isUniqueViolation(e)) throw taken();
    throw e;
  }
  await appendAudit(ctx.db, ctx.dialect, {
    orgId: ctx.orgId,
    actorType: 'user',
    actorId: ctx.actorId,
    action: 'order.created',
    entity: 'order',
    entityId: row.id,
    data: {
      customer_id: customerId,
      number: row.number,
      currency: row.currency,
      total_minor: row.total_minor,
      items: (o.items ?? []).length,
      source: 'api',
    },
    at: ctx.now,
  });
  return orderView(row);
}
