import { z } from 'zod';
import {
  customerResponse,
  moneyTotals,
  netTotals,
  orderResponse,
  refundedTotals,
} from './customer.schema.ts';

export const getCustomerResponse = customerResponse.extend({
  orders: z.array(orderResponse).describe('The most recent orders, newest first (at most 200)'),
  order_count: z.number().int().describe('How many orders the customer has in all'),
  lifetime_value: moneyTotals,
  refunded: refundedTotals,
  lifetime_value_net: netTotals,
});
