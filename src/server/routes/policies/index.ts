/**
 * @module server/routes/policies
 * The policies endpoints (library, versions, lint, drafts, publishing, acknowledgements, diff) and
 * the console's team overview, one module each.
 */
import type { RouteModule } from '../../app-type.ts';
import { acknowledgePolicyVersionRoute } from './acknowledge-policy-version.ts';
import { consoleOverviewRoute } from './console-overview.ts';
import { createDraftRoute } from './create-draft.ts';
import { diffPolicyRoute } from './diff-policy.ts';
import { diffPolicySourceRoute } from './diff-policy-source.ts';
import { getPolicyVersionRoute } from './get-policy-version.ts';
import { lintPolicyRoute } from './lint-policy.ts';
import { listPoliciesRoute } from './list-policies.ts';
import { publishPolicyVersionRoute } from './publish-policy-version.ts';
import { updateDraftRoute } from './update-draft.ts';

export const POLICIES_ROUTES: readonly RouteModule[] = [
  listPoliciesRoute,
  getPolicyVersionRoute,
  acknowledgePolicyVersionRoute,
  lintPolicyRoute,
  createDraftRoute,
  updateDraftRoute,
  publishPolicyVersionRoute,
  diffPolicyRoute,
  diffPolicySourceRoute,
  consoleOverviewRoute,
];
