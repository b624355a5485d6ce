/**
 * @module server/routes/decisions/preview-decision
 * POST /api/cases/:id/decisions/preview: what a decision would come to on this case — facts
 * gathered and supplied, outcome, the rule in the policy's words, the grant and who must approve
 * it — without recording anything (same body as POST /api/cases/:id/decisions).
 */
import { previewDecision } from '../../../decisions/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { WRITERS } from '../../context.ts';
import { createDecisionBody } from './create-decision.schema.ts';
import { idParams } from './decision.schema.ts';
import { decisionContext } from './decision-context.ts';
import { previewResponse } from './preview-decision.schema.ts';

export const previewDecisionRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/cases/:id/decisions/preview',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['decisions'],
        summary: 'Preview a decision (records nothing)',
        params: idParams,
        body: createDecisionBody,
        response: { 200: previewResponse },
      },
    },
    async (request) => {
      const b = request.body;
      const p = await previewDecision(decisionContext(deps, request), request.params.id, {
        decision: b.decision,
        facts: b.facts,
        orderId: b.order_id,
      });
      return {
        decision: p.decision,
        policy: p.policy,
        section: p.section,
        facts: p.facts,
        gathered: p.gathered,
        supplied: p.supplied,
        missing: p.missing,
        value: p.value,
        matched: p.matched,
        rule: p.rule,
        annotations: p.annotations,
        rule_text: p.ruleText
          ? {
              number: p.ruleText.number,
              inputs: p.ruleText.inputs.map((w) => ({ ...w })),
              outputs: p.ruleText.outputs.map((t) => ({ ...t })),
              annotations: [...p.ruleText.annotations],
            }
          : null,
        warnings: p.warnings,
        grant: p.grant
          ? {
              outcome: p.grant.outcome,
              grants: p.grant.grants,
              amount_minor: p.grant.amountMinor,
              currency: p.grant.currency,
              basis: p.grant.basis,
            }
          : null,
        grant_problem: p.grantProblem,
        authority: p.authority ? { ...p.authority, inputs: { ...p.authority.inputs } } : null,
      };
    },
  );
};
