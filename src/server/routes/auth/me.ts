/**
 * @module server/routes/auth/me
 * GET /api/auth/me: who is signed in.
 */
import { z } from 'zod';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF, actorOf } from '../../context.ts';
import { AppError } from '../../errors.ts';

export const meResponse = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['admin', 'manager', 'agent', 'auditor']),
  org: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
});

export const meRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/auth/me',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        response: {
          200: meResponse,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await deps.store.db
        .selectFrom('users')
        .innerJoin('orgs', 'orgs.org_id', 'users.org_id')
        .select(['users.id', 'users.name', 'users.email', 'users.role', 'orgs.slug', 'orgs.name as org_name'])
        .where('users.org_id', '=', actor.orgId)
        .where('users.id', '=', actor.userId)
        .executeTakeFirst();
      if (!row) throw new AppError('not-found', 'User not found.');
      return {
        id: row.id,
        name: row.name,
        email: row.email,
        role: row.role,
        org: { id: actor.orgId, slug: row.slug, name: row.org_name },
      };
    },
  );
};
