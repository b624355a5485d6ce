/**
 * @module server/routes/staff/add-team
 * POST /api/teams: adds a team (admins only).
 */
import { addTeam } from '../../../orgs/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ADMINS } from '../../context.ts';
import { teamBody, teamSchema } from './staff.schema.ts';
import { inStaffTransaction } from './staff-context.ts';

export const addTeamRoute: RouteModule = (app, deps) => {
  app.post(
    '/api/teams',
    {
      config: { access: ADMINS },
      schema: { tags: ['staff'], summary: 'Add a team', body: teamBody, response: { 201: teamSchema } },
    },
    async (request, reply) => {
      const team = await inStaffTransaction(deps, request, (ctx) => addTeam(ctx, request.body.name));
      return reply.status(201).send(team);
    },
  );
};
