/**
 * @module server/routes/auth/change-password
 * POST /api/auth/password: the signed-in user changes their own password, proving the current one
 * (guesses limited as at sign-in). Their other sessions end; this one stays signed in.
 */

import { setPassword } from '../../../orgs/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { checkAttempts, clearAttempts, recordFailure } from '../../auth/attempts.ts';
import { SESSION_COOKIE } from '../../auth/guard.ts';
import { hashPassword, hashToken, verifyPassword } from '../../auth/secrets.ts';
import { forgetUserSessions } from '../../auth/session-cache.ts';
import { ALL_STAFF, actorOf } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { changeOwnPasswordBody } from '../staff/staff.schema.ts';
import { inStaffTransaction } from '../staff/staff-context.ts';

export const changePasswordRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/auth/password',
    {
      config: { access: ALL_STAFF },
      schema: { tags: ['auth'], summary: 'Change my password', body: changeOwnPasswordBody },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const db = deps.store.db;
      const key = `password:${actor.userId}`;
      await checkAttempts(db, actor.orgId, key, deps.now());
      const user = await db
        .selectFrom('users')
        .select(['password_hash'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', actor.userId)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(request.body.current_password, user.password_hash))) {
        await recordFailure(db, actor.orgId, key, deps.now());
        throw new AppError('invalid-credentials', 'The current password is not right.', [
          { path: 'body.current_password', message: 'wrong password' },
        ]);
      }
      const passwordHash = await hashPassword(request.body.new_password);
      const cookie = request.cookies[SESSION_COOKIE];
      await inStaffTransaction(deps, request, async (ctx) => {
        await setPassword(ctx, actor.userId, passwordHash, cookie ? hashToken(cookie) : undefined);
        await clearAttempts(ctx.db, actor.orgId, key);
      });
      forgetUserSessions(deps.store, actor.userId);
      return reply.status(204).send();
    },
  );
};
