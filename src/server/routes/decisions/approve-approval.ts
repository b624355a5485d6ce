/**
 * @module server/routes/decisions/approve-approval
 * POST /api/approvals/:id/approve: approves a pending request (not one's own); goodwill is
 * debited from the approver's budget, or refused (409 budget-exhausted) when too little is left.
 */
import { decideApproval } from '../../../decisions/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { actorOf, MANAGERS } from '../../context.ts';
import { idempotent } from '../../idempotency.ts';
import { approveBody, decidedApprovalResponse } from './decide-approval.schema.ts';
import { idParams } from './decision.schema.ts';
import { decisionContext } from './decision-context.ts';

export const approveApprovalRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/approvals/:id/approve',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['decisions'],
        summary: 'Approve',
        params: idParams,
        body: approveBody,
        response: { 200: decidedApprovalResponse },
      },
    },
    async (request, reply) => {
      const r = await idempotent(deps, actorOf(request), request, 'approve-approval', async (trx) => ({
        status: 200,
        body: await decideApproval(
          decisionContext(deps, request, trx),
          request.params.id,
          'approved',
          request.body.reason || null,
        ),
      }));
      return reply.status(200).send(r.body);
    },
  );
};
