import { z } from 'zod';
import { CHANNELS, optionalVersion } from './case.schema.ts';

export const addMessageBody = z.object({
  direction: z.enum(['in', 'out']).describe('in: from the customer; out: our public reply'),
  body: z.string().trim().min(1).max(20_000),
  channel: z.enum(CHANNELS).optional().describe("Defaults to the case's channel"),
  version: optionalVersion,
});
