/**
 * @module server/routes/cases
 * The cases endpoints, one module each.
 */
import type { RouteModule } from '../../app-type.ts';

export const CASES_ROUTES: readonly RouteModule[] = [];
