/**
 * @module server/routes/customers/import-customers
 * POST /api/customers/import: customers and orders from CSV text, all or nothing. A rejected import
 * answers 422 with every rejected line and writes nothing.
 */
import { type ImportReport, importCustomers } from '../../../customers/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { actorOf, MANAGERS } from '../../context.ts';
import { idempotent } from '../../idempotency.ts';
import { customerContext } from './customer-context.ts';
import {
  importCustomersBody,
  importCustomersResponse,
  importRejectedResponse,
} from './import-customers.schema.ts';

// Thrown out of the transaction so that it rolls back and the idempotency key is not spent on it.
class Rejected extends Error {
  constructor(readonly report: ImportReport) {
    super('import rejected');
  }
}

export const importCustomersRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/customers/import',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['customers'],
        summary: 'Import customers and orders from CSV (all or nothing)',
        body: importCustomersBody,
        response: { 200: importCustomersResponse, 422: importRejectedResponse },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      try {
        const r = await idempotent(deps, actor, request, 'import-customers', async (trx) => {
          const result = await importCustomers(customerContext(deps, actor, trx), {
            customersCsv: request.body.customers_csv,
            ordersCsv: request.body.orders_csv,
          });
          if (!result.ok) throw new Rejected(result.report);
          return { status: 200, body: result.report };
        });
        return reply.status(r.status as 200).send(r.body);
      } catch (e) {
        if (!(e instanceof Rejected)) throw e;
        const lines = e.report.rejected.length;
        return reply
          .status(422)
          .type('application/problem+json')
          .send({
            type: 'https://charter.example/problems/import-rejected',
            title: 'Import rejected',
            status: 422 as const,
            code: 'import-rejected' as const,
            detail: `${lines} line${lines === 1 ? ' was' : 's were'} rejected; nothing was imported.`,
            instance: request.url,
            ...e.report,
          });
      }
    },
  );
};
