import { z } from 'zod';
import { optionalVersion } from './case.schema.ts';

export const logCallBody = z.object({
  direction: z.enum(['in', 'out']).default('out').describe('in: the customer called us; out: we called them'),
  duration: z
    .string()
    .regex(/^PT(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?$/, 'expected an ISO 8601 duration such as PT12M30S')
    .describe('ISO 8601, e.g. PT12M30S'),
  summary: z.string().trim().min(1).max(20_000),
  version: optionalVersion,
});
