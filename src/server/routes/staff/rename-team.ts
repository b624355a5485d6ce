/**
 * @module server/routes/staff/rename-team
 * PATCH /api/teams/:id: renames a team (admins only).
 */
import { renameTeam } from '../../../orgs/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ADMINS } from '../../context.ts';
import { staffParams, teamBody, teamSchema } from './staff.schema.ts';
import { inStaffTransaction } from './staff-context.ts';

export const renameTeamRoute: RouteModule = (app, deps) => {
  app.patch(
    '/api/teams/:id',
    {
      config: { access: ADMINS },
      schema: {
        tags: ['staff'],
        summary: 'Rename a team',
        params: staffParams,
        body: teamBody,
        response: { 200: teamSchema },
      },
    },
    async (request) =>
      inStaffTransaction(deps, request, (ctx) => renameTeam(ctx, request.params.id, request.body.name)),
  );
};
