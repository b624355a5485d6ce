/**
 * @module server/routes/customers/create-customer
 * POST /api/customers: a new customer profile (Idempotency-Key honoured).
 */
import { createCustomer } from '../../../customers/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { actorOf, WRITERS } from '../../context.ts';
import { idempotent } from '../../idempotency.ts';
import { createCustomerBody, createCustomerResponse } from './create-customer.schema.ts';
import { customerContext } from './customer-context.ts';

export const createCustomerRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/customers',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['customers'],
        summary: 'Create a customer',
        body: createCustomerBody,
        response: { 201: createCustomerResponse },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const b = request.body;
      const r = await idempotent(deps, actor, request, 'create-customer', async (trx) => ({
        status: 201,
        body: await createCustomer(customerContext(deps, actor, trx), {
          name: b.name,
          email: b.email,
          phone: b.phone,
          externalRef: b.external_ref,
          tier: b.tier,
          consent: b.consent,
          channelRestriction: b.channel_restriction,
        }),
      }));
      return reply.status(r.status as 201).send(r.body);
    },
  );
};
