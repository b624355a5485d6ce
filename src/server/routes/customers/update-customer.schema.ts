import { z } from 'zod';
import { customerResponse, profileFields } from './customer.schema.ts';

export const updateCustomerBody = z
  .object({
    version: z.number().int().min(1).describe('The version you read; a stale one answers 409'),
    name: profileFields.name.optional(),
    email: profileFields.email.optional(),
    phone: profileFields.phone.optional(),
    external_ref: profileFields.external_ref.optional(),
    tier: profileFields.tier.optional(),
    consent: profileFields.consent.optional().describe('Merged into the current flags'),
    channel_restriction: profileFields.channel_restriction.optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'expected at least one field to change');

export const updateCustomerResponse = customerResponse;
