import { z } from 'zod';
import { CASE_KINDS, STATUSES } from '../../../cases/index.ts';
import { deadlineSchema, publicOrgSchema } from './portal.schema.ts';

const itemSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('message'),
    id: z.string(),
    at: z.string(),
    from: z.enum(['customer', 'staff']),
    author: z.string().nullable().describe('First name of the staff member; null for the customer'),
    channel: z.string().nullable(),
    body: z.string().describe('Plain text, shown as text'),
    corrects: z.string().nullable().describe('Id of the message this one corrects'),
  }),
  z.object({ type: z.literal('status'), id: z.string(), at: z.string(), status: z.enum(STATUSES) }),
  z.object({
    type: z.literal('outcome'),
    id: z.string(),
    at: z.string(),
    text: z.string().describe('e.g. Refund approved: £120.00'),
    why: z.string().nullable(),
  }),
]);

export const followResponse = z.object({
  org: publicOrgSchema,
  case: z.object({
    number: z.number().int(),
    kind: z.enum(CASE_KINDS),
    subject: z.string(),
    status: z.enum(STATUSES),
    channel: z.string(),
    order_number: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  }),
  deadlines: z.array(deadlineSchema),
  can_reply: z.boolean(),
  items: z.array(itemSchema),
});

export const replyBody = z.object({ message: z.string().trim().min(1).max(5000) });
