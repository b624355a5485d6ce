/**
 * @module server/routes/cases/transfer-case
 * POST /api/cases/:id/transfer: hands the case to another team, with the reason.
 */
import { transferCase } from '../../../cases/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { WRITERS } from '../../context.ts';
import { caseIdParams, outcomeSchema } from './case.schema.ts';
import { changeCase } from './case-context.ts';
import { transferCaseBody } from './transfer-case.schema.ts';

export const transferCaseRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/cases/:id/transfer',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['cases'],
        summary: 'Transfer a case to a team',
        params: caseIdParams,
        body: transferCaseBody,
        response: { 200: outcomeSchema },
      },
    },
    async (request) => {
      const b = request.body;
      return changeCase(deps, request, (ctx) =>
        transferCase(ctx, request.params.id, { teamId: b.team_id, reason: b.reason, version: b.version }),
      );
    },
  );
};
