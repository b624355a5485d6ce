import { z } from 'zod';
import { sourceSchema } from './policy.schema.ts';

const versionNumber = z.coerce.number().int().min(1).max(1_000_000);

export const diffPolicyQuery = z.object({
  from: versionNumber.optional().describe('Default: the version in force (else the newest published)'),
  to: versionNumber.optional().describe('Default: the newest version'),
});

export const diffSourceBody = z.object({
  source: sourceSchema.describe('The working text to compare'),
  from: versionNumber.optional().describe('Default: the version in force (else the newest published)'),
});
