import { z } from 'zod';
import { pageQuery } from '../../pagination.ts';
import { customerResponse } from './customer.schema.ts';

export const listCustomersQuery = pageQuery.extend({
  q: z.string().max(200).optional().describe('Words to find in the name or email'),
  tier: z.string().min(1).max(40).optional(),
});

export const listCustomersResponse = z.object({
  items: z.array(customerResponse),
  next_cursor: z.string().nullable(),
});
