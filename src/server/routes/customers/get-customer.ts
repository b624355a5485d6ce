/**
 * @module server/routes/customers/get-customer
 * GET /api/customers/:id: the profile with recent orders and lifetime value.
 */
import { getCustomer } from '../../../customers/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF, actorOf } from '../../context.ts';
import { customerParams } from './customer.schema.ts';
import { getCustomerResponse } from './get-customer.schema.ts';

export const getCustomerRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/customers/:id',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['customers'],
        summary: 'A customer with orders and lifetime value',
        params: customerParams,
        response: { 200: getCustomerResponse },
      },
    },
    async (request) => getCustomer(deps.store.db, actorOf(request).orgId, request.params.id),
  );
};
