/**
 * @module server/routes/customers
 * The customers endpoints, one module each. The import is registered before `/:id` routes only for
 * readability: Fastify prefers the static segment either way.
 */
import type { RouteModule } from '../../app-type.ts';
import { createCustomerRoute } from './create-customer.ts';
import { createOrderRoute } from './create-order.ts';
import { eraseCustomerRoute } from './erase-customer.ts';
import { exportCustomerRoute } from './export-customer.ts';
import { getCustomerRoute } from './get-customer.ts';
import { importCustomersRoute } from './import-customers.ts';
import { listCustomersRoute } from './list-customers.ts';
import { updateCustomerRoute } from './update-customer.ts';

export const CUSTOMERS_ROUTES: readonly RouteModule[] = [
  createCustomerRoute,
  importCustomersRoute,
  listCustomersRoute,
  getCustomerRoute,
  updateCustomerRoute,
  createOrderRoute,
  exportCustomerRoute,
  eraseCustomerRoute,
];
