import { z } from 'zod';
import { pageQuery } from '../../pagination.ts';
import { approvalSchema, budgetViewSchema } from './decision.schema.ts';

export const listApprovalsQuery = pageQuery.extend({
  state: z.enum(['pending', 'approved', 'denied']).default('pending'),
});

export const inboxItemSchema = approvalSchema.extend({
  case_number: z.number().int(),
  decision: z.string(),
  outcome: z.string().nullable(),
  amount_minor: z.number().int().nullable(),
  currency: z.string().nullable(),
  requested_by_user: z.object({ id: z.string(), name: z.string() }),
  can_decide: z.boolean(),
  budget: budgetViewSchema.nullable().describe('For goodwill: the budget approving would draw on'),
});

export const listApprovalsResponse = z.object({
  items: z.array(inboxItemSchema),
  next_cursor: z.string().nullable(),
});
