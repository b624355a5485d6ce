/**
 * @module decisions/preview-decision
 * What a decision on a case would come to, before it is recorded: the same facts (gathered from the
 * case, customer, order and the decider's account, overridden by the supplied ones), the same
 * charter in force, the outcome, the rule that would fire in the policy's words, what it would
 * grant and whether the decider may grant it alone. Nothing is written: no decision, no approval,
 * no budget debit, no timeline or audit entry. Facts the decision needs that are still unknown are
 * listed, so the desk can ask for them.
 */
import { type AuthorityCheck, checkAuthority } from './check-authority.ts';
import type { DecisionContext } from './context.ts';
import { factsNeeded, type RuleText, ruleText } from './decision-catalogue.ts';
import { evaluateForCase } from './evaluate-for-case.ts';

export interface DecisionPreview {
  readonly decision: string;
  readonly policy: { readonly id: string; readonly version: number };
  readonly section: { readonly policy: string; readonly section: string };
  /** Every fact the evaluation starts from (gathered, then supplied on top). */
  readonly facts: Record<string, unknown>;
  readonly gathered: string[];
  readonly supplied: string[];
  /** Facts the decision reads that are neither gathered nor supplied. */
  readonly missing: string[];
  readonly value: unknown;
  readonly matched: { decision: string; rule: number; annotations: string[] }[];
  readonly rule: number | null;
  readonly annotations: string[];
  readonly ruleText: RuleText | null;
  readonly warnings: unknown[];
  readonly grant: {
    readonly outcome: string;
    readonly grants: string;
    readonly amountMinor: number;
    readonly currency: string;
    readonly basis: string;
  } | null;
  /** Why no amount could be worked out (e.g. the order is unknown), when that is the case. */
  readonly grantProblem: string | null;
  readonly authority: AuthorityCheck | null;
}

/**
 * Previews `input.decision` on case `caseId` as the context's actor.
 * @throws AppError `not-found` (case, or a named order), `validation` (unknown decision or facts)
 * @example const p = await previewDecision(ctx, caseId, { decision: 'Refund', facts: { 'Item condition': 'unopened' } })
 * // p.annotations[0] === 'Within 30 days and still as new: full refund'; nothing recorded
 */
export async function previewDecision(
  ctx: DecisionContext,
  caseId: string,
  input: {
    readonly decision: string;
    readonly facts?: Readonly<Record<string, unknown>> | undefined;
    readonly orderId?: string | undefined;
  },
): Promise<DecisionPreview> {
  const {
    charter,
    name,
    supplied,
    gathered,
    facts,
    evaluation: e,
    policy,
    grant: g,
  } = await evaluateForCase(ctx, caseId, input);
  const compiled = charter.decisions.get(name);
  const missing = compiled ? factsNeeded(charter, compiled).filter((f) => facts[f] === undefined) : [];
  const own = e.matched.find((m) => m.decision === name);
  const grant = g.ok ? g.grant : null;
  const authority = grant ? checkAuthority(charter, ctx.role, grant) : null;
  return {
    decision: name,
    policy: { id: policy.id, version: policy.version },
    section: { policy: policy.id, section: name },
    facts,
    gathered: Object.keys(gathered.facts),
    supplied: Object.keys(supplied),
    missing,
    value: e.value,
    matched: e.matched.map((m) => ({ decision: m.decision, rule: m.rule, annotations: [...m.annotations] })),
    rule: own?.rule ?? null,
    annotations: [...(own?.annotations ?? [])],
    ruleText: own ? ruleText(charter, name, own.rule) : null,
    warnings: [...e.warnings],
    grant: grant
      ? {
          outcome: grant.outcome,
          grants: grant.grants,
          amountMinor: grant.amountMinor,
          currency: grant.currency,
          basis: grant.basis,
        }
      : null,
    grantProblem: g.ok ? null : g.message,
    authority,
  };
}
