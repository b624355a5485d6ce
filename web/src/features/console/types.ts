/**
 * The console's view of the policies API (snake_case as the server sends it). test/contract/web-api.ts
 * holds these to the routes' response schemas.
 */

export type VersionState = 'draft' | 'published' | 'retired';

export interface VersionSummary {
  readonly id: string;
  readonly policy_id: string;
  readonly version: number;
  readonly title: string;
  readonly audience: 'public' | 'staff';
  readonly effective: string;
  readonly state: VersionState;
  readonly in_force: boolean;
  readonly owner: string | null;
  readonly review: string | null;
  readonly review_due: string | null;
  readonly created_at: string;
  readonly published_at: string | null;
  readonly published_by: { readonly id: string; readonly name: string } | null;
  readonly source_hash: string;
}

export interface Acknowledgements {
  readonly version: number | null;
  readonly acknowledged: number;
  readonly staff: number;
  readonly by_me: boolean;
}

export interface PolicySummary {
  readonly policy_id: string;
  readonly title: string;
  readonly audience: 'public' | 'staff';
  readonly owner: string | null;
  readonly in_force_version: number | null;
  readonly latest_version: number;
  readonly draft_version: number | null;
  readonly effective: string | null;
  readonly review: string | null;
  readonly review_due: string | null;
  readonly review_overdue: boolean;
  readonly acknowledgements: Acknowledgements;
  readonly versions: readonly VersionSummary[];
}

export interface Library {
  readonly today: string;
  readonly items: readonly PolicySummary[];
}

export interface VersionDetail extends VersionSummary {
  readonly source: string;
  readonly acknowledgements: Acknowledgements & { readonly version: number };
}

export interface SavedVersion {
  readonly id: string;
  readonly policy_id: string;
  readonly version: number;
  readonly state: VersionState;
  readonly effective: string;
  readonly source: string;
  readonly source_hash: string;
}

export interface LintDiagnostic {
  readonly line: number;
  readonly column: number;
  readonly end_line: number;
  readonly end_column: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly rule: string;
  readonly message: string;
  readonly decision?: string;
  readonly file?: string;
}

export interface LintAnswer {
  readonly policy_id: string | null;
  readonly diagnostics: readonly LintDiagnostic[];
  readonly elsewhere: readonly LintDiagnostic[];
  readonly errors: number;
  readonly warnings: number;
  readonly checked_with: readonly string[];
}

export interface RuleChange {
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before?: number;
  readonly after?: number;
  readonly conditions: readonly string[];
  readonly outputs_before?: readonly string[];
  readonly outputs_after?: readonly string[];
}

export interface DecisionDiff {
  readonly decision: string;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly hit_policy?: { readonly before: string; readonly after: string };
  readonly rules: readonly RuleChange[];
  readonly outcomes: readonly {
    readonly facts: Readonly<Record<string, unknown>>;
    readonly before: unknown;
    readonly after: unknown;
  }[];
  readonly compared: number;
}

export interface TextChange {
  readonly kind: 'added' | 'removed' | 'unchanged';
  readonly lines: readonly string[];
}

export interface PolicyDiff {
  readonly policy_id: string;
  readonly from: number | null;
  readonly to: number | null;
  readonly text: readonly TextChange[];
  readonly added: number;
  readonly removed: number;
  readonly semantic: { readonly decisions: readonly DecisionDiff[]; readonly problems: readonly string[] };
}

export interface Load {
  readonly open_cases: number;
  readonly resolved_last_7_days: number;
  readonly overdue_now: number;
  readonly breaches_last_7_days: number;
}

export interface Overview {
  readonly as_of: string;
  readonly today: string;
  readonly people: readonly (Load & {
    readonly user_id: string | null;
    readonly name: string;
    readonly role: string | null;
  })[];
  readonly totals: Load;
  readonly standards: readonly {
    readonly policy_id: string;
    readonly section: string;
    readonly measure: string;
    readonly target: string;
    readonly notes: string | null;
  }[];
}

export type StaffRole = 'admin' | 'manager' | 'agent' | 'auditor';

export interface StaffMember {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly team_id: string | null;
  readonly active: boolean;
}

export interface TeamLine {
  readonly id: string;
  readonly name: string;
  readonly members: number;
}

export interface StaffList {
  readonly staff: readonly StaffMember[];
  readonly teams: readonly TeamLine[];
}

export interface AuditEntry {
  readonly seq: number;
  readonly id: string;
  readonly at: string;
  readonly actor_type: string;
  readonly actor_name: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entity_id: string;
  readonly data: unknown;
  readonly prev_hash: string;
  readonly hash: string;
}

export interface AuditPage {
  readonly items: readonly AuditEntry[];
  readonly next_before: number | null;
}

export interface AuditCheck {
  readonly ok: boolean;
  readonly entries: number;
  readonly broken_at?: { readonly seq: number; readonly id: string; readonly reason: string };
}
