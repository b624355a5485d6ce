/**
 * @module charter
 * Policy versions of an organisation: importing, the charter in force on a date, the library,
 * drafts, lint with the documents in force, diff, publishing, acknowledgements and the console's
 * team overview.
 */
export { acknowledgePolicyVersion } from './acknowledge-policy-version.ts';
export {
  CHARTER_CACHE_SIZE,
  type CharterCacheStats,
  type CharterInForce,
  charterCacheStats,
  charterInForce,
  resetCharterCache,
  warmCharters,
} from './charter-in-force.ts';
export {
  diffPolicySources,
  diffPolicyVersions,
  diffPolicyWorkingText,
  type PolicyDiff,
  type TextChange,
  textDiff,
} from './diff-policy-versions.ts';
export { importCharter, type SourceDocument } from './import-charter.ts';
export { lintPolicySource, type PolicyDiagnostic, type PolicyLint, spanAt } from './lint-policy-source.ts';
export { orgToday, type PolicyActor, type PolicyChangeContext } from './policy-context.ts';
export { createDraft, MAX_POLICY_SOURCE, updateDraft, withVersion } from './policy-drafts.ts';
export {
  type Acknowledgements,
  getPolicyVersion,
  listPolicies,
  type PolicyLibrary,
  type PolicySummary,
  type PolicyVersionDetail,
  type PolicyVersionSummary,
  sourceHash,
} from './policy-library.ts';
export { type Published, publishPolicyVersion } from './publish-policy-version.ts';
export { type AgentLoad, type StandardTarget, type TeamOverview, teamOverview } from './team-overview.ts';
