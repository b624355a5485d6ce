/**
 * @module server/routes/tokens/revoke-token
 * DELETE /api/tokens/:id: revokes one of the caller's tokens (admins may revoke any in their org).
 */
import { z } from 'zod';
import { appendAudit } from '../../../audit/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF, actorOf } from '../../context.ts';
import { AppError } from '../../errors.ts';

export const revokeTokenRoute: RouteModule = (app, deps) => {
  app.delete(
    '/api/tokens/:id',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API token',
        params: z.object({ id: z.string().min(1).max(64) }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const now = deps.now();
      await deps.store.db.transaction().execute(async (trx) => {
        let q = trx
          .updateTable('api_tokens')
          .set({ revoked_at: now })
          .where('org_id', '=', actor.orgId)
          .where('id', '=', request.params.id)
          .where('revoked_at', 'is', null);
        if (actor.role !== 'admin') q = q.where('user_id', '=', actor.userId);
        const r = await q.executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw new AppError('not-found', 'No such active token of yours.');
        await appendAudit(trx, deps.store.dialect, {
          orgId: actor.orgId,
          actorType: 'user',
          actorId: actor.userId,
          action: 'api_token.revoked',
          entity: 'api_token',
          entityId: request.params.id,
          data: {},
          at: now,
        });
      });
      return reply.status(204).send();
    },
  );
};
