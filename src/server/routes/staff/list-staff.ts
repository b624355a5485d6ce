/**
 * @module server/routes/staff/list-staff
 * GET /api/staff: the organisation's staff with their emails, roles, teams and whether they are
 * active, and its teams (admins and managers; the desk's directory shows names only to everyone).
 */
import { listStaff } from '../../../orgs/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { actorOf, MANAGERS } from '../../context.ts';
import { listStaffResponse } from './staff.schema.ts';
import { staffView } from './staff-context.ts';

export const listStaffRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/staff',
    {
      config: { access: MANAGERS },
      schema: { tags: ['staff'], summary: 'Staff and teams', response: { 200: listStaffResponse } },
    },
    async (request) => {
      const { staff, teams } = await listStaff(deps.store.db, actorOf(request).orgId);
      return { staff: staff.map(staffView), teams };
    },
  );
};
