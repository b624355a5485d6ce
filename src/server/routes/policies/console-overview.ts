/**
 * @module server/routes/policies/console-overview
 * GET /api/console/overview: the team and standards overview — per person open cases, resolved in
 * the last 7 days and SLA breaches; the standards declared by the charter in force.
 */
import { teamOverview } from '../../../charter/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF, actorOf } from '../../context.ts';
import { consoleOverviewResponse } from './console-overview.schema.ts';

export const consoleOverviewRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/console/overview',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['policies'],
        summary: 'Team and standards overview',
        response: { 200: consoleOverviewResponse },
      },
    },
    async (request) => {
      const o = await teamOverview(deps.store.db, actorOf(request).orgId, deps.now());
      const loadView = (l: Omit<typeof o.totals, never>) => ({
        open_cases: l.openCases,
        resolved_last_7_days: l.resolvedLast7Days,
        overdue_now: l.overdueNow,
        breaches_last_7_days: l.breachesLast7Days,
      });
      return {
        as_of: new Date(o.asOf).toISOString(),
        today: o.today,
        people: o.people.map((p) => ({ user_id: p.userId, name: p.name, role: p.role, ...loadView(p) })),
        totals: loadView(o.totals),
        standards: o.standards.map((s) => ({
          policy_id: s.policyId,
          section: s.section,
          measure: s.measure,
          target: s.target,
          notes: s.notes,
        })),
      };
    },
  );
};
