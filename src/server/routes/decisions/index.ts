/**
 * @module server/routes/decisions
 * The decisions endpoints, one module each: deciding on a case, reading decisions, the approvals
 * inbox and its answers, and goodwill budgets.
 */
import type { RouteModule } from '../../app-type.ts';
import { approveApprovalRoute } from './approve-approval.ts';
import { createDecisionRoute } from './create-decision.ts';
import { decisionCatalogueRoute } from './decision-catalogue.ts';
import { denyApprovalRoute } from './deny-approval.ts';
import { getDecisionRoute } from './get-decision.ts';
import { listApprovalsRoute } from './list-approvals.ts';
import { listBudgetsRoute } from './list-budgets.ts';
import { listCaseDecisionsRoute } from './list-case-decisions.ts';
import { previewDecisionRoute } from './preview-decision.ts';

export const DECISIONS_ROUTES: readonly RouteModule[] = [
  createDecisionRoute,
  listCaseDecisionsRoute,
  getDecisionRoute,
  listApprovalsRoute,
  approveApprovalRoute,
  denyApprovalRoute,
  listBudgetsRoute,
  decisionCatalogueRoute,
  previewDecisionRoute,
];
