import { z } from 'zod';
import { optionalVersion } from './case.schema.ts';

export const escalateCaseBody = z.object({
  reason: z.string().trim().min(1).max(500),
  version: optionalVersion,
});
