import { z } from 'zod';
import { currencySchema, orderItemSchema, orderResponse } from './customer.schema.ts';

export const createOrderBody = z
  .object({
    number: z.string().trim().min(1).max(60).describe('Unique within the organisation'),
    placed_at: z.iso.datetime().describe('ISO 8601 UTC instant (…Z)'),
    delivered_at: z.iso.datetime().nullable().optional(),
    currency: currencySchema,
    total_minor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe('Total paid, in minor units'),
    items: z.array(orderItemSchema).max(500).default([]),
  })
  .refine((o) => !o.delivered_at || Date.parse(o.delivered_at) >= Date.parse(o.placed_at), {
    message: 'expected a time after placed_at',
    path: ['delivered_at'],
  });

export const createOrderResponse = orderResponse;
