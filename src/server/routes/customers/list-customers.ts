/**
 * @module server/routes/customers/list-customers
 * GET /api/customers: customers in a stable order, searched by name or email, filtered by tier.
 */
import { listCustomers } from '../../../customers/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF, actorOf } from '../../context.ts';
import { decodeCursor, encodeCursor } from '../../pagination.ts';
import { listCustomersQuery, listCustomersResponse } from './list-customers.schema.ts';

export const listCustomersRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/customers',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['customers'],
        summary: 'List and search customers',
        querystring: listCustomersQuery,
        response: { 200: listCustomersResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { q, tier, cursor, limit } = request.query;
      const after = decodeCursor(cursor)?.id;
      const page = await listCustomers(deps.store.db, actor.orgId, { q, tier, after, limit });
      return { items: page.items, next_cursor: page.lastId ? encodeCursor(null, page.lastId) : null };
    },
  );
};
