import { z } from 'zod';
import { publicOrgSchema } from './portal.schema.ts';

export const publicPolicySchema = z.object({
  policy: z.string().describe('Stable policy id, e.g. refunds'),
  title: z.string(),
  version: z.number().int(),
  effective: z.string().describe('YYYY-MM-DD in the organisation’s time zone'),
  source: z.string().describe('The published Markdown, front matter included'),
});

export const listPoliciesResponse = z.object({
  org: publicOrgSchema,
  policies: z.array(publicPolicySchema),
});
