/**
 * @module server/routes/policies/policy.schema
 * The shapes of policies over HTTP: a version, a policy in the library, lint diagnostics and diffs.
 * Instants are ISO 8601 UTC strings; dates (`effective`, `review_due`) are the organisation's local dates.
 */
import { z } from 'zod';
import { MAX_POLICY_SOURCE } from '../../../charter/index.ts';

export const policyIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a kebab-case policy id such as refunds');

export const policyParams = z.object({ policyId: policyIdSchema });

export const versionParams = z.object({
  policyId: policyIdSchema,
  version: z.coerce.number().int().min(1).max(1_000_000),
});

export const sourceSchema = z
  .string()
  .min(1)
  .max(MAX_POLICY_SOURCE)
  .describe('The whole policy document: YAML front matter and Markdown');

export const versionSummarySchema = z.object({
  id: z.string(),
  policy_id: z.string(),
  version: z.number().int(),
  title: z.string(),
  audience: z.enum(['public', 'staff']),
  effective: z.string().describe('Local date YYYY-MM-DD from which it is in force'),
  state: z.enum(['draft', 'published', 'retired']),
  in_force: z.boolean().describe('The published version in force today'),
  owner: z.string().nullable(),
  review: z.string().nullable().describe('Review interval (ISO 8601 duration) from the front matter'),
  review_due: z.string().nullable(),
  created_at: z.string(),
  published_at: z.string().nullable(),
  published_by: z.object({ id: z.string(), name: z.string() }).nullable(),
  source_hash: z.string().describe('SHA-256 of the source; send it as base_hash when updating a draft'),
});

export const acknowledgementsSchema = z.object({
  version: z.number().int().nullable().describe('The version counted: the one in force'),
  acknowledged: z.number().int(),
  staff: z.number().int(),
  by_me: z.boolean(),
});

export const policySummarySchema = z.object({
  policy_id: z.string(),
  title: z.string(),
  audience: z.enum(['public', 'staff']),
  owner: z.string().nullable(),
  in_force_version: z.number().int().nullable(),
  latest_version: z.number().int(),
  draft_version: z.number().int().nullable(),
  effective: z.string().nullable(),
  review: z.string().nullable(),
  review_due: z.string().nullable(),
  review_overdue: z.boolean(),
  acknowledgements: acknowledgementsSchema,
  versions: z.array(versionSummarySchema),
});

export const versionDetailSchema = versionSummarySchema.extend({
  source: z.string(),
  acknowledgements: acknowledgementsSchema.extend({ version: z.number().int() }),
});

export const diagnosticSchema = z.object({
  line: z.number().int(),
  column: z.number().int(),
  end_line: z.number().int(),
  end_column: z.number().int().describe('Exclusive'),
  severity: z.enum(['error', 'warning', 'info']),
  rule: z.string().describe('The lint rule or problem code, e.g. unknown-input, feel-syntax'),
  message: z.string(),
  decision: z.string().optional(),
  file: z.string().optional().describe('Another document in force, for problems the text causes there'),
});

export const textChangeSchema = z.object({
  kind: z.enum(['added', 'removed', 'unchanged']),
  lines: z.array(z.string()),
});

export const diffResponse = z.object({
  policy_id: z.string(),
  from: z.number().int().nullable(),
  to: z.number().int().nullable().describe('Null for a working text not saved yet'),
  text: z.array(textChangeSchema),
  added: z.number().int(),
  removed: z.number().int(),
  semantic: z.object({
    decisions: z.array(
      z.object({
        decision: z.string(),
        status: z.enum(['added', 'removed', 'changed', 'unchanged']),
        hit_policy: z.object({ before: z.string(), after: z.string() }).optional(),
        rules: z.array(
          z.object({
            kind: z.enum(['added', 'removed', 'changed']),
            before: z.number().int().optional(),
            after: z.number().int().optional(),
            conditions: z.array(z.string()),
            outputs_before: z.array(z.string()).optional(),
            outputs_after: z.array(z.string()).optional(),
          }),
        ),
        outcomes: z.array(
          z.object({ facts: z.record(z.string(), z.unknown()), before: z.unknown(), after: z.unknown() }),
        ),
        compared: z.number().int(),
      }),
    ),
    problems: z.array(z.string()),
  }),
});
