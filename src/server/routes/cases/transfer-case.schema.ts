import { z } from 'zod';
import { optionalVersion } from './case.schema.ts';

export const transferCaseBody = z.object({
  team_id: z.string().min(1).max(64),
  reason: z.string().trim().min(1).max(500),
  version: optionalVersion,
});
