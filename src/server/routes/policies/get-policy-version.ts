/**
 * @module server/routes/policies/get-policy-version
 * GET /api/policies/:policyId/versions/:version: one version with its source and acknowledgements.
 */
import { getPolicyVersion } from '../../../charter/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF, actorOf } from '../../context.ts';
import { versionDetailSchema, versionParams } from './policy.schema.ts';
import { versionDetailView } from './policy-views.ts';

export const getPolicyVersionRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/policies/:policyId/versions/:version',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['policies'],
        summary: 'A policy version with its source',
        params: versionParams,
        response: { 200: versionDetailSchema },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const p = request.params;
      return versionDetailView(
        await getPolicyVersion(deps.store.db, a.orgId, a.userId, p.policyId, p.version, deps.now()),
      );
    },
  );
};
