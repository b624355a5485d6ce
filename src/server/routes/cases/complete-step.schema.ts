import { z } from 'zod';
import { optionalVersion } from './case.schema.ts';

export const completeStepParams = z.object({
  id: z.string().min(1).max(64),
  step: z.string().min(1).max(100).describe('The step as the charter names it (any case), or its number'),
});

export const completeStepBody = z.object({
  evidence: z.string().trim().min(1).max(2_000).describe('What shows the step was done'),
  version: optionalVersion,
});
