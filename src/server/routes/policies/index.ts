/**
 * @module server/routes/policies
 * The policies endpoints.
 */
import type { RouteModule } from '../../app-type.ts';

export const POLICIES_ROUTES: readonly RouteModule[] = [];
