/**
 * @module decisions/decision-view
 * How decisions and approvals look outside the database: JSON columns parsed, instants as ISO
 * strings, and an explanation that names the rule that applied in the policy's own words, with a
 * link to the policy section it comes from.
 */
import type { MatchedRule as EvaluatedRule } from '../policy/index.ts';
import { fromJsonText } from '../store/dialect.ts';
import type { ApprovalTable } from '../store/schema.ts';
import type { AuthorityCheck } from './check-authority.ts';
import type { DecisionRow } from './store-types.ts';

/** A rule that applied (stored as JSON, so plain arrays). */
export interface MatchedRule {
  readonly decision: string;
  readonly rule: number;
  readonly annotations: string[];
}

export interface SectionLink {
  readonly policy: string;
  readonly section: string;
}

export interface Explanation {
  readonly policy: { readonly id: string; readonly version: number };
  readonly section: SectionLink;
  /** The rule of this decision that applied (1-based), null when none did. */
  readonly rule: number | null;
  readonly annotations: string[];
  /** Every rule that applied, including those of decisions this one required. */
  readonly matched: MatchedRule[];
  readonly authority: {
    readonly policy: { readonly id: string; readonly version: number } | null;
    readonly section: SectionLink | null;
    readonly rule: number | null;
    readonly annotations: string[];
    readonly may_grant_alone: boolean;
    readonly approver: string | null;
  } | null;
}

export interface DecisionRecord {
  readonly id: string;
  readonly case_id: string;
  readonly decision: string;
  readonly policy: { readonly id: string; readonly version: number };
  readonly facts: Record<string, unknown>;
  readonly supplied_facts: string[];
  readonly inputs: Record<string, unknown>;
  readonly outputs: unknown;
  readonly matched: MatchedRule[];
  readonly warnings: unknown[];
  readonly actor_id: string;
  readonly decided_at: string;
  readonly approval_state: DecisionRow['approval_state'];
  readonly approver_role: string | null;
  readonly amount_minor: number | null;
  readonly currency: string | null;
  readonly authority: AuthorityCheck | null;
}

export interface ApprovalView {
  readonly id: string;
  readonly decision_id: string;
  readonly case_id: string;
  readonly state: ApprovalTable['state'];
  readonly approver_role: string;
  readonly requested_by: string;
  readonly decided_by: string | null;
  readonly decided_at: string | null;
  readonly reason: string | null;
  readonly created_at: string;
}

export interface DecisionView {
  readonly decision: DecisionRecord;
  readonly explanation: Explanation;
  readonly approval: ApprovalView | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A decision's JSON columns as values. */
export interface DecisionValues {
  readonly facts: Readonly<Record<string, unknown>>;
  readonly supplied_facts: readonly string[];
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly outputs: unknown;
  readonly matched: readonly EvaluatedRule[];
  readonly warnings: readonly unknown[];
  readonly authority: AuthorityCheck | null;
}

function valuesOf(row: DecisionRow): DecisionValues {
  return {
    facts: fromJsonText(row.facts, {}),
    supplied_facts: fromJsonText(row.supplied_facts, []),
    inputs: fromJsonText(row.inputs, {}),
    outputs: fromJsonText(row.outputs, null),
    matched: fromJsonText(row.matched, []),
    warnings: fromJsonText(row.warnings, []),
    authority: fromJsonText<AuthorityCheck | null>(row.authority, null),
  };
}

/**
 * The record of a stored decision. `values` are its JSON columns when the caller still holds them
 * (it has just written the row; they are JSON values already): parsing back what was just
 * serialised cost more than the rest of the view.
 */
export function decisionRecord(row: DecisionRow, values: DecisionValues = valuesOf(row)): DecisionRecord {
  return {
    id: row.id,
    case_id: row.case_id,
    decision: row.decision,
    policy: { id: row.policy_id, version: row.policy_version },
    facts: values.facts as Record<string, unknown>,
    supplied_facts: values.supplied_facts as string[],
    inputs: values.inputs as Record<string, unknown>,
    outputs: values.outputs,
    matched: values.matched as MatchedRule[],
    warnings: values.warnings as unknown[],
    actor_id: row.actor_id,
    decided_at: iso(row.decided_at),
    approval_state: row.approval_state,
    approver_role: row.approver_role,
    amount_minor: row.amount_minor === null ? null : Number(row.amount_minor),
    currency: row.currency,
    authority: values.authority,
  };
}

/**
 * The explanation of a recorded decision: which rule applied and why, and what authority allowed.
 * @example explain(record).annotations // ['Within 30 days and still as new: full refund']
 */
export function explain(record: DecisionRecord): Explanation {
  const own = record.matched.find((m) => m.decision === record.decision);
  const a = record.authority;
  return {
    policy: record.policy,
    section: { policy: record.policy.id, section: record.decision },
    rule: own?.rule ?? null,
    annotations: [...(own?.annotations ?? [])],
    matched: record.matched,
    authority: a
      ? {
          policy: a.policy,
          section: a.policy ? { policy: a.policy.id, section: 'Grant authority' } : null,
          rule: a.rule,
          annotations: [...a.annotations],
          may_grant_alone: a.may_grant_alone,
          approver: a.approver,
        }
      : null,
  };
}

export function approvalView(row: ApprovalTable): ApprovalView {
  return {
    id: row.id,
    decision_id: row.decision_id,
    case_id: row.case_id,
    state: row.state,
    approver_role: row.approver_role,
    requested_by: row.requested_by,
    decided_by: row.decided_by,
    decided_at: row.decided_at === null ? null : iso(row.decided_at),
    reason: row.reason,
    created_at: iso(row.created_at),
  };
}

/** The full view of a decision with its approval (the latest, if several). */
export function decisionView(
  row: DecisionRow,
  approval: ApprovalTable | null,
  values?: DecisionValues,
): DecisionView {
  const decision = decisionRecord(row, values);
  return { decision, explanation: explain(decision), approval: approval ? approvalView(approval) : null };
}
