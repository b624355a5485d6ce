/**
 * @module server/routes/tokens/create-token
 * POST /api/tokens: a new API token for the caller. The token is shown once; only its hash is kept.
 */
import { z } from 'zod';
import { appendAudit } from '../../../audit/index.ts';
import { newId } from '../../../store/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { hashToken, newToken } from '../../auth/secrets.ts';
import { ALL_STAFF, actorOf } from '../../context.ts';

export const createTokenRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/tokens',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['auth'],
        summary: 'Create an API token',
        body: z.object({ name: z.string().trim().min(1).max(100) }),
        response: { 201: z.object({ id: z.string(), name: z.string(), token: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const token = newToken(actor.orgId);
      const id = newId();
      const now = deps.now();
      await deps.store.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('api_tokens')
          .values({
            org_id: actor.orgId,
            id,
            user_id: actor.userId,
            name: request.body.name,
            token_hash: hashToken(token),
            created_at: now,
            revoked_at: null,
          })
          .execute();
        await appendAudit(trx, deps.store.dialect, {
          orgId: actor.orgId,
          actorType: 'user',
          actorId: actor.userId,
          action: 'api_token.created',
          entity: 'api_token',
          entityId: id,
          data: { name: request.body.name },
          at: now,
        });
      });
      return reply.status(201).send({ id, name: request.body.name, token });
    },
  );
};
