/**
 * @module server/routes/decisions
 * The decisions endpoints, one module each.
 */
import type { RouteModule } from '../../app-type.ts';

export const DECISIONS_ROUTES: readonly RouteModule[] = [];
