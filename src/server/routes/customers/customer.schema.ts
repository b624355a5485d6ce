/**
 * @module server/routes/customers/customer.schema
 * Schemas shared by the customers endpoints: the customer and order as answered, and the fields a
 * profile is written with.
 */
import { z } from 'zod';
import { isCurrency } from '../../../customers/index.ts';

export const customerParams = z.object({ id: z.string().min(1).max(100) });

export const consentSchema = z
  .record(z.string().min(1).max(60), z.boolean())
  .refine((v) => Object.keys(v).length <= 50, 'expected at most 50 consent flags')
  .describe('Consent flags, e.g. { "marketing": true, "surveys": false }');

/** Profile fields as written (create and update). */
export const profileFields = {
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320).nullable(),
  phone: z.string().trim().min(1).max(40).nullable(),
  external_ref: z.string().trim().min(1).max(100).nullable().describe("The shop's own customer id"),
  tier: z.string().trim().min(1).max(40).describe('e.g. "standard", "silver", "gold"'),
  consent: consentSchema,
  channel_restriction: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .nullable()
    .describe('e.g. "email only" after abuse; null when unrestricted'),
};

export const currencySchema = z
  .string()
  .refine(isCurrency, 'expected an ISO 4217 currency code such as GBP')
  .describe('ISO 4217');

const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const orderItemSchema = z.object({
  sku: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  category: z.string().trim().min(1).max(100).nullable().default(null),
  quantity: z.number().int().min(1).max(999_999),
  unit_minor: minor.describe('Unit price in minor units'),
});

export const customerResponse = z.object({
  id: z.string(),
  external_ref: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  tier: z.string(),
  consent: z.record(z.string(), z.boolean()),
  channel_restriction: z.string().nullable(),
  erased_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number().int(),
});

export const orderResponse = z.object({
  id: z.string(),
  customer_id: z.string(),
  number: z.string(),
  placed_at: z.string(),
  delivered_at: z.string().nullable(),
  currency: z.string(),
  total_minor: z.number().int(),
  items: z.array(
    z.object({
      sku: z.string(),
      name: z.string(),
      category: z.string().nullable(),
      quantity: z.number().int(),
      unit_minor: z.number().int(),
    }),
  ),
  created_at: z.string(),
});

export const moneyTotals = z
  .array(z.object({ currency: z.string(), total_minor: z.number().int() }))
  .describe('Sum of order totals per currency, in minor units');

export const refundedTotals = moneyTotals.describe(
  "Refunds granted on the customer's cases per currency, in minor units (granted alone or approved)",
);

export const netTotals = moneyTotals.describe(
  "Order totals less refunds per currency, in minor units, never below zero: the charter's Lifetime value",
);
