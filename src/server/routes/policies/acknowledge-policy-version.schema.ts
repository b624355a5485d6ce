import { z } from 'zod';

export const acknowledgeResponse = z.object({
  policy_id: z.string(),
  version: z.number().int(),
  acknowledged_at: z.string(),
  created: z.boolean().describe('False when you had already acknowledged it'),
});
