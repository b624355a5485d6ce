/**
 * @module server/routes/staff/change-staff
 * PATCH /api/staff/:id: changes a member's name, role or team, or deactivates or reactivates them
 * (admins only). Their remembered sessions are forgotten, so the change holds from the next request;
 * someone who can no longer work cases gives their open cases back to their team's queue.
 */
import { changeStaff } from '../../../orgs/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { forgetUserSessions } from '../../auth/session-cache.ts';
import { ADMINS } from '../../context.ts';
import { changeStaffBody, changeStaffResponse, staffParams } from './staff.schema.ts';
import { inStaffTransaction, staffView } from './staff-context.ts';

export const changeStaffRoute: RouteModule = (app, deps) => {
  app.patch(
    '/api/staff/:id',
    {
      config: { access: ADMINS },
      schema: {
        tags: ['staff'],
        summary: 'Change or deactivate a member of staff',
        params: staffParams,
        body: changeStaffBody,
        response: { 200: changeStaffResponse },
      },
    },
    async (request) => {
      const b = request.body;
      const changed = await inStaffTransaction(deps, request, (ctx) =>
        changeStaff(ctx, request.params.id, {
          name: b.name,
          role: b.role,
          teamId: b.team_id,
          active: b.active,
        }),
      );
      forgetUserSessions(deps.store, changed.member.id);
      return { ...staffView(changed.member), cases_unassigned: changed.casesUnassigned };
    },
  );
};
