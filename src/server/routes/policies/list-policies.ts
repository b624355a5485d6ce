/**
 * @module server/routes/policies/list-policies
 * GET /api/policies: the policy library — every policy, its versions and states, the version in
 * force, its effective and review dates, and acknowledgements of it (count, staff, and the caller).
 */
import { listPolicies } from '../../../charter/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF, actorOf } from '../../context.ts';
import { listPoliciesResponse } from './list-policies.schema.ts';
import { policySummaryView } from './policy-views.ts';

export const listPoliciesRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/policies',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['policies'],
        summary: 'The policy library',
        response: { 200: listPoliciesResponse },
      },
    },
    async (request) => {
      const a = actorOf(request);
      const lib = await listPolicies(deps.store.db, a.orgId, a.userId, deps.now());
      return { today: lib.today, items: lib.policies.map(policySummaryView) };
    },
  );
};
