import { z } from 'zod';
import { CASE_KINDS } from '../../../cases/index.ts';
import { emailField, orderNumberField } from './lookup-order.schema.ts';
import { deadlineSchema } from './portal.schema.ts';

export const fileRequestBody = z.object({
  kind: z
    .enum(CASE_KINDS)
    .describe('question, complaint, refund request (refunds and returns) or compliment'),
  subject: z.string().trim().min(1).max(200).describe('In a few words'),
  message: z.string().trim().min(1).max(5000),
  order_number: orderNumberField.optional().describe('Needed for a refund or return request; links the case'),
  email: emailField.optional().describe('With the order number: the address the order was placed with'),
});

export const fileRequestResponse = z.object({
  case: z.object({
    number: z.number().int().describe('Say it when you call: #1042'),
    kind: z.enum(CASE_KINDS),
    subject: z.string(),
    status: z.string(),
    channel: z.string().describe('web form, or the channel a restriction routed the case to'),
    order_number: z.string().nullable(),
  }),
  notice: z
    .string()
    .nullable()
    .describe('What the visitor must know, e.g. that we will answer by email only'),
  deadlines: z.array(deadlineSchema).describe('The promised response times, earliest first'),
  follow_url: z.string().describe('The private link, shown once: /follow/<token>'),
});
