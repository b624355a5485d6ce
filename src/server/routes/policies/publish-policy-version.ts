/**
 * @module server/routes/policies/publish-policy-version
 * POST /api/policies/:policyId/versions/:version/publish: publishes a draft (managers and admins).
 * Refused with 422 when lint finds errors with the documents in force, or the effective date is past.
 */
import { publishPolicyVersion, sourceHash } from '../../../charter/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { MANAGERS } from '../../context.ts';
import { publishResponse } from './draft.schema.ts';
import { versionParams } from './policy.schema.ts';
import { changePolicy } from './policy-change.ts';
import { savedView } from './policy-views.ts';

export const publishPolicyVersionRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/policies/:policyId/versions/:version/publish',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['policies'],
        summary: 'Publish a draft',
        params: versionParams,
        response: { 200: publishResponse },
      },
    },
    async (request) => {
      const { policyId, version } = request.params;
      const r = await changePolicy(deps, request, (ctx) => publishPolicyVersion(ctx, policyId, version));
      return {
        ...savedView(r.version),
        source_hash: sourceHash(r.version.source),
        retired: [...r.retired],
      };
    },
  );
};
