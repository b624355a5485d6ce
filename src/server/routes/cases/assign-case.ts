/**
 * @module server/routes/cases/assign-case
 * POST /api/cases/:id/assign: gives the case to a person and/or team of the organisation.
 */
import { assignCase } from '../../../cases/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { WRITERS } from '../../context.ts';
import { assignCaseBody } from './assign-case.schema.ts';
import { caseIdParams, outcomeSchema } from './case.schema.ts';
import { changeCase } from './case-context.ts';

export const assignCaseRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/cases/:id/assign',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['cases'],
        summary: 'Assign a case',
        params: caseIdParams,
        body: assignCaseBody,
        response: { 200: outcomeSchema },
      },
    },
    async (request) => {
      const b = request.body;
      return changeCase(deps, request, (ctx) =>
        assignCase(ctx, request.params.id, {
          assigneeId: b.assignee_id,
          teamId: b.team_id,
          version: b.version,
        }),
      );
    },
  );
};
