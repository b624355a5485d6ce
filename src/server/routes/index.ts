/**
 * @module server/routes
 * Every endpoint, one module each. Adding a route means adding it here.
 */
import type { RouteModule } from '../app-type.ts';
import { exportAuditRoute } from './audit/export-audit.ts';
import { listAuditRoute } from './audit/list-audit.ts';
import { verifyAuditRoute } from './audit/verify-audit.ts';
import { changePasswordRoute } from './auth/change-password.ts';
import { loginRoute } from './auth/login.ts';
import { logoutRoute } from './auth/logout.ts';
import { meRoute } from './auth/me.ts';
import { CASES_ROUTES } from './cases/index.ts';
import { CUSTOMERS_ROUTES } from './customers/index.ts';
import { DECISIONS_ROUTES } from './decisions/index.ts';
import { POLICIES_ROUTES } from './policies/index.ts';
import { PORTAL_ROUTES } from './portal/index.ts';
import { STAFF_ROUTES } from './staff/index.ts';
import { healthRoute } from './system/health.ts';
import { createTokenRoute } from './tokens/create-token.ts';
import { listTokensRoute } from './tokens/list-tokens.ts';
import { revokeTokenRoute } from './tokens/revoke-token.ts';

export const ROUTES: readonly RouteModule[] = [
  healthRoute,
  loginRoute,
  logoutRoute,
  meRoute,
  changePasswordRoute,
  createTokenRoute,
  listTokensRoute,
  revokeTokenRoute,
  verifyAuditRoute,
  listAuditRoute,
  exportAuditRoute,
  ...CUSTOMERS_ROUTES,
  ...CASES_ROUTES,
  ...DECISIONS_ROUTES,
  ...POLICIES_ROUTES,
  ...PORTAL_ROUTES,
  ...STAFF_ROUTES,
];
