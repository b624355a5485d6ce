import { z } from 'zod';
import { publicOrgSchema } from './portal.schema.ts';

export const portalOrgQuery = z.object({
  slug: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an organisation slug (lower-case letters, digits, -)')
    .optional()
    .describe('Defaults to the organisation the portal serves'),
});

export const portalOrgResponse = z.object({ org: publicOrgSchema });
