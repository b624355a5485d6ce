/**
 * @module server/routes/cases/get-case
 * GET /api/cases/:id: the case, its timeline, procedure progress and SLA clocks with their ledgers
 * (every running and paused interval and why, due/warning/breach instants, the rule that applied).
 */
import { getCase } from '../../../cases/index.ts';
import { nextDeadline } from '../../../sla/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF, actorOf } from '../../context.ts';
import { caseIdParams } from './case.schema.ts';
import { caseView, entryView, slaView, stepView } from './case-views.ts';
import { getCaseResponse } from './get-case.schema.ts';

export const getCaseRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/cases/:id',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['cases'],
        summary: 'A case with its timeline and SLA',
        params: caseIdParams,
        response: { 200: getCaseResponse },
      },
    },
    async (request) => {
      const d = await getCase(deps.store.db, actorOf(request).orgId, request.params.id, deps.now());
      return {
        case: caseView(d.case),
        timeline: d.timeline.map(entryView),
        procedure: d.procedure.map(stepView),
        sla: slaView(d.sla, d.asOf, nextDeadline(d.sla.clocks)),
      };
    },
  );
};
