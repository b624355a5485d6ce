/**
 * @module server/routes/cases/add-message
 * POST /api/cases/:id/messages: a customer's message or our public reply (Idempotency-Key honoured).
 */
import { addMessage } from '../../../cases/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { WRITERS } from '../../context.ts';
import { addMessageBody } from './add-message.schema.ts';
import { caseIdParams, outcomeSchema } from './case.schema.ts';
import { appendToCase } from './case-context.ts';

export const addMessageRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/cases/:id/messages',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['cases'],
        summary: 'Add a message',
        params: caseIdParams,
        body: addMessageBody,
        response: { 201: outcomeSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const r = await appendToCase(deps, request, 'add-message', (ctx) =>
        addMessage(ctx, request.params.id, {
          direction: b.direction,
          body: b.body,
          channel: b.channel,
          version: b.version,
        }),
      );
      return reply.status(201).send(r.body);
    },
  );
};
