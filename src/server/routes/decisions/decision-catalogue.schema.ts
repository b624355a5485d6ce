import { z } from 'zod';

export const ruleTextSchema = z.object({
  number: z.number().int(),
  inputs: z.array(z.object({ name: z.string(), test: z.string() })),
  outputs: z.array(z.object({ name: z.string(), value: z.string() })),
  annotations: z.array(z.string()).describe("The rule's reason in the policy's own words"),
});

export const catalogueEntrySchema = z.object({
  decision: z.string(),
  policy: z.object({ id: z.string(), title: z.string(), version: z.number().int(), audience: z.string() }),
  section: z.string().describe('The section heading: "## Decision: <section>"'),
  kind: z.enum(['table', 'expression']),
  hit_policy: z.string().nullable(),
  outputs: z.array(z.object({ name: z.string(), values: z.string().nullable() })),
  facts: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      values: z.string().nullable().describe('Allowed values as FEEL unary tests'),
      description: z.string().nullable(),
      source: z
        .enum(['case', 'customer', 'order', 'account', 'agent'])
        .describe('Where the desk gets it; agent = supplied with the decision'),
    }),
  ),
  requires: z.array(z.string()),
  grants: z.boolean().describe('Whether it can grant money (checked against authority)'),
  rules: z.array(ruleTextSchema),
  expression: z.string().nullable(),
});

export const catalogueResponse = z.object({ items: z.array(catalogueEntrySchema) });
