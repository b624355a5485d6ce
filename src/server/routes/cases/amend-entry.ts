/**
 * @module server/routes/cases/amend-entry
 * POST /api/cases/:id/entries/:entryId/amend: a correction appended as an `amendment` entry pointing
 * at the original, which stays as it was (Idempotency-Key honoured).
 */
import { amendEntry } from '../../../cases/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { WRITERS } from '../../context.ts';
import { amendEntryBody, amendEntryParams } from './amend-entry.schema.ts';
import { outcomeSchema } from './case.schema.ts';
import { appendToCase } from './case-context.ts';

export const amendEntryRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/cases/:id/entries/:entryId/amend',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['cases'],
        summary: 'Amend a timeline entry',
        params: amendEntryParams,
        body: amendEntryBody,
        response: { 201: outcomeSchema },
      },
    },
    async (request, reply) => {
      const { id, entryId } = request.params;
      const b = request.body;
      const r = await appendToCase(deps, request, 'amend-entry', (ctx) =>
        amendEntry(ctx, id, entryId, { body: b.body, reason: b.reason, version: b.version }),
      );
      return reply.status(201).send(r.body);
    },
  );
};
