/**
 * @module server/routes/policies/acknowledge-policy-version
 * POST /api/policies/:policyId/versions/:version/acknowledge: the caller has read a published
 * version (any staff). Acknowledging again answers the first acknowledgement.
 */
import { acknowledgePolicyVersion } from '../../../charter/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF } from '../../context.ts';
import { acknowledgeResponse } from './acknowledge-policy-version.schema.ts';
import { versionParams } from './policy.schema.ts';
import { changePolicy } from './policy-change.ts';

export const acknowledgePolicyVersionRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/policies/:policyId/versions/:version/acknowledge',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['policies'],
        summary: 'Acknowledge a published version',
        params: versionParams,
        response: { 200: acknowledgeResponse },
      },
    },
    async (request) => {
      const { policyId, version } = request.params;
      const r = await changePolicy(deps, request, (ctx) => acknowledgePolicyVersion(ctx, policyId, version));
      return {
        policy_id: policyId,
        version,
        acknowledged_at: new Date(r.acknowledgedAt).toISOString(),
        created: r.created,
      };
    },
  );
};
