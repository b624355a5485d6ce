import { z } from 'zod';
import { caseSchema } from './case.schema.ts';
import { listCasesQuery } from './list-cases.schema.ts';

/** The same filters as GET /api/cases (status repeats; `q` searches subject, messages, notes, calls). */
export const queueQuery = listCasesQuery;

export const slaBadgeSchema = z.object({
  state: z
    .enum(['running', 'warning', 'breached', 'paused', 'none'])
    .describe('warning: past the warning point; none: no clock is counting'),
  metric: z.string().nullable().describe('The clock that breaches first, e.g. first_reply'),
  promise: z.enum(['customer', 'internal']).nullable(),
  due_at: z.string().nullable(),
  remaining_minutes: z
    .number()
    .nullable()
    .describe("Open minutes left in the clock's calendar; negative once overdue"),
  calendar: z.string().nullable(),
  paused_why: z.string().nullable().describe('Why the clock is paused, when it is'),
});

export const queueItemSchema = z.object({
  case: caseSchema,
  sla: slaBadgeSchema,
  customer_name: z.string().nullable(),
  assignee_name: z.string().nullable(),
  team_name: z.string().nullable(),
});

export const queueResponse = z.object({
  as_of: z.string(),
  items: z.array(queueItemSchema),
  next_cursor: z.string().nullable(),
});
