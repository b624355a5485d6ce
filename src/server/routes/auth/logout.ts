/**
 * @module server/routes/auth/logout
 * POST /api/auth/logout: ends the session (the row is deleted, the cookie cleared).
 */
import type { RouteModule } from '../../app-type.ts';
import { SESSION_COOKIE } from '../../auth/guard.ts';
import { hashToken } from '../../auth/secrets.ts';
import { forgetSession } from '../../auth/session-cache.ts';
import { ALL_STAFF, actorOf } from '../../context.ts';

export const logoutRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/auth/logout',
    { config: { access: ALL_STAFF }, schema: { tags: ['auth'], summary: 'Sign out' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        await deps.store.db
          .deleteFrom('sessions')
          .where('org_id', '=', actor.orgId)
          .where('token_hash', '=', hashToken(cookie))
          .execute();
        forgetSession(deps.store, cookie);
      }
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );
};
