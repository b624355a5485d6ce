/**
 * @module server/routes/portal
 * The portal endpoints: public (no sign-in), every one validated with zod and scoped to the
 * organisation named by its slug or by the private-link token.
 */
import type { RouteModule } from '../../app-type.ts';
import { fileRequestRoute } from './file-request.ts';
import { followCaseRoute } from './follow-case.ts';
import { getHoursRoute } from './get-hours.ts';
import { getPolicyRoute } from './get-policy.ts';
import { getPortalOrgRoute } from './get-portal-org.ts';
import { getPromiseRoute } from './get-promise.ts';
import { listPoliciesRoute } from './list-policies.ts';
import { lookupOrderRoute } from './lookup-order.ts';
import { privateLinkLoggingRoute } from './private-link-logging.ts';
import { replyCaseRoute } from './reply-case.ts';

export const PORTAL_ROUTES: readonly RouteModule[] = [
  // First: it redacts tokens from the logs of routes registered after it.
  privateLinkLoggingRoute,
  getPortalOrgRoute,
  listPoliciesRoute,
  getPolicyRoute,
  getHoursRoute,
  getPromiseRoute,
  lookupOrderRoute,
  fileRequestRoute,
  followCaseRoute,
  replyCaseRoute,
];
