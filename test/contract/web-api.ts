/**
 * The web app's view of the API, held to the API's own schemas at type-check time (`npm test` runs
 * `tsc` over this file). The web declares, per answer, only the fields it reads (the types.ts of each web/src/features folder);
 * each line below requires what the route's response schema promises to fit what the web expects,
 * for every answer the web reads (answers it ignores, such as a note's, are not listed).
 * A renamed field, a changed type or a value the web does not know breaks the build here, naming
 * the route and the field, instead of breaking a page at run time.
 */
import type { z } from 'zod';
import type { auditPageResponse } from '../../src/server/routes/audit/list-audit.ts';
import type { verifyAuditResponse } from '../../src/server/routes/audit/verify-audit.ts';
import type { loginResponse } from '../../src/server/routes/auth/login.schema.ts';
import type { meResponse } from '../../src/server/routes/auth/me.ts';
import type { slaSchema } from '../../src/server/routes/cases/case.schema.ts';
import type { directoryResponse } from '../../src/server/routes/cases/desk-directory.ts';
import type { getCaseResponse } from '../../src/server/routes/cases/get-case.schema.ts';
import type { queueResponse } from '../../src/server/routes/cases/queue.schema.ts';
import type { getCustomerResponse } from '../../src/server/routes/customers/get-customer.schema.ts';
import type { decisionViewSchema } from '../../src/server/routes/decisions/decision.schema.ts';
import type { catalogueResponse } from '../../src/server/routes/decisions/decision-catalogue.schema.ts';
import type { listApprovalsResponse } from '../../src/server/routes/decisions/list-approvals.schema.ts';
import type { budgetsResponse } from '../../src/server/routes/decisions/list-budgets.ts';
import type { caseDecisionsResponse } from '../../src/server/routes/decisions/list-case-decisions.ts';
import type { previewResponse } from '../../src/server/routes/decisions/preview-decision.schema.ts';
import type { consoleOverviewResponse } from '../../src/server/routes/policies/console-overview.schema.ts';
import type { publishResponse, savedVersionSchema } from '../../src/server/routes/policies/draft.schema.ts';
import type { lintPolicyResponse } from '../../src/server/routes/policies/lint-policy.schema.ts';
import type { listPoliciesResponse as libraryResponse } from '../../src/server/routes/policies/list-policies.schema.ts';
import type { diffResponse, versionDetailSchema } from '../../src/server/routes/policies/policy.schema.ts';
import type { fileRequestResponse } from '../../src/server/routes/portal/file-request.schema.ts';
import type { followResponse } from '../../src/server/routes/portal/follow-case.schema.ts';
import type { hoursResponse } from '../../src/server/routes/portal/get-hours.schema.ts';
import type { getPolicyResponse } from '../../src/server/routes/portal/get-policy.schema.ts';
import type { portalOrgResponse } from '../../src/server/routes/portal/get-portal-org.schema.ts';
import type { promiseResponse } from '../../src/server/routes/portal/get-promise.schema.ts';
import type { listPoliciesResponse as publicPoliciesResponse } from '../../src/server/routes/portal/list-policies.schema.ts';
import type { lookupOrderResponse } from '../../src/server/routes/portal/lookup-order.schema.ts';
import type {
  changeStaffResponse,
  listStaffResponse,
  staffMemberSchema,
  teamSchema,
} from '../../src/server/routes/staff/staff.schema.ts';
import type { listTokensResponse } from '../../src/server/routes/tokens/list-tokens.ts';
import type {
  AuditCheck,
  AuditPage,
  Library,
  LintAnswer,
  Overview,
  PolicyDiff,
  SavedVersion,
  StaffList,
  StaffMember,
  TeamLine,
  VersionDetail,
} from '../../web/src/features/console/types.ts';
import type {
  BudgetLine,
  CaseDetail,
  CatalogueEntry,
  Customer,
  DecisionView,
  Directory,
  InboxItem,
  Preview,
  QueuePage,
  Sla,
} from '../../web/src/features/desk/types.ts';
import type {
  FiledAnswer,
  FollowAnswer,
  HoursAnswer,
  OrderAnswer,
  PoliciesAnswer,
  PolicyAnswer,
  PromiseAnswer,
  PublicOrg,
} from '../../web/src/features/portal/types.ts';
import type { Me } from '../../web/src/shared/me.ts';
import type { Token } from '../../web/src/shared/tokens.ts';

/** Compiles only when what the API answers (`Answer`) can be read as what the web expects (`Web`). */
type Fits<Answer extends Web, Web> = [Answer, Web];
/**
 * A schema's answer as it arrives in JSON: an optional field left undefined is absent, so zod's
 * `field?: T | undefined` reads as the web's `field?: T` (exactOptionalPropertyTypes tells them apart).
 */
type Json<T> = T extends readonly (infer E)[]
  ? Json<E>[]
  : T extends object
    ? { [K in keyof T]: Json<Exclude<T[K], undefined>> }
    : T;
type Out<S extends z.ZodType> = Json<z.output<S>>;

export type WebReadsTheApi = [
  // Staff sign-in
  Fits<Out<typeof loginResponse>, { csrf_token: string }>,
  Fits<Out<typeof meResponse>, Me>,
  Fits<Out<typeof listTokensResponse>, { items: Token[] }>,
  // Desk
  Fits<Out<typeof queueResponse>, QueuePage>,
  Fits<Out<typeof getCaseResponse>, CaseDetail>,
  Fits<Out<typeof slaSchema>, Sla>,
  Fits<Out<typeof directoryResponse>, Directory>,
  Fits<Out<typeof getCustomerResponse>, Customer>,
  Fits<Out<typeof catalogueResponse>, { items: CatalogueEntry[] }>,
  Fits<Out<typeof previewResponse>, Preview>,
  Fits<Out<typeof decisionViewSchema>, DecisionView>,
  Fits<Out<typeof caseDecisionsResponse>, { items: DecisionView[] }>,
  Fits<Out<typeof listApprovalsResponse>, { items: InboxItem[]; next_cursor: string | null }>,
  Fits<Out<typeof budgetsResponse>, { period: string; items: BudgetLine[] }>,
  // Console
  Fits<Out<typeof libraryResponse>, Library>,
  Fits<Out<typeof versionDetailSchema>, VersionDetail>,
  Fits<Out<typeof savedVersionSchema>, SavedVersion>,
  Fits<Out<typeof publishResponse>, SavedVersion & { retired: number[] }>,
  Fits<Out<typeof lintPolicyResponse>, LintAnswer>,
  Fits<Out<typeof diffResponse>, PolicyDiff>,
  Fits<Out<typeof consoleOverviewResponse>, Overview>,
  Fits<Out<typeof listStaffResponse>, StaffList>,
  Fits<Out<typeof staffMemberSchema>, StaffMember>,
  Fits<Out<typeof changeStaffResponse>, StaffMember & { cases_unassigned: number }>,
  Fits<Out<typeof teamSchema>, TeamLine>,
  Fits<Out<typeof auditPageResponse>, AuditPage>,
  Fits<Out<typeof verifyAuditResponse>, AuditCheck>,
  // Portal
  Fits<Out<typeof portalOrgResponse>, { org: PublicOrg }>,
  Fits<Out<typeof publicPoliciesResponse>, PoliciesAnswer>,
  Fits<Out<typeof getPolicyResponse>, PolicyAnswer>,
  Fits<Out<typeof hoursResponse>, HoursAnswer>,
  Fits<Out<typeof promiseResponse>, PromiseAnswer>,
  Fits<Out<typeof lookupOrderResponse>, OrderAnswer>,
  Fits<Out<typeof fileRequestResponse>, FiledAnswer>,
  Fits<Out<typeof followResponse>, FollowAnswer>,
];
