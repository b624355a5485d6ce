/**
 * @module server/routes/cases/log-call
 * POST /api/cases/:id/calls: a phone call with its duration and summary (Idempotency-Key honoured).
 */
import { logCall } from '../../../cases/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { WRITERS } from '../../context.ts';
import { caseIdParams, outcomeSchema } from './case.schema.ts';
import { appendToCase } from './case-context.ts';
import { logCallBody } from './log-call.schema.ts';

export const logCallRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/cases/:id/calls',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['cases'],
        summary: 'Log a call',
        params: caseIdParams,
        body: logCallBody,
        response: { 201: outcomeSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const r = await appendToCase(deps, request, 'log-call', (ctx) =>
        logCall(ctx, request.params.id, {
          direction: b.direction,
          duration: b.duration,
          summary: b.summary,
          version: b.version,
        }),
      );
      return reply.status(201).send(r.body);
    },
  );
};
