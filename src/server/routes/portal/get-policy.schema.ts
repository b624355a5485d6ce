import { z } from 'zod';
import { publicPolicySchema } from './list-policies.schema.ts';
import { orgParams, publicOrgSchema } from './portal.schema.ts';

export const policyParams = orgParams.extend({
  policyId: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9._-]+$/, 'expected a policy id'),
});

export const getPolicyResponse = z.object({ org: publicOrgSchema, policy: publicPolicySchema });
