/**
 * @module server/routes/decisions/list-approvals
 * GET /api/approvals?state=pending: the approvals inbox of the caller's role (auditors: all,
 * read-only).
 */
import { listApprovals } from '../../../decisions/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { MANAGERS } from '../../context.ts';
import { decisionContext } from './decision-context.ts';
import { listApprovalsQuery, listApprovalsResponse } from './list-approvals.schema.ts';

export const listApprovalsRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/approvals',
    {
      config: { access: [...MANAGERS, 'auditor'] },
      schema: {
        tags: ['decisions'],
        summary: 'Approvals inbox',
        querystring: listApprovalsQuery,
        response: { 200: listApprovalsResponse },
      },
    },
    async (request) => listApprovals(decisionContext(deps, request), request.query),
  );
};
