/**
 * @module server/routes/cases/add-note
 * POST /api/cases/:id/notes: an internal note, staff only (Idempotency-Key honoured).
 */
import { addNote } from '../../../cases/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { WRITERS } from '../../context.ts';
import { addNoteBody } from './add-note.schema.ts';
import { caseIdParams, outcomeSchema } from './case.schema.ts';
import { appendToCase } from './case-context.ts';

export const addNoteRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/cases/:id/notes',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['cases'],
        summary: 'Add an internal note',
        params: caseIdParams,
        body: addNoteBody,
        response: { 201: outcomeSchema },
      },
    },
    async (request, reply) => {
      const r = await appendToCase(deps, request, 'add-note', (ctx) =>
        addNote(ctx, request.params.id, { body: request.body.body, version: request.body.version }),
      );
      return reply.status(201).send(r.body);
    },
  );
};
