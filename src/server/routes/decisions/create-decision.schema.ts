import { z } from 'zod';

export const createDecisionBody = z.object({
  decision: z.string().trim().min(1).max(200).describe('A decision of the charter in force, e.g. "Refund"'),
  facts: z
    .record(z.string().min(1).max(100), z.json())
    .refine((f) => Object.keys(f).length <= 50, 'at most 50 facts')
    .optional()
    .describe("Facts in the charter's vocabulary; they override the facts gathered from the case"),
  order_id: z.string().min(1).max(64).optional().describe("The order in question, when not the case's own"),
});
