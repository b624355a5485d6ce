/**
 * @module server/routes/customers/erase-customer
 * POST /api/customers/:id/erase: privacy erasure. Personal data goes; the anonymous record, its
 * orders and the audit chain stay. An erased customer cannot be erased or changed again (409).
 */
import { eraseCustomer } from '../../../customers/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { actorOf, MANAGERS } from '../../context.ts';
import { customerParams, customerResponse } from './customer.schema.ts';
import { customerContext } from './customer-context.ts';

export const eraseCustomerRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/customers/:id/erase',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['customers'],
        summary: 'Erase a customer’s personal data',
        params: customerParams,
        response: { 200: customerResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return deps.store.db
        .transaction()
        .execute((trx) => eraseCustomer(customerContext(deps, actor, trx), request.params.id));
    },
  );
};
