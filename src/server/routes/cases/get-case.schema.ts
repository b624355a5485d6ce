import { z } from 'zod';
import { caseSchema, entrySchema, slaSchema, stepSchema } from './case.schema.ts';

export const getCaseResponse = z.object({
  case: caseSchema,
  timeline: z.array(entrySchema).describe('Every entry, oldest first (by seq)'),
  procedure: z.array(stepSchema).describe("The charter procedure's steps, in order"),
  sla: slaSchema.describe('Clocks and ledgers recomputed as of now'),
});
