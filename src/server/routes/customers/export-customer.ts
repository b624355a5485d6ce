/**
 * @module server/routes/customers/export-customer
 * GET /api/customers/:id/export: the privacy export of everything held about a customer.
 */
import { z } from 'zod';
import { exportCustomer } from '../../../customers/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { actorOf } from '../../context.ts';
import { customerParams, customerResponse, moneyTotals, orderResponse } from './customer.schema.ts';
import { customerContext } from './customer-context.ts';

const exportResponse = z.object({
  exported_at: z.string(),
  customer: customerResponse,
  orders: z.array(orderResponse),
  lifetime_value: moneyTotals,
  cases: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      kind: z.string(),
      channel: z.string(),
      category: z.string().nullable(),
      priority: z.string(),
      status: z.string(),
      subject: z.string(),
      order_id: z.string().nullable(),
      created_at: z.string(),
      updated_at: z.string(),
      resolved_at: z.string().nullable(),
      timeline: z.array(
        z.object({
          id: z.string(),
          seq: z.number().int(),
          kind: z.string(),
          visibility: z.string(),
          actor_type: z.string(),
          actor_id: z.string().nullable(),
          body: z.string(),
          data: z.unknown(),
          amends_id: z.string().nullable(),
          created_at: z.string(),
        }),
      ),
      decisions: z.array(
        z.object({
          id: z.string(),
          policy_id: z.string(),
          policy_version: z.number().int(),
          decision: z.string(),
          facts: z.unknown(),
          outputs: z.unknown(),
          matched: z.unknown(),
          actor_id: z.string(),
          decided_at: z.string(),
          approval_state: z.string(),
          amount_minor: z.number().int().nullable(),
          currency: z.string().nullable(),
        }),
      ),
    }),
  ),
  audit: z.array(
    z.object({
      seq: z.number().int(),
      at: z.string(),
      actor_type: z.string(),
      actor_id: z.string().nullable(),
      action: z.string(),
      data: z.unknown(),
    }),
  ),
});

export const exportCustomerRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/customers/:id/export',
    {
      config: { access: ['admin', 'manager', 'auditor'] },
      schema: {
        tags: ['customers'],
        summary: 'Privacy export: everything held about a customer',
        params: customerParams,
        response: { 200: exportResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      // A transaction: the export is audited, and the copy and its record go together.
      return deps.store.db
        .transaction()
        .execute((trx) => exportCustomer(customerContext(deps, actor, trx), request.params.id));
    },
  );
};
