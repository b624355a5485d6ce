/**
 * @module server/routes/cases/list-cases
 * GET /api/cases: the queue — filtered, ordered by the next SLA deadline (what breaches first on
 * top, cases with no running clock last), cursor-paginated.
 */
import { listCases } from '../../../cases/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF, actorOf } from '../../context.ts';
import { decodeCursor, encodeCursor } from '../../pagination.ts';
import { caseView } from './case-views.ts';
import { type ListCasesQuery, listCasesQuery, listCasesResponse } from './list-cases.schema.ts';

/** The list filters of GET /api/cases and GET /api/cases/queue, from their shared query schema. */
export function caseFilters(q: ListCasesQuery) {
  return {
    status: q.status === undefined ? undefined : Array.isArray(q.status) ? q.status : [q.status],
    kind: q.kind,
    priority: q.priority,
    assigneeId: q.assignee_id,
    teamId: q.team_id,
    customerId: q.customer_id,
    q: q.q,
  };
}

export const listCasesRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/cases',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['cases'],
        summary: 'The case queue',
        querystring: listCasesQuery,
        response: { 200: listCasesResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await listCases(
        deps.store.db,
        actorOf(request).orgId,
        caseFilters(q),
        decodeCursor(q.cursor),
        q.limit,
      );
      return {
        items: page.cases.map(caseView),
        next_cursor: page.next ? encodeCursor(page.next.sort, page.next.id) : null,
      };
    },
  );
};
