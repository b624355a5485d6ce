import { z } from 'zod';

export const orderNumberField = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .describe('As printed on the order, e.g. LH-100010');
export const emailField = z.email().max(254).describe('The email address the order was placed with');

export const lookupOrderBody = z.object({ order_number: orderNumberField, email: emailField });

export const lookupOrderResponse = z.object({
  order: z.object({
    number: z.string(),
    placed_at: z.string(),
    delivered_at: z.string().nullable(),
    items: z.array(z.object({ name: z.string(), quantity: z.number().int() })),
  }),
});
