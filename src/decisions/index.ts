/**
 * @module decisions
 * Applying the charter to a case: deciding (facts gathered and supplied, the charter in force on
 * the organisation's local date), authority limits, approvals, and goodwill budgets.
 */
export { AMOUNTS, type AuthorityOutcome, type Grant, grantOf } from './amounts.ts';
export { type Budget, budgetFor } from './budgets.ts';
export type { DecisionContext } from './context.ts';
export { createDecision, type NewDecision } from './create-decision.ts';
export { type DecidedApproval, decideApproval, type Verdict } from './decide-approval.ts';
export {
  type CatalogueEntry,
  type CatalogueFact,
  catalogueOf,
  decisionCatalogue,
  type FactSource,
  type RuleText,
  ruleText,
} from './decision-catalogue.ts';
export type { ApprovalView, DecisionRecord, DecisionView, Explanation } from './decision-view.ts';
export { getDecision } from './get-decision.ts';
export { type BudgetView, type InboxItem, listApprovals } from './list-approvals.ts';
export { type BudgetLine, listBudgets } from './list-budgets.ts';
export { listCaseDecisions } from './list-case-decisions.ts';
export { percentOfMinor, poundsToMinor } from './money.ts';
export { NotInForce } from './not-in-force.ts';
export { budgetPeriod, localDate } from './org-calendar.ts';
export { type DecisionPreview, previewDecision } from './preview-decision.ts';
export { widen } from './store-types.ts';
