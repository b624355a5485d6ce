import { z } from 'zod';
import { policySummarySchema } from './policy.schema.ts';

export const listPoliciesResponse = z.object({
  today: z.string().describe("The organisation's local date the states and review dates are computed for"),
  items: z.array(policySummarySchema),
});
