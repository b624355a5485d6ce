/**
 * @module server/routes/cases/desk-directory
 * GET /api/desk/directory: the organisation's teams and staff (names and roles only) and the
 * caller's team — what the desk needs to name the people on a timeline, filter by team and
 * transfer a case.
 */
import { z } from 'zod';
import { deskDirectory } from '../../../cases/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF, actorOf } from '../../context.ts';

export const directoryResponse = z.object({
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  staff: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.enum(['admin', 'manager', 'agent', 'auditor']),
      team_id: z.string().nullable(),
      active: z.boolean(),
    }),
  ),
  my_team_id: z.string().nullable(),
});

export const deskDirectoryRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/desk/directory',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['cases'],
        summary: 'Teams and staff for the desk',
        response: { 200: directoryResponse },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const d = await deskDirectory(deps.store.db, actor.orgId, actor.userId);
      return {
        teams: d.teams.map((t) => ({ id: t.id, name: t.name })),
        staff: d.staff.map((u) => ({
          id: u.id,
          name: u.name,
          role: u.role,
          team_id: u.teamId,
          active: u.active,
        })),
        my_team_id: d.myTeamId,
      };
    },
  );
};
