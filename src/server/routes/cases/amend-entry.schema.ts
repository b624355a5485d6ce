import { z } from 'zod';
import { optionalVersion } from './case.schema.ts';

export const amendEntryParams = z.object({
  id: z.string().min(1).max(64),
  entryId: z.string().min(1).max(64),
});

export const amendEntryBody = z.object({
  body: z.string().trim().min(1).max(20_000).describe('The corrected text'),
  reason: z.string().trim().min(1).max(500).optional(),
  version: optionalVersion,
});
