/**
 * @module server/routes/customers/update-customer
 * PATCH /api/customers/:id: changes a profile; the body names the version it was read at.
 */
import { updateCustomer } from '../../../customers/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { actorOf, WRITERS } from '../../context.ts';
import { customerParams } from './customer.schema.ts';
import { customerContext } from './customer-context.ts';
import { updateCustomerBody, updateCustomerResponse } from './update-customer.schema.ts';

export const updateCustomerRoute: RouteModule = (app, deps) => {
  app.patch(
    '/api/customers/:id',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['customers'],
        summary: 'Update a customer (optimistic concurrency)',
        params: customerParams,
        body: updateCustomerBody,
        response: { 200: updateCustomerResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const b = request.body;
      return deps.store.db.transaction().execute((trx) =>
        updateCustomer(customerContext(deps, actor, trx), request.params.id, {
          version: b.version,
          name: b.name,
          email: b.email,
          phone: b.phone,
          externalRef: b.external_ref,
          tier: b.tier,
          consent: b.consent,
          channelRestriction: b.channel_restriction,
        }),
      );
    },
  );
};
