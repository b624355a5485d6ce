/**
 * @module server/routes/cases/complete-step
 * POST /api/cases/:id/procedure/:step: ticks a procedure step with its evidence.
 */
import { completeStep } from '../../../cases/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { WRITERS } from '../../context.ts';
import { outcomeSchema } from './case.schema.ts';
import { changeCase } from './case-context.ts';
import { completeStepBody, completeStepParams } from './complete-step.schema.ts';

export const completeStepRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/cases/:id/procedure/:step',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['cases'],
        summary: 'Tick a procedure step',
        params: completeStepParams,
        body: completeStepBody,
        response: { 200: outcomeSchema },
      },
    },
    async (request) =>
      changeCase(deps, request, (ctx) =>
        completeStep(ctx, request.params.id, request.params.step, {
          evidence: request.body.evidence,
          version: request.body.version,
        }),
      ),
  );
};
