/**
 * @module server/routes/audit/export-audit
 * GET /api/audit/export: the organisation's audit log for a period as NDJSON, one entry a line,
 * oldest first, with the fields its hash covers, to be kept and checked elsewhere (the recipe is in
 * audit/export-audit). Streamed a page at a time.
 */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { exportAudit } from '../../../audit/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { actorOf } from '../../context.ts';
import { AppError } from '../../errors.ts';

const instant = z.iso.datetime({ offset: true });

export const exportAuditRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/audit/export',
    {
      config: { access: ['admin', 'auditor', 'manager'] },
      schema: {
        tags: ['audit'],
        summary: 'Export the audit log (NDJSON)',
        description:
          'One entry a line, oldest first: org_id, seq, id, at (epoch ms), actor_type, actor_id, action, ' +
          'entity, entity_id, data (the stored JSON text), prev_hash, hash. hash = sha256 hex of ' +
          'JSON.stringify([prev_hash, org_id, seq, id, at, actor_type, actor_id, action, entity, entity_id, data]).',
        querystring: z.object({ from: instant.optional(), to: instant.optional() }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const from = request.query.from === undefined ? undefined : Date.parse(request.query.from);
      const to = request.query.to === undefined ? undefined : Date.parse(request.query.to);
      if (from !== undefined && to !== undefined && to <= from)
        throw new AppError('validation', 'The period ends before it starts.', [
          { path: 'querystring.to', message: 'expected after from' },
        ]);
      const entries = exportAudit(deps.store.db, actor.orgId, { from, to });
      async function* lines() {
        for await (const e of entries) yield `${JSON.stringify(e)}\n`;
      }
      const day = new Date(deps.now()).toISOString().slice(0, 10);
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${day}.ndjson"`)
        .send(Readable.from(lines()));
    },
  );
};
