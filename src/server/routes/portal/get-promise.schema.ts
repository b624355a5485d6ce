import { z } from 'zod';
import { CASE_KINDS } from '../../../cases/index.ts';

export const promiseQuery = z.object({
  kind: z.enum(CASE_KINDS).default('question').describe('The kind of request'),
});

export const promiseResponse = z.object({
  promise: z
    .object({
      channel: z.string(),
      priority: z.string(),
      targets: z.array(
        z.object({
          metric: z.enum(['first_reply', 'next_reply', 'periodic_update', 'resolution', 'follow_up']),
          duration: z.string().describe('Business time as the policy wrote it, e.g. PT8H'),
          calendar: z.string(),
        }),
      ),
      why: z.string().nullable().describe('The rule’s reason, in the policy’s words'),
      policy: z.object({ id: z.string(), version: z.number().int() }),
    })
    .nullable()
    .describe('null when the charter promises nothing for a portal request'),
});
