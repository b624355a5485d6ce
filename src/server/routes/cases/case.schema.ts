/**
 * @module server/routes/cases/case.schema
 * The shapes of a case over HTTP: the case, a timeline entry, procedure progress and SLA clocks with
 * their ledgers. Instants are ISO 8601 UTC strings; minutes are business minutes of the clock's calendar.
 */
import { z } from 'zod';
import { CASE_KINDS, CHANNELS, PRIORITIES, STATUSES } from '../../../cases/index.ts';

export const caseIdParams = z.object({ id: z.string().min(1).max(64) });

/** The version the caller last saw, for optimistic concurrency (optional on appends). */
export const optionalVersion = z
  .number()
  .int()
  .min(1)
  .optional()
  .describe('Refuse with 409 if the case changed');

export const caseSchema = z.object({
  id: z.string(),
  number: z.number().int().describe('Per-organisation case number people can say on the phone (#1042)'),
  kind: z.enum(CASE_KINDS),
  channel: z.string(),
  category: z.string().nullable(),
  priority: z.string(),
  status: z.enum(STATUSES),
  subject: z.string(),
  customer_id: z.string().nullable(),
  order_id: z.string().nullable(),
  assignee_id: z.string().nullable(),
  team_id: z.string().nullable(),
  next_deadline: z.string().nullable().describe('Earliest running SLA deadline: the queue order'),
  policy_versions: z.record(z.string(), z.number()).describe('Policy versions the case is measured against'),
  created_at: z.string(),
  updated_at: z.string(),
  resolved_at: z.string().nullable(),
  version: z.number().int(),
});

export const entrySchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.string(),
  visibility: z.enum(['public', 'internal']),
  actor_type: z.enum(['user', 'customer', 'system']),
  actor_id: z.string().nullable(),
  body: z.string(),
  data: z.record(z.string(), z.unknown()),
  amends_id: z.string().nullable(),
  created_at: z.string(),
});

/** What every change answers: the case as it now is and the entries the change appended. */
export const outcomeSchema = z.object({ case: caseSchema, entries: z.array(entrySchema) });

export const stepSchema = z.object({
  procedure: z.string(),
  number: z.number().int().nullable(),
  step: z.string(),
  guidance: z.string(),
  required: z.boolean(),
  done_at: z.string().nullable(),
  done_by: z.string().nullable(),
  evidence: z.string().nullable(),
});

const targetSchema = z.object({
  from: z.string(),
  why: z.string().describe('`created` or the attribute changes that re-targeted the clock'),
  attributes: z.record(z.string(), z.unknown()),
  policy: z.object({ id: z.string(), version: z.number() }),
  rule: z.object({ decision: z.string(), number: z.number(), annotation: z.string().nullable() }),
  duration: z.string(),
  calendar: z.string(),
  budget_minutes: z.number(),
  warn_at: z.number().nullable(),
  due_at: z.string().nullable(),
});

export const clockSchema = z.object({
  id: z.string(),
  metric: z.string(),
  promise: z.enum(['customer', 'internal']),
  cycle: z.number().int(),
  state: z.enum(['running', 'paused', 'met', 'breached', 'cancelled']),
  active: z.boolean(),
  paused: z.boolean(),
  calendar: z.string(),
  started_at: z.string(),
  stopped_at: z.string().nullable(),
  stop_why: z.string().nullable(),
  due_at: z.string().nullable(),
  warning_at: z.string().nullable(),
  breached_at: z.string().nullable(),
  budget_minutes: z.number(),
  used_minutes: z.number(),
  remaining_minutes: z.number(),
  running_minutes: z.number(),
  paused_minutes: z.number(),
  target: targetSchema,
  targets: z.array(targetSchema),
  intervals: z.array(
    z.object({
      state: z.enum(['running', 'paused']),
      from: z.string(),
      to: z.string().nullable(),
      why: z.string(),
      until: z.string().nullable(),
      wall_minutes: z.number(),
      business_minutes: z.number(),
    }),
  ),
});

export const slaSchema = z.object({
  as_of: z.string(),
  next_deadline: z.string().nullable(),
  clocks: z.array(clockSchema),
  issues: z.array(z.object({ code: z.string(), message: z.string() })),
});

export { CASE_KINDS, CHANNELS, PRIORITIES, STATUSES };
