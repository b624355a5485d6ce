/**
 * @module server/routes/audit/verify-audit
 * GET /api/audit/verify: walks the organisation's audit chain and names the first broken entry.
 */
import { z } from 'zod';
import { verifyAudit } from '../../../audit/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { actorOf } from '../../context.ts';

export const verifyAuditResponse = z.object({
  ok: z.boolean(),
  entries: z.number(),
  head: z.string().optional(),
  broken_at: z.object({ seq: z.number(), id: z.string(), reason: z.string() }).optional(),
});

export const verifyAuditRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/audit/verify',
    {
      config: { access: ['admin', 'auditor', 'manager'] },
      schema: {
        tags: ['audit'],
        summary: 'Verify the audit chain',
        response: { 200: verifyAuditResponse },
      },
    },
    async (request) => {
      const r = await verifyAudit(deps.store.db, actorOf(request).orgId);
      return r.ok
        ? { ok: true, entries: r.entries, head: r.head }
        : { ok: false, entries: r.entries, broken_at: r.brokenAt };
    },
  );
};
