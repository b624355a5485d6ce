/**
 * @module server/routes/portal/portal.schema
 * Shapes shared by the public endpoints: the organisation path parameter, the private-link token,
 * what the public may know of an organisation, and promised deadlines.
 */
import { z } from 'zod';

export const orgParams = z.object({
  org: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an organisation slug (lower-case letters, digits, -)'),
});

/** A private-link token: anything URL-safe and not absurdly long; a wrong one is then simply not found. */
export const tokenParams = z.object({
  token: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9._~-]+$/, 'expected a private-link token'),
});

export const publicOrgSchema = z.object({
  slug: z.string(),
  name: z.string(),
  time_zone: z.string().describe('IANA time zone the organisation works in'),
});

export const deadlineSchema = z.object({
  metric: z.enum(['first_reply', 'next_reply', 'periodic_update', 'resolution', 'follow_up']),
  due_at: z.string().describe('ISO 8601 UTC instant the promise falls due'),
  duration: z.string().describe('The promise in business time, as the policy wrote it (PT8H)'),
  calendar: z.string().describe('The calendar it counts in (Support)'),
  paused: z.boolean(),
});
