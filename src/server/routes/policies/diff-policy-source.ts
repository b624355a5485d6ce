/**
 * @module server/routes/policies/diff-policy-source
 * POST /api/policies/:policyId/diff: what a working text (not saved yet) changes against a stored
 * version — the editor's "changes" view. Nothing is stored.
 */
import { diffPolicyWorkingText } from '../../../charter/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF, actorOf } from '../../context.ts';
import { diffSourceBody } from './diff-policy.schema.ts';
import { diffResponse, policyParams } from './policy.schema.ts';
import { diffView } from './policy-views.ts';

export const diffPolicySourceRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/policies/:policyId/diff',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['policies'],
        summary: 'Diff a working text against a version',
        params: policyParams,
        body: diffSourceBody,
        response: { 200: diffResponse },
      },
    },
    async (request) =>
      diffView(
        await diffPolicyWorkingText(
          deps.store.db,
          actorOf(request).orgId,
          request.params.policyId,
          request.body.source,
          request.body.from,
          deps.now(),
        ),
      ),
  );
};
