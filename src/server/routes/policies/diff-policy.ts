/**
 * @module server/routes/policies/diff-policy
 * GET /api/policies/:policyId/diff?from=&to=: what changes between two versions — the text line by
 * line and the meaning (decisions, rules, and inputs whose outcome changes).
 */
import { diffPolicyVersions } from '../../../charter/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF, actorOf } from '../../context.ts';
import { diffPolicyQuery } from './diff-policy.schema.ts';
import { diffResponse, policyParams } from './policy.schema.ts';
import { diffView } from './policy-views.ts';

export const diffPolicyRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/policies/:policyId/diff',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['policies'],
        summary: 'Diff two versions of a policy',
        params: policyParams,
        querystring: diffPolicyQuery,
        response: { 200: diffResponse },
      },
    },
    async (request) => {
      const q = request.query;
      return diffView(
        await diffPolicyVersions(
          deps.store.db,
          actorOf(request).orgId,
          request.params.policyId,
          q.from,
          q.to,
          deps.now(),
        ),
      );
    },
  );
};
