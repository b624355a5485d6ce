/**
 * @module server/routes/policies/create-draft
 * POST /api/policies/:policyId/drafts: saves a new draft version from its source (it must parse; the
 * version is the policy's next). Managers and admins; Idempotency-Key honoured.
 */
import { createDraft, sourceHash } from '../../../charter/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { actorOf, MANAGERS } from '../../context.ts';
import { idempotent } from '../../idempotency.ts';
import { createDraftBody, savedVersionSchema } from './draft.schema.ts';
import { policyParams } from './policy.schema.ts';
import { policyContext } from './policy-change.ts';
import { savedView } from './policy-views.ts';

export const createDraftRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/policies/:policyId/drafts',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['policies'],
        summary: 'Save a new draft version',
        params: policyParams,
        body: createDraftBody,
        response: { 201: savedVersionSchema },
      },
    },
    async (request, reply) => {
      const r = await idempotent(deps, actorOf(request), request, 'create-policy-draft', async (trx) => {
        const row = await createDraft(
          policyContext(deps, request, trx),
          request.params.policyId,
          request.body.source,
        );
        return { status: 201, body: { ...savedView(row), source_hash: sourceHash(row.source) } };
      });
      return reply.status(201).send(r.body);
    },
  );
};
