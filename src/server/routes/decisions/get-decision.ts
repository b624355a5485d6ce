/**
 * @module server/routes/decisions/get-decision
 * GET /api/decisions/:id: one decision with its explanation and approval.
 */
import { getDecision } from '../../../decisions/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF } from '../../context.ts';
import { decisionViewSchema, idParams } from './decision.schema.ts';
import { decisionContext } from './decision-context.ts';

export const getDecisionRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/decisions/:id',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['decisions'],
        summary: 'A decision, explained',
        params: idParams,
        response: { 200: decisionViewSchema },
      },
    },
    async (request) => getDecision(decisionContext(deps, request), request.params.id),
  );
};
