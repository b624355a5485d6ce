/**
 * @module store/schema
 * The database as Kysely sees it. Every table carries `org_id`, and it leads every key, so one
 * organisation never reads another's rows and the schema can be distributed by organisation.
 * Instants are epoch milliseconds (integers); money is integer minor units with an ISO 4217 code;
 * structured values are JSON text (see `dialect.ts`).
 */
import type { Generated } from 'kysely';

export type Role = 'admin' | 'manager' | 'agent' | 'auditor';

export interface OrgTable {
  org_id: string;
  slug: string;
  name: string;
  time_zone: string;
  currency: string;
  created_at: number;
  next_case_number: number;
  /** Bumped by a trigger on every write to the organisation's policy versions (cache key). */
  charter_revision: Generated<number>;
}

export interface TeamTable {
  org_id: string;
  id: string;
  name: string;
  created_at: number;
}

export interface UserTable {
  org_id: string;
  id: string;
  email: string;
  name: string;
  role: Role;
  team_id: string | null;
  password_hash: string;
  disabled: number;
  created_at: number;
}

export interface SessionTable {
  org_id: string;
  id: string;
  user_id: string;
  token_hash: string;
  csrf_hash: string;
  created_at: number;
  expires_at: number;
}

export interface ApiTokenTable {
  org_id: string;
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: number;
  revoked_at: number | null;
}

export interface CustomerTable {
  org_id: string;
  id: string;
  external_ref: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  tier: string;
  /** JSON: { marketing: boolean, surveys: boolean, … } */
  consent: string;
  /** e.g. "email only" after abuse; null when unrestricted. */
  channel_restriction: string | null;
  erased_at: number | null;
  created_at: number;
  updated_at: number;
  version: number;
}

export interface OrderTable {
  org_id: string;
  id: string;
  customer_id: string;
  number: string;
  placed_at: number;
  delivered_at: number | null;
  currency: string;
  total_minor: number;
  /** JSON: [{ sku, name, category, quantity, unit_minor }] */
  items: string;
  created_at: number;
}

export type CaseKind = 'question' | 'complaint' | 'refund request' | 'compliment';
export type CaseStatus = 'new' | 'open' | 'waiting on customer' | 'waiting on us' | 'resolved' | 'closed';

export interface CaseTable {
  org_id: string;
  id: string;
  number: number;
  kind: CaseKind;
  channel: string;
  category: string | null;
  priority: string;
  status: CaseStatus;
  subject: string;
  customer_id: string | null;
  order_id: string | null;
  assignee_id: string | null;
  team_id: string | null;
  /** The earliest running SLA deadline (epoch ms), for the queue; null when none. */
  next_deadline: number | null;
  /** Policy versions in force when the case was created (JSON: { policyId: version }). */
  policy_versions: string;
  /** Hash of the customer's private link token. */
  portal_token_hash: string | null;
  search_text: string;
  created_at: number;
  updated_at: number;
  resolved_at: number | null;
  version: number;
}

export type TimelineKind =
  | 'message_in'
  | 'message_out'
  | 'call'
  | 'note'
  | 'status_change'
  | 'assignment'
  | 'transfer'
  | 'escalation'
  | 'decision'
  | 'approval'
  | 'procedure_step'
  | 'follow_up'
  | 'sla'
  | 'amendment'
  | 'survey'
  | 'audit';

/** Every column of a timeline entry, for writers that name them. */
export const TIMELINE_COLUMNS = [
  'org_id',
  'id',
  'case_id',
  'seq',
  'kind',
  'visibility',
  'actor_type',
  'actor_id',
  'body',
  'data',
  'amends_id',
  'created_at',
] as const satisfies readonly (keyof TimelineEntryTable)[];

export interface TimelineEntryTable {
  org_id: string;
  id: string;
  case_id: string;
  seq: number;
  kind: TimelineKind;
  /** public entries are seen by the customer; internal ones by staff only. */
  visibility: 'public' | 'internal';
  actor_type: 'user' | 'customer' | 'system';
  actor_id: string | null;
  body: string;
  /** JSON details (decision id, status from/to, evidence…). */
  data: string;
  /** The entry this one amends: timelines are never edited, only amended. */
  amends_id: string | null;
  created_at: number;
}

export interface ProcedureProgressTable {
  org_id: string;
  case_id: string;
  procedure: string;
  step: string;
  required: number;
  done_at: number | null;
  done_by: string | null;
  evidence: string | null;
}

export type ApprovalState = 'none' | 'pending' | 'approved' | 'denied';

export interface DecisionTable {
  org_id: string;
  id: string;
  case_id: string;
  policy_id: string;
  policy_version: number;
  decision: string;
  /** JSON: the facts exactly as gathered and supplied, so the decision can be replayed. */
  facts: string;
  inputs: string;
  outputs: string;
  matched: string;
  warnings: string;
  actor_id: string;
  decided_at: number;
  approval_state: ApprovalState;
  approver_role: string | null;
  amount_minor: number | null;
  currency: string | null;
  /** What the decision granted (refund, store credit, …; migration 0007), null when nothing. */
  grants: string | null;
}

export interface ApprovalTable {
  org_id: string;
  id: string;
  decision_id: string;
  case_id: string;
  requested_by: string;
  approver_role: string;
  state: 'pending' | 'approved' | 'denied';
  decided_by: string | null;
  decided_at: number | null;
  reason: string | null;
  created_at: number;
}

export interface BudgetEntryTable {
  org_id: string;
  id: string;
  /** e.g. "goodwill:team:customer care" or "goodwill:user:<id>". */
  budget_key: string;
  /** e.g. "2026-11" for monthly budgets. */
  period: string;
  amount_minor: number;
  currency: string;
  decision_id: string | null;
  created_at: number;
}

export interface PolicyVersionTable {
  org_id: string;
  id: string;
  policy_id: string;
  version: number;
  title: string;
  audience: 'public' | 'staff';
  effective: string;
  state: 'draft' | 'published' | 'retired';
  source: string;
  created_at: number;
  published_at: number | null;
  published_by: string | null;
}

export interface AcknowledgementTable {
  org_id: string;
  policy_version_id: string;
  user_id: string;
  acknowledged_at: number;
}

export interface JobTable {
  org_id: string;
  id: string;
  kind: string;
  due_at: number;
  payload: string;
  lease_owner: string | null;
  lease_expires_at: number | null;
  attempts: number;
  done_at: number | null;
  result: string | null;
}

export interface AuditTable {
  org_id: string;
  seq: number;
  id: string;
  at: number;
  actor_type: 'user' | 'customer' | 'system';
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  data: string;
  prev_hash: string;
  hash: string;
}

export interface IdempotencyTable {
  org_id: string;
  key: string;
  user_id: string;
  route: string;
  request_hash: string;
  status: number;
  response: string;
  created_at: number;
}

export interface Database {
  orgs: OrgTable;
  teams: TeamTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  customers: CustomerTable;
  orders: OrderTable;
  cases: CaseTable;
  timeline_entries: TimelineEntryTable;
  procedure_progress: ProcedureProgressTable;
  decisions: DecisionTable;
  approvals: ApprovalTable;
  budget_entries: BudgetEntryTable;
  policy_versions: PolicyVersionTable;
  acknowledgements: AcknowledgementTable;
  jobs: JobTable;
  audit_log: AuditTable;
  idempotency_keys: IdempotencyTable;
  login_attempts: { org_id: string; key: string; window_start: number; count: Generated<number> };
}
