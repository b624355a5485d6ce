/**
 * @module server/routes/policies/update-draft
 * PUT /api/policies/:policyId/drafts/:version: replaces a draft's source (it must parse). Published
 * versions never change (409). Send `base_hash` to refuse overwriting someone else's edit.
 */
import { sourceHash, updateDraft } from '../../../charter/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { MANAGERS } from '../../context.ts';
import { savedVersionSchema, updateDraftBody } from './draft.schema.ts';
import { versionParams } from './policy.schema.ts';
import { changePolicy } from './policy-change.ts';
import { savedView } from './policy-views.ts';

export const updateDraftRoute: RouteModule = (app, deps) => {
  app.put(
    '/api/policies/:policyId/drafts/:version',
    {
      config: { access: MANAGERS },
      schema: {
        tags: ['policies'],
        summary: 'Update a draft',
        params: versionParams,
        body: updateDraftBody,
        response: { 200: savedVersionSchema },
      },
    },
    async (request) => {
      const { policyId, version } = request.params;
      const row = await changePolicy(deps, request, (ctx) =>
        updateDraft(ctx, policyId, version, request.body.source, request.body.base_hash),
      );
      return { ...savedView(row), source_hash: sourceHash(row.source) };
    },
  );
};
