/**
 * @module server/routes/portal/get-policy
 * GET /api/public/:org/policies/:policyId: one public policy in force (staff-only policies are not found).
 */
import { getPublicPolicy, orgBySlug } from '../../../portal/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { getPolicyResponse, policyParams } from './get-policy.schema.ts';
import { publicOrgView } from './public-views.ts';

export const getPolicyRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/public/:org/policies/:policyId',
    {
      config: { access: 'public' },
      schema: {
        tags: ['portal'],
        summary: 'One public policy in force',
        security: [],
        params: policyParams,
        response: { 200: getPolicyResponse },
      },
    },
    async (request) => {
      const org = await orgBySlug(deps.store.db, request.params.org);
      const policy = await getPublicPolicy(deps.store.db, org, request.params.policyId, deps.now());
      return { org: publicOrgView(org), policy };
    },
  );
};
