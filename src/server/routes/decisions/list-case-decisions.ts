/**
 * @module server/routes/decisions/list-case-decisions
 * GET /api/cases/:id/decisions: the decisions made on a case, oldest first, with explanations.
 */
import { z } from 'zod';
import { listCaseDecisions } from '../../../decisions/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF } from '../../context.ts';
import { pageQuery } from '../../pagination.ts';
import { decisionViewSchema, idParams } from './decision.schema.ts';
import { decisionContext } from './decision-context.ts';

export const caseDecisionsResponse = z.object({
  items: z.array(decisionViewSchema),
  next_cursor: z.string().nullable(),
});

export const listCaseDecisionsRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/cases/:id/decisions',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['decisions'],
        summary: "A case's decisions",
        params: idParams,
        querystring: pageQuery,
        response: {
          200: caseDecisionsResponse,
        },
      },
    },
    async (request) => listCaseDecisions(decisionContext(deps, request), request.params.id, request.query),
  );
};
