/**
 * @module server/routes/policies/lint-policy
 * POST /api/policies/lint: lints a policy text as you type, together with the other documents in
 * force (so names read across documents and decisions offered to them are checked). Any text gets
 * an answer with positions; nothing is stored.
 */
import { lintPolicySource } from '../../../charter/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF, actorOf } from '../../context.ts';
import { lintPolicyBody, lintPolicyResponse } from './lint-policy.schema.ts';
import { diagnosticView } from './policy-views.ts';

export const lintPolicyRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/policies/lint',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['policies'],
        summary: 'Lint a policy text with the documents in force',
        body: lintPolicyBody,
        response: { 200: lintPolicyResponse },
      },
    },
    async (request) => {
      const r = await lintPolicySource(
        deps.store.db,
        actorOf(request).orgId,
        request.body.source,
        deps.now(),
      );
      return {
        file: request.body.file ?? null,
        policy_id: r.policyId,
        diagnostics: r.diagnostics.map(diagnosticView),
        elsewhere: r.elsewhere.map(diagnosticView),
        errors: r.errors,
        warnings: r.warnings,
        checked_with: [...r.checkedWith],
      };
    },
  );
};
