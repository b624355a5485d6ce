/**
 * @module decisions/create-decision
 * Applies a charter decision to a case: gathers the facts, lets the caller's facts override them,
 * evaluates with the charter in force on the organisation's local date, works out what is granted
 * and for how much, checks the decider's authority, and records it all — the decision (replayable
 * from its facts), an approval request when one is needed, a goodwill budget debit when granted
 * alone, a timeline entry in the policy's words, and audit entries.
 */
import { appendAudit } from '../audit/index.ts';
import { AppError } from '../server/errors.ts';
import { toJsonText } from '../store/dialect.ts';
import { insertRows } from '../store/hot-sql.ts';
import { newId } from '../store/ids.ts';
import type { ApprovalTable } from '../store/schema.ts';
import type { Grant } from './amounts.ts';
import { budgetFor, debitBudget } from './budgets.ts';
import { type AuthorityCheck, checkAuthority } from './check-authority.ts';
import type { DecisionContext } from './context.ts';
import { type DecisionView, decisionView } from './decision-view.ts';
import { type DecisionInput, evaluateForCase } from './evaluate-for-case.ts';
import { formatMoney } from './money.ts';
import { budgetPeriod } from './org-calendar.ts';
import type { DecisionRow } from './store-types.ts';
import { appendTimelineEntry } from './timeline.ts';

const DECISION_COLUMNS = [
  'org_id',
  'id',
  'case_id',
  'policy_id',
  'policy_version',
  'decision',
  'facts',
  'inputs',
  'outputs',
  'matched',
  'warnings',
  'actor_id',
  'decided_at',
  'approval_state',
  'approver_role',
  'amount_minor',
  'currency',
  'authority',
  'supplied_facts',
  'grants',
] as const satisfies readonly (keyof DecisionRow)[];

/** What a caller asks to decide. */
export type NewDecision = DecisionInput;

function summarise(value: unknown): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return Object.entries(value)
      .map(([k, v]) => `${k} ${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function timelineBody(
  name: string,
  value: unknown,
  policy: { id: string; version: number },
  rule: { rule: number; annotations: readonly string[] } | undefined,
  grant: Grant | null,
  authority: AuthorityCheck | null,
): string {
  let body = `${name}: ${summarise(value)}`;
  if (grant) body += ` (${grant.outcome}, ${formatMoney(grant.amountMinor, grant.currency)})`;
  body += rule
    ? ` — "${rule.annotations.join(' ') || 'no annotation'}" (${policy.id} v${policy.version}, rule ${rule.rule}).`
    : ` — no rule applied (${policy.id} v${policy.version}).`;
  if (authority && !authority.may_grant_alone)
    body += ` Needs approval by a ${authority.approver}: "${authority.annotations.join(' ')}".`;
  return body;
}

/**
 * Decides `input.decision` on case `caseId` as the context's actor; run inside a transaction.
 * @example const view = await createDecision(ctx, caseId, { decision: 'Refund', facts: { 'Item condition': 'unopened' } })
 * // view.decision.approval_state === 'none', view.explanation.annotations[0] === 'Within 30 days and still as new: full refund'
 */
export async function createDecision(
  ctx: DecisionContext,
  caseId: string,
  input: NewDecision,
): Promise<DecisionView> {
  const {
    kase,
    org,
    team,
    charter,
    name,
    supplied,
    facts,
    evaluation: e,
    policy,
    grant: g,
  } = await evaluateForCase(ctx, caseId, input);
  if (!g.ok)
    throw new AppError('validation', g.message, [
      { path: g.code === 'bad-amount' ? 'body.facts.Amount' : 'body.order_id', message: g.message },
    ]);
  const grant = g.grant;
  const authority = grant ? checkAuthority(charter, ctx.role, grant) : null;
  const pending = authority !== null && !authority.may_grant_alone;
  const id = newId();
  const suppliedNames = Object.keys(supplied);

  let budgetData: unknown = null;
  if (grant?.grants === 'goodwill' && !pending) {
    const budget = budgetFor(charter, { userId: ctx.actorId, role: ctx.role, team }, org.currency);
    const period = budgetPeriod(ctx.now, org.time_zone);
    const debit = await debitBudget(ctx, budget, period, grant.amountMinor, id);
    budgetData = { key: debit.key, period, entry_id: debit.entryId, left_minor: debit.leftMinor };
  }

  const row: DecisionRow = {
    org_id: ctx.orgId,
    id,
    case_id: kase.id,
    policy_id: policy.id,
    policy_version: policy.version,
    decision: name,
    facts: toJsonText(facts),
    inputs: toJsonText(e.inputs),
    outputs: toJsonText(e.value),
    matched: toJsonText(e.matched),
    warnings: toJsonText(e.warnings),
    actor_id: ctx.actorId,
    decided_at: ctx.now,
    approval_state: pending ? 'pending' : 'none',
    approver_role: pending ? authority.approver_role : null,
    amount_minor: grant?.amountMinor ?? null,
    currency: grant?.currency ?? null,
    authority: authority ? toJsonText(authority) : null,
    supplied_facts: toJsonText(suppliedNames),
    grants: grant?.grants ?? null,
  };
  await insertRows(ctx.db, ctx.dialect, 'decisions', DECISION_COLUMNS, [row]);

  let approval: ApprovalTable | null = null;
  if (pending && authority.approver_role) {
    approval = {
      org_id: ctx.orgId,
      id: newId(),
      decision_id: id,
      case_id: kase.id,
      requested_by: ctx.actorId,
      approver_role: authority.approver_role,
      state: 'pending',
      decided_by: null,
      decided_at: null,
      reason: null,
      created_at: ctx.now,
    };
    await ctx.db.insertInto('approvals').values(approval).execute();
  }

  const rule = e.matched.find((m) => m.decision === name);
  const entry = await appendTimelineEntry(ctx.db, ctx.dialect, {
    orgId: ctx.orgId,
    caseId: kase.id,
    kind: 'decision',
    actorId: ctx.actorId,
    body: timelineBody(name, e.value, policy, rule, grant, authority),
    data: {
      decision_id: id,
      decision: name,
      outputs: e.value,
      policy,
      rule: rule?.rule ?? null,
      annotations: rule?.annotations ?? [],
      amount_minor: row.amount_minor,
      currency: row.currency,
      approval_state: row.approval_state,
      approval_id: approval?.id ?? null,
    },
    at: ctx.now,
  });
  await appendAudit(ctx.db, ctx.dialect, {
    orgId: ctx.orgId,
    actorType: 'user',
    actorId: ctx.actorId,
    action: 'decision.created',
    entity: 'decision',
    entityId: id,
    data: {
      case_id: kase.id,
      decision: name,
      policy,
      rule: rule?.rule ?? null,
      outputs: e.value,
      supplied_facts: suppliedNames,
      amount_minor: row.amount_minor,
      currency: row.currency,
      approval_state: row.approval_state,
      approver_role: row.approver_role,
      budget: budgetData,
      timeline_entry_id: entry.id,
    },
    at: ctx.now,
  });
  if (approval)
    await appendAudit(ctx.db, ctx.dialect, {
      orgId: ctx.orgId,
      actorType: 'user',
      actorId: ctx.actorId,
      action: 'approval.requested',
      entity: 'approval',
      entityId: approval.id,
      data: { decision_id: id, case_id: kase.id, approver_role: approval.approver_role },
      at: ctx.now,
    });
  return decisionView(row, approval, {
    facts,
    supplied_facts: suppliedNames,
    inputs: e.inputs,
    outputs: e.value,
    matched: e.matched,
    warnings: e.warnings,
    authority,
  });
}
