/**
 * @module server/routes/decisions/deny-approval
 * POST /api/approvals/:id/deny: denies a pending request (not one's own), with a reason.
 */
import { decideApproval } from '../../../decisions/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { actorOf, MANAGERS } from '../../context.ts';
import { idempotent } from '../../idempotency.ts';
import { decidedApprovalResponse, denyBody } from './decide-approval.schema.ts';
import { idParams } from './decision.schema.ts';
import { decisionContext } from './decision-context.ts';

export const denyApprovalRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/approvals/:id/deny',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['decisions'],
        summary: 'Deny',
        params: idParams,
        body: denyBody,
        response: { 200: decidedApprovalResponse },
      },
    },
    async (request, reply) => {
      const r = await idempotent(deps, actorOf(request), request, 'deny-approval', async (trx) => ({
        status: 200,
        body: await decideApproval(
          decisionContext(deps, request, trx),
          request.params.id,
          'denied',
          request.body.reason,
        ),
      }));
      return reply.status(200).send(r.body);
    },
  );
};
