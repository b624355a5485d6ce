/**
 * @module server/routes/decisions/decision.schema
 * The shapes decisions, approvals and budgets take in answers (documented in OpenAPI).
 */
import { z } from 'zod';

const policyRef = z.object({ id: z.string(), version: z.number().int() });
const sectionLink = z.object({ policy: z.string(), section: z.string() });
const jsonObject = z.record(z.string(), z.unknown());
const matchedRule = z.object({
  decision: z.string(),
  rule: z.number().int(),
  annotations: z.array(z.string()),
});

export const authoritySchema = z.object({
  grant: z.object({ outcome: z.string(), grants: z.string(), basis: z.string() }),
  policy: policyRef.nullable(),
  inputs: jsonObject,
  may_grant_alone: z.boolean(),
  approver: z.string().nullable().describe("The approver in the policy's words"),
  approver_role: z.string().nullable().describe('The system role that answers the approval'),
  rule: z.number().int().nullable(),
  annotations: z.array(z.string()),
  warnings: z.array(z.unknown()),
});

export const decisionRecordSchema = z.object({
  id: z.string(),
  case_id: z.string(),
  decision: z.string(),
  policy: policyRef,
  facts: jsonObject.describe('The facts exactly as gathered and supplied: evaluate them again to replay'),
  supplied_facts: z.array(z.string()),
  inputs: jsonObject,
  outputs: z.unknown(),
  matched: z.array(matchedRule),
  warnings: z.array(z.unknown()),
  actor_id: z.string(),
  decided_at: z.string(),
  approval_state: z.enum(['none', 'pending', 'approved', 'denied']),
  approver_role: z.string().nullable(),
  amount_minor: z.number().int().nullable(),
  currency: z.string().nullable(),
  authority: authoritySchema.nullable(),
});

export const explanationSchema = z.object({
  policy: policyRef,
  section: sectionLink,
  rule: z.number().int().nullable(),
  annotations: z.array(z.string()),
  matched: z.array(matchedRule),
  authority: z
    .object({
      policy: policyRef.nullable(),
      section: sectionLink.nullable(),
      rule: z.number().int().nullable(),
      annotations: z.array(z.string()),
      may_grant_alone: z.boolean(),
      approver: z.string().nullable(),
    })
    .nullable(),
});

export const approvalSchema = z.object({
  id: z.string(),
  decision_id: z.string(),
  case_id: z.string(),
  state: z.enum(['pending', 'approved', 'denied']),
  approver_role: z.string(),
  requested_by: z.string(),
  decided_by: z.string().nullable(),
  decided_at: z.string().nullable(),
  reason: z.string().nullable(),
  created_at: z.string(),
});

export const decisionViewSchema = z.object({
  decision: decisionRecordSchema,
  explanation: explanationSchema,
  approval: approvalSchema.nullable(),
});

export const budgetViewSchema = z.object({
  budget_key: z.string(),
  period: z.string(),
  currency: z.string(),
  limit_minor: z.number().int(),
  spent_minor: z.number().int(),
  left_minor: z.number().int(),
});

export const idParams = z.object({ id: z.string().min(1).max(64) });
