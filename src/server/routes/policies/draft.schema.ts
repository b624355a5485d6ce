import { z } from 'zod';
import { sourceSchema } from './policy.schema.ts';

export const createDraftBody = z.object({ source: sourceSchema });

export const updateDraftBody = z.object({
  source: sourceSchema,
  base_hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'expected the source_hash you loaded')
    .optional()
    .describe('source_hash of the draft you edited: 409 when it changed since'),
});

export const savedVersionSchema = z.object({
  id: z.string(),
  policy_id: z.string(),
  version: z.number().int(),
  title: z.string(),
  audience: z.enum(['public', 'staff']),
  effective: z.string(),
  state: z.enum(['draft', 'published', 'retired']),
  source: z.string().describe('As stored: the front matter version set to this version'),
  source_hash: z.string(),
  created_at: z.string(),
  published_at: z.string().nullable(),
});

export const publishResponse = savedVersionSchema.extend({
  retired: z
    .array(z.number().int())
    .describe('Published versions not yet in force that this one supersedes, now retired'),
});
