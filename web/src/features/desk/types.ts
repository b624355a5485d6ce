/**
 * The shapes the desk reads from the API (see the route schemas in src/server/routes/cases,
 * decisions and customers). Only the fields the desk uses are typed; test/contract/web-api.ts holds
 * them to the routes' response schemas.
 */

export type CaseStatus = 'new' | 'open' | 'waiting on customer' | 'waiting on us' | 'resolved' | 'closed';

export const OPEN_STATUSES: readonly CaseStatus[] = ['new', 'open', 'waiting on customer', 'waiting on us'];
export const STATUSES: readonly CaseStatus[] = [...OPEN_STATUSES, 'resolved', 'closed'];
export const KINDS = ['question', 'complaint', 'refund request', 'compliment'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** Which status may follow which (the server's table in src/cases/case-vocabulary.ts). */
export const NEXT_STATUS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['open', 'waiting on customer', 'waiting on us', 'resolved', 'closed'],
  open: ['waiting on customer', 'waiting on us', 'resolved', 'closed'],
  'waiting on customer': ['open', 'waiting on us', 'resolved', 'closed'],
  'waiting on us': ['open', 'waiting on customer', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

export interface CaseRecord {
  readonly id: string;
  readonly number: number;
  readonly kind: string;
  readonly channel: string;
  readonly category: string | null;
  readonly priority: string;
  readonly status: CaseStatus;
  readonly subject: string;
  readonly customer_id: string | null;
  readonly order_id: string | null;
  readonly assignee_id: string | null;
  readonly team_id: string | null;
  readonly next_deadline: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly resolved_at: string | null;
  readonly version: number;
}

export interface SlaBadge {
  readonly state: 'running' | 'warning' | 'breached' | 'paused' | 'none';
  readonly metric: string | null;
  readonly promise: 'customer' | 'internal' | null;
  readonly due_at: string | null;
  readonly remaining_minutes: number | null;
  readonly calendar: string | null;
  readonly paused_why: string | null;
}

export interface QueueItem {
  readonly case: CaseRecord;
  readonly sla: SlaBadge;
  readonly customer_name: string | null;
  readonly assignee_name: string | null;
  readonly team_name: string | null;
}

export interface QueuePage {
  readonly as_of: string;
  readonly items: readonly QueueItem[];
  readonly next_cursor: string | null;
}

export interface Entry {
  readonly id: string;
  readonly seq: number;
  readonly kind: string;
  readonly visibility: 'public' | 'internal';
  readonly actor_type: 'user' | 'customer' | 'system';
  readonly actor_id: string | null;
  readonly body: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly amends_id: string | null;
  readonly created_at: string;
}

export interface Step {
  readonly procedure: string;
  readonly number: number | null;
  readonly step: string;
  readonly guidance: string;
  readonly required: boolean;
  readonly done_at: string | null;
  readonly done_by: string | null;
  readonly evidence: string | null;
}

export interface Interval {
  readonly state: 'running' | 'paused';
  readonly from: string;
  readonly to: string | null;
  readonly why: string;
  readonly until: string | null;
  readonly wall_minutes: number;
  readonly business_minutes: number;
}

export interface AppliedTarget {
  readonly from: string;
  readonly why: string;
  readonly policy: { readonly id: string; readonly version: number };
  readonly rule: { readonly decision: string; readonly number: number; readonly annotation: string | null };
  readonly duration: string;
  readonly calendar: string;
  readonly budget_minutes: number;
  readonly due_at: string | null;
}

export interface Clock {
  readonly id: string;
  readonly metric: string;
  readonly promise: 'customer' | 'internal';
  readonly cycle: number;
  readonly state: 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
  readonly active: boolean;
  readonly paused: boolean;
  readonly calendar: string;
  readonly started_at: string;
  readonly stopped_at: string | null;
  readonly stop_why: string | null;
  readonly due_at: string | null;
  readonly warning_at: string | null;
  readonly breached_at: string | null;
  readonly budget_minutes: number;
  readonly used_minutes: number;
  readonly remaining_minutes: number;
  readonly target: AppliedTarget;
  readonly targets: readonly AppliedTarget[];
  readonly intervals: readonly Interval[];
}

export interface Sla {
  readonly as_of: string;
  readonly next_deadline: string | null;
  readonly clocks: readonly Clock[];
  readonly issues: readonly { readonly code: string; readonly message: string }[];
}

export interface CaseDetail {
  readonly case: CaseRecord;
  readonly timeline: readonly Entry[];
  readonly procedure: readonly Step[];
  readonly sla: Sla;
}

export interface Directory {
  readonly teams: readonly { readonly id: string; readonly name: string }[];
  readonly staff: readonly {
    readonly id: string;
    readonly name: string;
    readonly role: string;
    readonly team_id: string | null;
    readonly active: boolean;
  }[];
  readonly my_team_id: string | null;
}

export interface Order {
  readonly id: string;
  readonly number: string;
  readonly placed_at: string;
  readonly delivered_at: string | null;
  readonly currency: string;
  readonly total_minor: number;
  readonly items: readonly {
    readonly name: string;
    readonly category: string | null;
    readonly quantity: number;
  }[];
}

export interface Customer {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly tier: string;
  readonly consent: Readonly<Record<string, boolean>>;
  readonly channel_restriction: string | null;
  readonly erased_at: string | null;
  readonly orders: readonly Order[];
  readonly order_count: number;
  /** Order totals per currency. */
  readonly lifetime_value: readonly MoneyTotal[];
  /** Refunds granted on the customer's cases per currency (alone or approved). */
  readonly refunded: readonly MoneyTotal[];
  /** Spend net of refunds: the charter's `Lifetime value`. */
  readonly lifetime_value_net: readonly MoneyTotal[];
}

export interface MoneyTotal {
  readonly currency: string;
  readonly total_minor: number;
}

export interface RuleText {
  readonly number: number;
  readonly inputs: readonly { readonly name: string; readonly test: string }[];
  readonly outputs: readonly { readonly name: string; readonly value: string }[];
  readonly annotations: readonly string[];
}

export interface CatalogueFact {
  readonly name: string;
  readonly type: string;
  readonly values: string | null;
  readonly description: string | null;
  readonly source: 'case' | 'customer' | 'order' | 'account' | 'agent';
}

export interface CatalogueEntry {
  readonly decision: string;
  readonly policy: {
    readonly id: string;
    readonly title: string;
    readonly version: number;
    readonly audience: string;
  };
  readonly section: string;
  readonly kind: 'table' | 'expression';
  readonly outputs: readonly { readonly name: string; readonly values: string | null }[];
  readonly facts: readonly CatalogueFact[];
  readonly grants: boolean;
  readonly rules: readonly RuleText[];
}

export interface Authority {
  readonly may_grant_alone: boolean;
  readonly approver: string | null;
  readonly approver_role: string | null;
  readonly rule: number | null;
  readonly annotations: readonly string[];
  readonly policy: { readonly id: string; readonly version: number } | null;
}

export interface Preview {
  readonly decision: string;
  readonly policy: { readonly id: string; readonly version: number };
  readonly facts: Readonly<Record<string, unknown>>;
  readonly gathered: readonly string[];
  readonly supplied: readonly string[];
  readonly missing: readonly string[];
  readonly value: unknown;
  readonly rule: number | null;
  readonly annotations: readonly string[];
  readonly rule_text: RuleText | null;
  readonly grant: {
    readonly outcome: string;
    readonly grants: string;
    readonly amount_minor: number;
    readonly currency: string;
    readonly basis: string;
  } | null;
  readonly grant_problem: string | null;
  readonly authority: Authority | null;
}

export interface Approval {
  readonly id: string;
  readonly decision_id: string;
  readonly case_id: string;
  readonly state: 'pending' | 'approved' | 'denied';
  readonly approver_role: string;
  readonly requested_by: string;
  readonly decided_by: string | null;
  readonly decided_at: string | null;
  readonly reason: string | null;
  readonly created_at: string;
}

export interface DecisionView {
  readonly decision: {
    readonly id: string;
    readonly case_id: string;
    readonly decision: string;
    readonly policy: { readonly id: string; readonly version: number };
    readonly facts: Readonly<Record<string, unknown>>;
    readonly supplied_facts: readonly string[];
    readonly outputs: unknown;
    readonly actor_id: string;
    readonly decided_at: string;
    readonly approval_state: 'none' | 'pending' | 'approved' | 'denied';
    readonly approver_role: string | null;
    readonly amount_minor: number | null;
    readonly currency: string | null;
    readonly authority:
      | (Authority & { readonly grant: { readonly outcome: string; readonly basis: string } })
      | null;
  };
  readonly explanation: {
    readonly policy: { readonly id: string; readonly version: number };
    readonly section: { readonly policy: string; readonly section: string };
    readonly rule: number | null;
    readonly annotations: readonly string[];
    readonly authority: {
      readonly policy: { readonly id: string; readonly version: number } | null;
      readonly rule: number | null;
      readonly annotations: readonly string[];
      readonly may_grant_alone: boolean;
      readonly approver: string | null;
    } | null;
  };
  readonly approval: Approval | null;
}

export interface Budget {
  readonly budget_key: string;
  readonly period: string;
  readonly currency: string;
  readonly limit_minor: number;
  readonly spent_minor: number;
  readonly left_minor: number;
}

export interface InboxItem extends Approval {
  readonly case_number: number;
  readonly decision: string;
  readonly outcome: string | null;
  readonly amount_minor: number | null;
  readonly currency: string | null;
  readonly requested_by_user: { readonly id: string; readonly name: string };
  readonly can_decide: boolean;
  readonly budget: Budget | null;
}

export interface BudgetLine {
  readonly budget_key: string;
  readonly period: string;
  readonly holder:
    | { readonly type: 'user'; readonly id: string; readonly name: string }
    | { readonly type: 'team'; readonly name: string }
    | null;
  readonly currency: string;
  readonly limit_minor: number | null;
  readonly spent_minor: number;
  readonly left_minor: number | null;
}
