/**
 * @module decisions/check-authority
 * Whether the person deciding may grant alone, by the charter's `Grant authority` decision
 * (authority.md), and if not, which role must approve. Fails closed: a charter without the
 * decision, or one that answers nothing, sends the grant to the highest approver.
 */
import type { Charter } from '../policy/index.ts';
import { AppError } from '../server/errors.ts';
import type { Role } from '../store/schema.ts';
import type { Grant } from './amounts.ts';
import { minorToPounds } from './money.ts';
import { NotInForce } from './not-in-force.ts';
import { approverRole, staffRoleFact } from './roles.ts';

export const AUTHORITY_DECISION = 'Grant authority';

/** The authority check as stored with the decision (JSON) and shown in its explanation. */
export interface AuthorityCheck {
  readonly grant: { readonly outcome: string; readonly grants: string; readonly basis: string };
  readonly policy: { readonly id: string; readonly version: number } | null;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly may_grant_alone: boolean;
  /** The approver in the policy's words ("team lead"…), null when granted alone. */
  readonly approver: string | null;
  /** The system role that answers (roles.ts), null when granted alone. */
  readonly approver_role: Role | null;
  readonly rule: number | null;
  readonly annotations: string[];
  readonly warnings: unknown[];
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * Evaluates `Grant authority` for `role` granting `grant`.
 * @example checkAuthority(charter, 'agent', { grants: 'refund', amountMinor: 30000, … }).approver // 'team lead'
 */
export function checkAuthority(charter: Charter, role: Role, grant: Grant): AuthorityCheck {
  if (!charter.decisions.has(AUTHORITY_DECISION))
    throw new NotInForce(
      'policy-error',
      `The charter in force has no "${AUTHORITY_DECISION}" decision, so nothing can be granted.`,
    );
  const inputs = {
    'Staff role': staffRoleFact(role),
    Outcome: grant.grants,
    Amount: minorToPounds(grant.amountMinor, grant.currency),
  };
  const e = charter.evaluate(AUTHORITY_DECISION, inputs);
  if (e.error) throw new AppError('policy-error', `${AUTHORITY_DECISION}: ${e.error.message}`);
  const alone = field(e.value, 'May grant alone') === true;
  const approver = alone ? null : field(e.value, 'Approver');
  const first = e.matched.find((m) => m.decision === AUTHORITY_DECISION);
  return {
    grant: { outcome: grant.outcome, grants: grant.grants, basis: grant.basis },
    policy: e.policy ?? null,
    inputs: e.inputs,
    may_grant_alone: alone,
    approver: alone ? null : typeof approver === 'string' ? approver : 'head of service',
    approver_role: alone ? null : approverRole(approver),
    rule: first?.rule ?? null,
    annotations: [...(first?.annotations ?? [])],
    warnings: [...e.warnings],
  };
}
