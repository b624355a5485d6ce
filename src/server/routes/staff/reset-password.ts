/**
 * @module server/routes/staff/reset-password
 * POST /api/staff/:id/password: sets a new password for a member of staff and ends all their
 * sessions (admins only; for one's own password see POST /api/auth/password).
 */
import { setPassword } from '../../../orgs/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { hashPassword } from '../../auth/secrets.ts';
import { forgetUserSessions } from '../../auth/session-cache.ts';
import { ADMINS } from '../../context.ts';
import { resetPasswordBody, staffParams } from './staff.schema.ts';
import { inStaffTransaction } from './staff-context.ts';

export const resetPasswordRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/staff/:id/password',
    {
      config: { access: ADMINS },
      schema: {
        tags: ['staff'],
        summary: "Reset a member's password",
        params: staffParams,
        body: resetPasswordBody,
      },
    },
    async (request, reply) => {
      const passwordHash = await hashPassword(request.body.password);
      await inStaffTransaction(deps, request, (ctx) => setPassword(ctx, request.params.id, passwordHash));
      forgetUserSessions(deps.store, request.params.id);
      return reply.status(204).send();
    },
  );
};
