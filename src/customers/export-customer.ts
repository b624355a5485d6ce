/**
 * @module customers/export-customer
 * The privacy export: everything held about one customer, as plain JSON — profile, every order,
 * lifetime value, their cases with timelines and decisions, and the audit entries about them.
 * The export itself is audited (who took a copy of someone's data, and when).
 */
import { appendAudit } from '../audit/index.ts';
import { fromJsonText } from '../store/index.ts';
import {
  type CustomerContext,
  type CustomerView,
  customerView,
  iso,
  isoOrNull,
  type MoneyTotal,
  type OrderView,
  orderView,
} from './customer-view.ts';
import { requireCustomer } from './find-customer.ts';
import { lifetimeValue } from './lifetime-value.ts';

export interface ExportedTimelineEntry {
  readonly id: string;
  readonly seq: number;
  readonly kind: string;
  readonly visibility: string;
  readonly actor_type: string;
  readonly actor_id: string | null;
  readonly body: string;
  readonly data: unknown;
  readonly amends_id: string | null;
  readonly created_at: string;
}

export interface ExportedDecision {
  readonly id: string;
  readonly policy_id: string;
  readonly policy_version: number;
  readonly decision: string;
  readonly facts: unknown;
  readonly outputs: unknown;
  readonly matched: unknown;
  readonly actor_id: string;
  readonly decided_at: string;
  readonly approval_state: string;
  readonly amount_minor: number | null;
  readonly currency: string | null;
}

export interface ExportedCase {
  readonly id: string;
  readonly number: number;
  readonly kind: string;
  readonly channel: string;
  readonly category: string | null;
  readonly priority: string;
  readonly status: string;
  readonly subject: string;
  readonly order_id: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly resolved_at: string | null;
  readonly timeline: ExportedTimelineEntry[];
  readonly decisions: ExportedDecision[];
}

export interface ExportedAuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor_type: string;
  readonly actor_id: string | null;
  readonly action: string;
  readonly data: unknown;
}

export interface CustomerExport {
  readonly exported_at: string;
  readonly customer: CustomerView;
  readonly orders: OrderView[];
  readonly lifetime_value: MoneyTotal[];
  readonly cases: ExportedCase[];
  readonly audit: ExportedAuditEntry[];
}

/**
 * @example const data = await exportCustomer(ctx, id); data.cases[0]?.timeline
 */
export async function exportCustomer(ctx: CustomerContext, id: string): Promise<CustomerExport> {
  const { db, orgId } = ctx;
  const row = await requireCustomer(db, orgId, id);
  const orders = await db
    .selectFrom('orders')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('customer_id', '=', id)
    .orderBy('placed_at')
    .orderBy('id')
    .execute();
  const cases = await db
    .selectFrom('cases')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('customer_id', '=', id)
    .orderBy('number')
    .execute();
  const caseIds = cases.map((c) => c.id);
  const entries =
    caseIds.length === 0
      ? []
      : await db
          .selectFrom('timeline_entries')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('case_id', 'in', caseIds)
          .orderBy('case_id')
          .orderBy('seq')
          .execute();
  const decisions =
    caseIds.length === 0
      ? []
      : await db
          .selectFrom('decisions')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('case_id', 'in', caseIds)
          .orderBy('decided_at')
          .orderBy('id')
          .execute();
  const audit = await db
    .selectFrom('audit_log')
    .select(['seq', 'at', 'actor_type', 'actor_id', 'action', 'data'])
    .where('org_id', '=', orgId)
    .where('entity', '=', 'customer')
    .where('entity_id', '=', id)
    .orderBy('seq')
    .execute();
  const result: CustomerExport = {
    exported_at: iso(ctx.now),
    customer: customerView(row),
    orders: orders.map(orderView),
    lifetime_value: await lifetimeValue(db, orgId, id),
    cases: cases.map((c) => ({
      id: c.id,
      number: c.number,
      kind: c.kind,
      channel: c.channel,
      category: c.category,
      priority: c.priority,
      status: c.status,
      subject: c.subject,
      order_id: c.order_id,
      created_at: iso(c.created_at),
      updated_at: iso(c.updated_at),
      resolved_at: isoOrNull(c.resolved_at),
      timeline: entries
        .filter((e) => e.case_id === c.id)
        .map((e) => ({
          id: e.id,
          seq: e.seq,
          kind: e.kind,
          visibility: e.visibility,
          actor_type: e.actor_type,
          actor_id: e.actor_id,
          body: e.body,
          data: fromJsonText<unknown>(e.data, null),
          amends_id: e.amends_id,
          created_at: iso(e.created_at),
        })),
      decisions: decisions
        .filter((d) => d.case_id === c.id)
        .map((d) => ({
          id: d.id,
          policy_id: d.policy_id,
          policy_version: d.policy_version,
          decision: d.decision,
          facts: fromJsonText<unknown>(d.facts, null),
          outputs: fromJsonText<unknown>(d.outputs, null),
          matched: fromJsonText<unknown>(d.matched, null),
          actor_id: d.actor_id,
          decided_at: iso(d.decided_at),
          approval_state: d.approval_state,
          amount_minor: d.amount_minor,
          currency: d.currency,
        })),
    })),
    audit: audit.map((a) => ({
      seq: a.seq,
      at: iso(a.at),
      actor_type: a.actor_type,
      actor_id: a.actor_id,
      action: a.action,
      data: fromJsonText<unknown>(a.data, null),
    })),
  };
  await appendAudit(db, ctx.dialect, {
    orgId,
    actorType: 'user',
    actorId: ctx.actorId,
    action: 'customer.exported',
    entity: 'customer',
    entityId: id,
    data: { orders: orders.length, cases: cases.length },
    at: ctx.now,
  });
  return result;
}
