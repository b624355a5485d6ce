/**
 * @module server/routes/audit/list-audit
 * GET /api/audit: the organisation's audit log, newest first, filtered by what changed, the action,
 * who did it and when (auditors, managers and admins). Entries carry their hashes, so the chain can
 * be checked across a page; GET /api/audit/verify checks all of it.
 */
import { z } from 'zod';
import { listAudit } from '../../../audit/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { actorOf } from '../../context.ts';
import { AppError } from '../../errors.ts';

const instant = z.iso.datetime({ offset: true });

export const auditQuery = z.object({
  entity: z
    .string()
    .min(1)
    .max(50)
    .optional()
    .describe('e.g. case, decision, customer, user, policy_version'),
  entity_id: z.string().min(1).max(200).optional(),
  action: z.string().min(1).max(100).optional().describe('e.g. case.created, decision.approved'),
  actor_id: z.string().min(1).max(100).optional(),
  from: instant.optional().describe('Inclusive'),
  to: instant.optional().describe('Exclusive'),
  before: z.coerce.number().int().min(1).optional().describe("The previous page's next_before"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  actor_type: z.string(),
  actor_id: z.string().nullable(),
  actor_name: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entity_id: z.string(),
  data: z.unknown(),
  prev_hash: z.string(),
  hash: z.string(),
});

export const auditPageResponse = z.object({
  items: z.array(auditEntrySchema),
  next_before: z.number().int().nullable(),
});

export const listAuditRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/audit',
    {
      config: { access: ['admin', 'auditor', 'manager'] },
      schema: {
        tags: ['audit'],
        summary: 'Read the audit log',
        querystring: auditQuery,
        response: { 200: auditPageResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const from = q.from === undefined ? undefined : Date.parse(q.from);
      const to = q.to === undefined ? undefined : Date.parse(q.to);
      if (from !== undefined && to !== undefined && to <= from)
        throw new AppError('validation', 'The period ends before it starts.', [
          { path: 'querystring.to', message: 'expected after from' },
        ]);
      const page = await listAudit(
        deps.store.db,
        actorOf(request).orgId,
        { entity: q.entity, entityId: q.entity_id, action: q.action, actorId: q.actor_id, from, to },
        q.limit,
        q.before,
      );
      return {
        items: page.items.map((e) => ({
          seq: e.seq,
          id: e.id,
          at: new Date(e.at).toISOString(),
          actor_type: e.actorType,
          actor_id: e.actorId,
          actor_name: e.actorName,
          action: e.action,
          entity: e.entity,
          entity_id: e.entityId,
          data: e.data,
          prev_hash: e.prevHash,
          hash: e.hash,
        })),
        next_before: page.nextBefore,
      };
    },
  );
};
