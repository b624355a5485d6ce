import { z } from 'zod';
import { authoritySchema } from './decision.schema.ts';
import { ruleTextSchema } from './decision-catalogue.schema.ts';

const matchedRule = z.object({
  decision: z.string(),
  rule: z.number().int(),
  annotations: z.array(z.string()),
});

export const previewResponse = z.object({
  decision: z.string(),
  policy: z.object({ id: z.string(), version: z.number().int() }),
  section: z.object({ policy: z.string(), section: z.string() }),
  facts: z.record(z.string(), z.unknown()).describe('Gathered facts with the supplied ones on top'),
  gathered: z.array(z.string()),
  supplied: z.array(z.string()),
  missing: z.array(z.string()).describe('Facts the decision reads that nobody has given yet'),
  value: z.unknown(),
  matched: z.array(matchedRule),
  rule: z.number().int().nullable(),
  annotations: z.array(z.string()),
  rule_text: ruleTextSchema.nullable(),
  warnings: z.array(z.unknown()),
  grant: z
    .object({
      outcome: z.string(),
      grants: z.string(),
      amount_minor: z.number().int(),
      currency: z.string(),
      basis: z.string(),
    })
    .nullable(),
  grant_problem: z.string().nullable(),
  authority: authoritySchema.nullable(),
});
