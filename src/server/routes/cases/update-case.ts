/**
 * @module server/routes/cases/update-case
 * PATCH /api/cases/:id: status (transitions checked; resolving needs the required procedure steps),
 * priority (re-targets the SLA clocks) and category, with `version` for optimistic concurrency.
 */
import { updateCase } from '../../../cases/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { WRITERS } from '../../context.ts';
import { caseIdParams, outcomeSchema } from './case.schema.ts';
import { changeCase } from './case-context.ts';
import { updateCaseBody } from './update-case.schema.ts';

export const updateCaseRoute: RouteModule = (app, deps) => {
  app.patch(
    '/api/cases/:id',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['cases'],
        summary: 'Change status, priority or category',
        params: caseIdParams,
        body: updateCaseBody,
        response: { 200: outcomeSchema },
      },
    },
    async (request) => {
      const b = request.body;
      return changeCase(deps, request, (ctx) =>
        updateCase(ctx, request.params.id, {
          version: b.version,
          status: b.status,
          priority: b.priority,
          category: b.category,
          reason: b.reason,
        }),
      );
    },
  );
};
