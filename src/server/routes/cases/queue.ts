/**
 * @module server/routes/cases/queue
 * GET /api/cases/queue: the desk's queue — the cases GET /api/cases lists, in the same order (what
 * breaches first on top), each with its SLA badge computed on the server from the clocks as of now
 * (time left in business minutes, paused and why, or breached) and the customer, assignee and team
 * names.
 */
import { listQueue, type QueueItem } from '../../../cases/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { ALL_STAFF, actorOf } from '../../context.ts';
import { decodeCursor, encodeCursor } from '../../pagination.ts';
import { caseView } from './case-views.ts';
import { caseFilters } from './list-cases.ts';
import { queueQuery, queueResponse } from './queue.schema.ts';

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function itemView(i: QueueItem) {
  return {
    case: caseView(i.case),
    sla: {
      state: i.sla.state,
      metric: i.sla.metric,
      promise: i.sla.promise,
      due_at: isoOrNull(i.sla.dueAt),
      remaining_minutes: i.sla.remainingMinutes,
      calendar: i.sla.calendar,
      paused_why: i.sla.pausedWhy,
    },
    customer_name: i.customerName,
    assignee_name: i.assigneeName,
    team_name: i.teamName,
  };
}

export const queueRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/cases/queue',
    {
      config: { access: ALL_STAFF },
      schema: {
        tags: ['cases'],
        summary: 'The case queue with SLA badges',
        querystring: queueQuery,
        response: { 200: queueResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await listQueue(
        deps.store.db,
        actorOf(request).orgId,
        caseFilters(q),
        decodeCursor(q.cursor),
        q.limit,
        deps.now(),
      );
      return {
        as_of: new Date(page.asOf).toISOString(),
        items: page.items.map(itemView),
        next_cursor: page.next ? encodeCursor(page.next.sort, page.next.id) : null,
      };
    },
  );
};
