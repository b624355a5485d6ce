/**
 * @module server/routes/portal/list-policies
 * GET /api/public/:org/policies: the public policies in force today, exactly as published — the
 * same documents the desk's decisions and SLA clocks run on.
 */
import { listPublicPolicies, orgBySlug } from '../../../portal/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { listPoliciesResponse } from './list-policies.schema.ts';
import { orgParams } from './portal.schema.ts';
import { publicOrgView } from './public-views.ts';

export const listPoliciesRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/public/:org/policies',
    {
      config: { access: 'public' },
      schema: {
        tags: ['portal'],
        summary: 'Public policies in force',
        security: [],
        params: orgParams,
        response: { 200: listPoliciesResponse },
      },
    },
    async (request) => {
      const org = await orgBySlug(deps.store.db, request.params.org);
      const policies = await listPublicPolicies(deps.store.db, org, deps.now());
      return { org: publicOrgView(org), policies };
    },
  );
};
