/**
 * @module server/routes/tokens/list-tokens
 * GET /api/tokens: the caller's API tokens (never the tokens themselves: only their names and
 * dates); `?scope=org` gives an admin every token of the organisation with its owner, to find and
 * revoke one.
 */
import { z } from 'zod';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF, actorOf } from '../../context.ts';
import { AppError } from '../../errors.ts';

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  user_id: z.string(),
  user_name: z.string(),
  created_at: z.string(),
  revoked_at: z.string().nullable(),
});

export const listTokensResponse = z.object({ items: z.array(tokenSchema) });

export const listTokensRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/tokens',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['auth'],
        summary: 'List API tokens',
        querystring: z.object({ scope: z.enum(['mine', 'org']).default('mine') }),
        response: { 200: listTokensResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (request.query.scope === 'org' && actor.role !== 'admin')
        throw new AppError('forbidden', "Only admins list the organisation's tokens.");
      let q = deps.store.db
        .selectFrom('api_tokens')
        .innerJoin('users', (j) =>
          j.onRef('users.org_id', '=', 'api_tokens.org_id').onRef('users.id', '=', 'api_tokens.user_id'),
        )
        .select([
          'api_tokens.id',
          'api_tokens.name',
          'api_tokens.user_id',
          'users.name as user_name',
          'api_tokens.created_at',
          'api_tokens.revoked_at',
        ])
        .where('api_tokens.org_id', '=', actor.orgId);
      if (request.query.scope === 'mine') q = q.where('api_tokens.user_id', '=', actor.userId);
      const rows = await q
        .orderBy('api_tokens.created_at', 'desc')
        .orderBy('api_tokens.id')
        .limit(500)
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          user_id: r.user_id,
          user_name: r.user_name,
          created_at: new Date(r.created_at).toISOString(),
          revoked_at: r.revoked_at === null ? null : new Date(r.revoked_at).toISOString(),
        })),
      };
    },
  );
};
