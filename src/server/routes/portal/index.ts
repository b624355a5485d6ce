/**
 * @module server/routes/portal
 * The portal endpoints.
 */
import type { RouteModule } from '../../app-type.ts';

export const PORTAL_ROUTES: readonly RouteModule[] = [];
