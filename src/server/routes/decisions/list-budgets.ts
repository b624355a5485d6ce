/**
 * @module server/routes/decisions/list-budgets
 * GET /api/budgets?period=YYYY-MM: goodwill budgets for a month (default: this month in the
 * organisation's time zone) with limit, spent and left per budget key.
 */
import { z } from 'zod';
import { listBudgets } from '../../../decisions/index.ts';
import type { RouteModule } from '../../app-type.ts';
import { MANAGERS } from '../../context.ts';
import { decisionContext } from './decision-context.ts';

const holder = z.union([
  z.object({ type: z.literal('user'), id: z.string(), name: z.string() }),
  z.object({ type: z.literal('team'), name: z.string() }),
]);

export const budgetsResponse = z.object({
  period: z.string(),
  items: z.array(
    z.object({
      budget_key: z.string(),
      period: z.string(),
      holder: holder.nullable(),
      currency: z.string(),
      limit_minor: z.number().int().nullable(),
      spent_minor: z.number().int(),
      left_minor: z.number().int().nullable(),
    }),
  ),
});

export const listBudgetsRoute: RouteModule = (app, deps) => {
  app.get(
    '/api/budgets',
    {
      config: { access: [...MANAGERS, 'auditor'] },
      schema: {
        tags: ['decisions'],
        summary: 'Goodwill budgets',
        querystring: z.object({
          period: z
            .string()
            .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM')
            .optional(),
        }),
        response: { 200: budgetsResponse },
      },
    },
    async (request) => listBudgets(decisionContext(deps, request), request.query.period),
  );
};
