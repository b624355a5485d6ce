/**
 * @module server/routes/customers
 * The customers endpoints, one module each.
 */
import type { RouteModule } from '../../app-type.ts';

export const CUSTOMERS_ROUTES: readonly RouteModule[] = [];
