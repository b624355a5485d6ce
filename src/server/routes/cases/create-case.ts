/**
 * @module server/routes/cases/create-case
 * POST /api/cases: opens a case (Idempotency-Key honoured). The portal token is in the first answer
 * only: a replay answers the same case without it, so the raw token is never stored.
 */
import { createCase } from '../../../cases/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { actorOf, WRITERS } from '../../context.ts';
import { idempotent } from '../../idempotency.ts';
import { caseContext } from './case-context.ts';
import { outcomeView } from './case-views.ts';
import { createCaseBody, createCaseResponse } from './create-case.schema.ts';

export const createCaseRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/cases',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['cases'],
        summary: 'Open a case',
        body: createCaseBody,
        response: { 201: createCaseResponse },
      },
    },
    async (request, reply) => {
      const b = request.body;
      let token: string | null = null;
      const r = await idempotent(deps, actorOf(request), request, 'create-case', async (trx) => {
        const created = await createCase(caseContext(deps, request, trx), {
          kind: b.kind,
          channel: b.channel,
          priority: b.priority,
          category: b.category,
          subject: b.subject,
          body: b.body,
          customerId: b.customer_id,
          orderId: b.order_id,
        });
        token = created.portalToken;
        return { status: 201, body: outcomeView(created) };
      });
      return reply.status(201).send({ ...r.body, portal_token: r.replayed ? null : token });
    },
  );
};
