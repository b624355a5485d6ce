/**
 * @module server/routes/cases/escalate-case
 * POST /api/cases/:id/escalate: raises the priority one step (re-targeting the SLA clocks) and
 * records why; an urgent case's escalation is recorded without a change of priority.
 */
import { escalateCase } from '../../../cases/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { WRITERS } from '../../context.ts';
import { caseIdParams, outcomeSchema } from './case.schema.ts';
import { changeCase } from './case-context.ts';
import { escalateCaseBody } from './escalate-case.schema.ts';

export const escalateCaseRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/cases/:id/escalate',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['cases'],
        summary: 'Escalate a case',
        params: caseIdParams,
        body: escalateCaseBody,
        response: { 200: outcomeSchema },
      },
    },
    async (request) =>
      changeCase(deps, request, (ctx) =>
        escalateCase(ctx, request.params.id, { reason: request.body.reason, version: request.body.version }),
      ),
  );
};
