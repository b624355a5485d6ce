import { z } from 'zod';
import { budgetViewSchema, decisionViewSchema } from './decision.schema.ts';

export const approveBody = z.object({ reason: z.string().trim().max(2000).optional() });
export const denyBody = z.object({ reason: z.string().trim().min(1, 'a reason is required').max(2000) });

export const decidedApprovalResponse = decisionViewSchema.extend({
  budget: budgetViewSchema.nullable().describe('The goodwill budget debited, after the debit'),
});
