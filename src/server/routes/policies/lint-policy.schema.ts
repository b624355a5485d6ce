import { z } from 'zod';
import { diagnosticSchema, sourceSchema } from './policy.schema.ts';

export const lintPolicyBody = z.object({
  source: sourceSchema,
  file: z.string().max(200).optional().describe('A name for the text, echoed back'),
});

export const lintPolicyResponse = z.object({
  file: z.string().nullable(),
  policy_id: z.string().nullable().describe('The policy the front matter names'),
  diagnostics: z.array(diagnosticSchema).describe('Problems in the text, in order'),
  elsewhere: z
    .array(diagnosticSchema)
    .describe('Problems the text causes in other documents in force (e.g. a decision they read is gone)'),
  errors: z.number().int(),
  warnings: z.number().int(),
  checked_with: z.array(z.string()).describe('The other documents in force it was checked with'),
});
