/**
 * @module server/routes/decisions/create-decision
 * POST /api/cases/:id/decisions: applies a charter decision to a case, checks the decider's
 * authority, and answers with the record, its explanation and any approval it waits for
 * (Idempotency-Key honoured).
 */
import { createDecision } from '../../../decisions/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { actorOf, WRITERS } from '../../context.ts';
import { idempotent } from '../../idempotency.ts';
import { createDecisionBody } from './create-decision.schema.ts';
import { decisionViewSchema, idParams } from './decision.schema.ts';
import { decisionContext } from './decision-context.ts';

export const createDecisionRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/cases/:id/decisions',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['decisions'],
        summary: 'Decide on a case',
        params: idParams,
        body: createDecisionBody,
        response: { 201: decisionViewSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const r = await idempotent(deps, actorOf(request), request, 'create-decision', async (trx) => ({
        status: 201,
        body: await createDecision(decisionContext(deps, request, trx), request.params.id, {
          decision: b.decision,
          facts: b.facts,
          orderId: b.order_id,
        }),
      }));
      return reply.status(201).send(r.body);
    },
  );
};
