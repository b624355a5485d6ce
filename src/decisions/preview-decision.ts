/**
 * @module decisions/preview-decision
 * What a decision on a case would come to, before it is recorded: the same facts (gathered from the
 * case, customer, order and the decider's account, overridden by the supplied ones), the same
 * charter in force, the outcome, the rule that would fire in the policy's words, what it would
 * grant and whether the decider may grant it alone. Nothing is written: no decision, no approval,
 * no budget debit, no timeline or audit entry. Facts the decision needs that are still unknown are
 * listed, so the desk can ask for them.
 */
import { charterInForce } from '../charter/index.ts';
import type { Charter } from '../policy/index.ts';
import { AppError } from '../server/errors.ts';
import type { OrderTable } from '../store/schema.ts';
import { grantOf } from './amounts.ts';
import { type AuthorityCheck, checkAuthority } from './check-authority.ts';
import { checkFacts } from './check-facts.ts';
import type { DecisionContext } from './context.ts';
import { orgOf } from './context.ts';
import { factsNeeded, type RuleText, ruleText } from './decision-catalogue.ts';
import { gatherFacts } from './gather-facts.ts';
import { localDate } from './org-calendar.ts';

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

const FROM_ACCOUNT = ['Staff role', 'Team'];

function decisionNamed(charter: Charter, name: string): string {
  const wanted = name.trim().toLowerCase();
  for (const d of charter.decisions.keys()) if (d.toLowerCase() === wanted) return d;
  throw new AppError('validation', `The charter in force has no decision named "${name}".`, [
    {
      path: 'body.decision',
      message: `Unexpected decision "${name}", expected a decision of the charter in force`,
    },
  ]);
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
  const kase = await ctx.db
    .selectFrom('cases')
    .select(['id', 'kind', 'channel', 'priority', 'category', 'customer_id', 'order_id'])
    .where('org_id', '=', ctx.orgId)
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!kase) throw new AppError('not-found', 'No such case.');
  const org = await orgOf(ctx);
  const { charter } = await charterInForce(ctx.db, ctx.orgId, localDate(ctx.now, org.time_zone));
  const name = decisionNamed(charter, input.decision);
  const supplied = input.facts ?? {};
  const errors = checkFacts(charter, supplied);
  for (const f of FROM_ACCOUNT)
    if (f in supplied)
      errors.push({ path: `body.facts.${f}`, message: `${f} comes from your account, not the request` });
  if (errors.length) throw new AppError('validation', 'Some facts cannot be used.', errors);

  let order: OrderTable | null = null;
  const orderId = input.orderId ?? kase.order_id;
  if (orderId !== null) {
    order =
      (await ctx.db
        .selectFrom('orders')
        .selectAll()
        .where('org_id', '=', ctx.orgId)
        .where('id', '=', orderId)
        .executeTakeFirst()) ?? null;
    if (!order && input.orderId !== undefined) throw new AppError('not-found', 'No such order.');
    if (
      order &&
      input.orderId !== undefined &&
      kase.customer_id !== null &&
      order.customer_id !== kase.customer_id
    )
      throw new AppError('validation', "The order is not this case's customer's.", [
        { path: 'body.order_id', message: "expected an order of the case's customer" },
      ]);
  }
  const gathered = await gatherFacts(ctx, org, kase, order);
  const facts = { ...gathered.facts, ...supplied };
  const compiled = charter.decisions.get(name);
  const missing = compiled ? factsNeeded(charter, compiled).filter((f) => facts[f] === undefined) : [];
  const e = charter.evaluate(name, facts);
  if (e.error || !e.policy) throw new AppError('policy-error', `${name}: ${e.error?.message ?? 'no policy'}`);
  const own = e.matched.find((m) => m.decision === name);

  const g = grantOf(
    name,
    e.value,
    facts,
    org.currency,
    'Order amount' in supplied ? null : gathered.orderMinor,
  );
  if (!g.ok && g.code === 'unmapped-outcome') throw new AppError('policy-error', g.message);
  const grant = g.ok ? g.grant : null;
  const authority = grant ? checkAuthority(charter, ctx.role, grant) : null;
  return {
    decision: name,
    policy: { id: e.policy.id, version: e.policy.version },
    section: { policy: e.policy.id, section: name },
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
