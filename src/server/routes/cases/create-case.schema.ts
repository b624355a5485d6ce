import { z } from 'zod';
import { CASE_KINDS, CHANNELS, caseSchema, entrySchema, PRIORITIES } from './case.schema.ts';

export const createCaseBody = z.object({
  kind: z.enum(CASE_KINDS),
  channel: z.enum(CHANNELS),
  priority: z.enum(PRIORITIES).optional().describe('Defaults to normal'),
  category: z.string().trim().min(1).max(80).nullable().optional(),
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000).optional().describe("The customer's first message"),
  customer_id: z.string().min(1).max(64).optional(),
  order_id: z.string().min(1).max(64).optional(),
});

export const createCaseResponse = z.object({
  case: caseSchema,
  entries: z.array(entrySchema),
  portal_token: z
    .string()
    .nullable()
    .describe("The customer's private link token: shown once (null when a retry replays the creation)"),
});
