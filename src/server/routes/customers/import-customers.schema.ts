import { z } from 'zod';

export const importCustomersBody = z
  .object({
    customers_csv: z
      .string()
      .max(1_000_000)
      .optional()
      .describe(
        'CSV with a header: name, external_ref, email, phone, tier, channel_restriction, consent_<flag>…',
      ),
    orders_csv: z
      .string()
      .max(1_000_000)
      .optional()
      .describe(
        'CSV with a header, one row per order line: number, customer_ref or customer_email, placed_at, ' +
          'delivered_at, currency, total (major units, e.g. 12.50), sku, item_name, category, quantity, unit_price',
      ),
  })
  .refine(
    (b) => b.customers_csv !== undefined || b.orders_csv !== undefined,
    'expected customers_csv or orders_csv',
  );

const report = {
  imported: z.object({ customers: z.number().int(), orders: z.number().int() }),
  rejected: z.array(
    z.object({
      file: z.enum(['customers_csv', 'orders_csv']),
      line: z.number().int(),
      errors: z.array(z.object({ field: z.string(), message: z.string() })),
    }),
  ),
};

export const importCustomersResponse = z.object(report);

/** A rejected import: a problem document that also carries the report. */
export const importRejectedResponse = z.object({
  type: z.string(),
  title: z.string(),
  status: z.literal(422),
  code: z.literal('import-rejected'),
  detail: z.string(),
  instance: z.string(),
  ...report,
});
