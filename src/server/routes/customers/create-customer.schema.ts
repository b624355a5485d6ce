import { z } from 'zod';
import { customerResponse, profileFields } from './customer.schema.ts';

export const createCustomerBody = z.object({
  name: profileFields.name,
  email: profileFields.email.optional(),
  phone: profileFields.phone.optional(),
  external_ref: profileFields.external_ref.optional(),
  tier: profileFields.tier.default('standard'),
  consent: profileFields.consent.default({}),
  channel_restriction: profileFields.channel_restriction.optional(),
});

export const createCustomerResponse = customerResponse;
