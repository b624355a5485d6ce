/**
 * @module server/routes/customers/create-order
 * POST /api/customers/:id/orders: records an order for the customer (Idempotency-Key honoured).
 */
import { createOrder } from '../../../customers/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { actorOf, WRITERS } from '../../context.ts';
import { idempotent } from '../../idempotency.ts';
import { createOrderBody, createOrderResponse } from './create-order.schema.ts';
import { customerParams } from './customer.schema.ts';
import { customerContext } from './customer-context.ts';

export const createOrderRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/customers/:id/orders',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['customers'],
        summary: 'Record an order for a customer',
        params: customerParams,
        body: createOrderBody,
        response: { 201: createOrderResponse },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const b = request.body;
      const r = await idempotent(deps, actor, request, 'create-order', async (trx) => ({
        status: 201,
        body: await createOrder(customerContext(deps, actor, trx), request.params.id, {
          number: b.number,
          placedAt: Date.parse(b.placed_at),
          deliveredAt: b.delivered_at ? Date.parse(b.delivered_at) : null,
          currency: b.currency,
          totalMinor: b.total_minor,
          items: b.items,
        }),
      }));
      return reply.status(r.status as 201).send(r.body);
    },
  );
};
