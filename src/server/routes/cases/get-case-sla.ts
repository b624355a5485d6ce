/**
 * @module server/routes/cases/get-case-sla
 * GET /api/cases/:id/sla: the case's SLA clocks and their ledgers as of now — every running and
 * paused interval and why, due/warning/breach instants, the rule and calendar that applied.
 */
import { getCaseSla } from '../../../cases/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF, actorOf } from '../../context.ts';
import { caseIdParams, slaSchema } from './case.schema.ts';
import { slaView } from './case-views.ts';

export const getCaseSlaRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/cases/:id/sla',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['cases'],
        summary: "A case's SLA clocks and ledgers",
        params: caseIdParams,
        response: { 200: slaSchema },
      },
    },
    async (request) => {
      const r = await getCaseSla(deps.store.db, actorOf(request).orgId, request.params.id, deps.now());
      return slaView(r.sla, r.asOf, r.nextDeadline);
    },
  );
};
