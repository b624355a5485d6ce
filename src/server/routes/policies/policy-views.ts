/**
 * @module server/routes/policies/policy-views
 * Policy records as the API shows them: snake_case, ISO instants.
 */
import type {
  PolicyDiagnostic,
  PolicyDiff,
  PolicySummary,
  PolicyVersionDetail,
  PolicyVersionSummary,
} from '../../../charter/index.ts';
import type { PolicyVersionTable } from '../../../store/schema.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export function versionSummaryView(v: PolicyVersionSummary) {
  return {
    id: v.id,
    policy_id: v.policyId,
    version: v.version,
    title: v.title,
    audience: v.audience,
    effective: v.effective,
    state: v.state,
    in_force: v.inForce,
    owner: v.owner,
    review: v.review,
    review_due: v.reviewDue,
    created_at: iso(v.createdAt),
    published_at: v.publishedAt === null ? null : iso(v.publishedAt),
    published_by: v.publishedBy,
    source_hash: v.sourceHash,
  };
}

export function policySummaryView(p: PolicySummary) {
  return {
    policy_id: p.policyId,
    title: p.title,
    audience: p.audience,
    owner: p.owner,
    in_force_version: p.inForceVersion,
    latest_version: p.latestVersion,
    draft_version: p.draftVersion,
    effective: p.effective,
    review: p.review,
    review_due: p.reviewDue,
    review_overdue: p.reviewOverdue,
    acknowledgements: {
      version: p.acknowledgements.version,
      acknowledged: p.acknowledgements.acknowledged,
      staff: p.acknowledgements.staff,
      by_me: p.acknowledgements.byMe,
    },
    versions: p.versions.map(versionSummaryView),
  };
}

export function versionDetailView(v: PolicyVersionDetail) {
  return {
    ...versionSummaryView(v),
    source: v.source,
    acknowledgements: {
      version: v.acknowledgements.version,
      acknowledged: v.acknowledgements.acknowledged,
      staff: v.acknowledgements.staff,
      by_me: v.acknowledgements.byMe,
    },
  };
}

/** A stored row right after a change (the writer's answer). */
export function savedView(row: PolicyVersionTable) {
  return {
    id: row.id,
    policy_id: row.policy_id,
    version: row.version,
    title: row.title,
    audience: row.audience,
    effective: row.effective,
    state: row.state,
    source: row.source,
    created_at: iso(Number(row.created_at)),
    published_at: row.published_at === null ? null : iso(Number(row.published_at)),
  };
}

export function diagnosticView(d: PolicyDiagnostic) {
  return {
    line: d.line,
    column: d.column,
    end_line: d.endLine,
    end_column: d.endColumn,
    severity: d.severity,
    rule: d.rule,
    message: d.message,
    ...(d.decision !== undefined ? { decision: d.decision } : {}),
    ...(d.file !== undefined ? { file: d.file } : {}),
  };
}

export function diffView(d: PolicyDiff) {
  return {
    policy_id: d.policyId,
    from: d.from,
    to: d.to,
    text: d.text.map((c) => ({ kind: c.kind, lines: [...c.lines] })),
    added: d.added,
    removed: d.removed,
    semantic: {
      problems: [...d.semantic.problems],
      decisions: d.semantic.decisions.map((x) => ({
        decision: x.decision,
        status: x.status,
        ...(x.hitPolicy ? { hit_policy: x.hitPolicy } : {}),
        rules: x.rules.map((r) => ({
          kind: r.kind,
          ...(r.before !== undefined ? { before: r.before } : {}),
          ...(r.after !== undefined ? { after: r.after } : {}),
          conditions: [...r.conditions],
          ...(r.outputsBefore ? { outputs_before: [...r.outputsBefore] } : {}),
          ...(r.outputsAfter ? { outputs_after: [...r.outputsAfter] } : {}),
        })),
        outcomes: x.outcomes.map((o) => ({ facts: { ...o.facts }, before: o.before, after: o.after })),
        compared: x.compared,
      })),
    },
  };
}
